namespace MeetStream.Client.AspNetCore;

/// <summary>
/// Handles the end-of-meeting analytics of a bot (talk time per participant, interruptions, silence, and the
/// keywords found in the post-call transcript), raised once per bot. Register with
/// <c>AddMeetingAnalyticsHandler&lt;T&gt;()</c> after <c>AddMeetingAnalytics(...)</c>. Runs in the DI scope of the
/// webhook event that ended the meeting; an exception is logged and does not stop the other handlers.
/// </summary>
public interface IMeetingAnalyticsHandler
{
    /// <summary>Handles the analytics of one meeting.</summary>
    /// <param name="result">The report and what it was computed from.</param>
    /// <param name="cancellationToken">Cancelled only when the host's shutdown timeout passes.</param>
    /// <returns>A task that completes when the result is handled.</returns>
    Task HandleAsync(MeetingAnalyticsResult result, CancellationToken cancellationToken);
}
