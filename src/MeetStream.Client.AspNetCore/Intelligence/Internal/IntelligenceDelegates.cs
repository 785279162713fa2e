using MeetStream.Client.Keywords;

namespace MeetStream.Client.AspNetCore.Internal;

/// <summary>A delegate registered with <c>OnKeywordHit</c>.</summary>
internal sealed record KeywordHitDelegate(Func<KeywordHit, IServiceProvider, CancellationToken, Task> Handle);

/// <summary>A delegate registered with <c>OnMeetingAnalytics</c>.</summary>
internal sealed record MeetingAnalyticsDelegate(Func<MeetingAnalyticsResult, IServiceProvider, CancellationToken, Task> Handle);
