using MeetStream.Client.Keywords;
using MeetStream.Client.Outbound;
using Microsoft.Extensions.Logging;

namespace MeetStream.Client.AspNetCore.Internal;

/// <summary>Forwards each keyword hit to a signed webhook sink (never waits: a full queue drops and is counted by the sink).</summary>
internal sealed class KeywordHitForwarder(SignedWebhookSink sink, ForwardedPayloadFormat format, ILogger logger) : IKeywordHitHandler
{
    public Task HandleAsync(KeywordHit hit, CancellationToken cancellationToken)
    {
        var queued = format == ForwardedPayloadFormat.SlackText
            ? sink.TryEnqueue(new SlackTextPayload(":mag: " + Describe(hit)), IntelligenceJsonContext.Default.SlackTextPayload)
            : sink.TryEnqueue(KeywordHitPayload.From(hit), IntelligenceJsonContext.Default.KeywordHitPayload);
        if (!queued)
        {
            IntelligenceLog.ForwardDropped(logger, sink.Name, "keyword hit", hit.BotId);
        }

        return Task.CompletedTask;
    }

    private static string Describe(KeywordHit hit) => (hit.IsLive ? "Live: " : "In the transcript: ") + hit + (hit.BotId is { } bot ? $" (bot {bot})" : string.Empty);
}

/// <summary>Forwards each meeting's analytics to a signed webhook sink.</summary>
internal sealed class MeetingAnalyticsForwarder(SignedWebhookSink sink, ForwardedPayloadFormat format, ILogger logger) : IMeetingAnalyticsHandler
{
    public Task HandleAsync(MeetingAnalyticsResult result, CancellationToken cancellationToken)
    {
        var queued = format == ForwardedPayloadFormat.SlackText
            ? sink.TryEnqueue(new SlackTextPayload($"Talk time for bot {result.BotId}:\n```\n{result.TalkTime.ToText()}\n```"), IntelligenceJsonContext.Default.SlackTextPayload)
            : sink.TryEnqueue(MeetingAnalyticsPayload.From(result), IntelligenceJsonContext.Default.MeetingAnalyticsPayload);
        if (!queued)
        {
            IntelligenceLog.ForwardDropped(logger, sink.Name, "meeting analytics", result.BotId);
        }

        return Task.CompletedTask;
    }
}
