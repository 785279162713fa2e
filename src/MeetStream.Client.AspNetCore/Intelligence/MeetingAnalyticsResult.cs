using MeetStream.Client.Analytics;
using MeetStream.Client.Keywords;
using MeetStream.Client.Webhooks;

namespace MeetStream.Client.AspNetCore;

/// <summary>
/// The end-of-meeting analytics of one bot, raised to <see cref="IMeetingAnalyticsHandler"/>s: the talk-time report,
/// the keywords found in the post-call transcript, and what they were computed from.
/// </summary>
public sealed class MeetingAnalyticsResult
{
    /// <summary>Gets the bot whose meeting this is.</summary>
    public required string BotId { get; init; }

    /// <summary>Gets the talk-time report (<see cref="TalkTimeReport.Source"/> says whether it came from the transcript or the speaker timeline).</summary>
    public required TalkTimeReport TalkTime { get; init; }

    /// <summary>Gets the keywords found in the post-call transcript; empty without keyword spotting, without a transcript, or with <see cref="MeetingAnalyticsOptions.SpotKeywordsInTranscript"/> off.</summary>
    public IReadOnlyList<KeywordHit> KeywordHits { get; init; } = [];

    /// <summary>Gets the id of the transcript the report was computed from; <see langword="null"/> when it came from the speaker timeline.</summary>
    public string? TranscriptId { get; init; }

    /// <summary>Gets the transcript the report was computed from; <see langword="null"/> when it came from the speaker timeline.</summary>
    public Transcript? Transcript { get; init; }

    /// <summary>Gets the bot's <c>custom_attributes</c>, from the event that ended the meeting, when it carried them.</summary>
    public IReadOnlyDictionary<string, string>? CustomAttributes { get; init; }

    /// <summary>Gets the webhook event that triggered the analytics (<see cref="TranscriptionProcessedEvent"/> or <see cref="BotDoneEvent"/>).</summary>
    public required WebhookEvent Trigger { get; init; }

    /// <summary>Describes the result on one line.</summary>
    /// <returns>The bot, the source, the participants and the keyword count.</returns>
    public override string ToString() =>
        $"Meeting analytics for {BotId} ({TalkTime.Source}): {TalkTime.Participants.Count} participants, {KeywordHits.Count} keyword hits";
}
