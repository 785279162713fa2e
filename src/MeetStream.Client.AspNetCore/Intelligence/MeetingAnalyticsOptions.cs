using MeetStream.Client.Analytics;

namespace MeetStream.Client.AspNetCore;

/// <summary>Settings of <c>AddMeetingAnalytics</c>: how the report is computed and where the transcript comes from.</summary>
public sealed class MeetingAnalyticsOptions
{
    /// <summary>Gets or sets the talk-time settings (the bot's display name, turn gap, minimum overlap); <see langword="null"/> for the defaults.</summary>
    public TalkTimeOptions? TalkTime { get; set; }

    /// <summary>Gets or sets whether the keywords of <c>AddKeywordSpotting</c> are also spotted in the post-call transcript (<see cref="MeetingAnalyticsResult.KeywordHits"/>, and each raised to the keyword hit handlers). Default <see langword="true"/>.</summary>
    public bool SpotKeywordsInTranscript { get; set; } = true;

    /// <summary>
    /// Gets or sets whether a meeting without a post-call transcript (a streaming-only or caption provider, a failed
    /// transcription) is analysed from the speaker timeline (<c>GET /bots/{id}/get_speaker_timeline</c>) when
    /// <c>bot.done</c> arrives. Default <see langword="true"/>.
    /// </summary>
    public bool UseSpeakerTimelineWithoutTranscript { get; set; } = true;

    /// <summary>
    /// Gets or sets how a bot's transcript id is found. Default (<see langword="null"/>): the latest successful run of
    /// <c>GET /bots/{id}/transcriptions</c>, else <c>transcript_id</c> of <c>GET /bots/{id}/detail</c>. Return
    /// <see langword="null"/> when the bot has none (the transcript id of <c>create_bot</c>'s answer, if you stored it,
    /// is the cheapest answer).
    /// </summary>
    public Func<string, IServiceProvider, CancellationToken, ValueTask<string?>>? TranscriptIdResolver { get; set; }

    /// <summary>Gets or sets how many bots are remembered as analysed, so the analytics run once per bot (oldest forgotten first). Default 10,000.</summary>
    public int MaxTrackedMeetings { get; set; } = 10_000;

    /// <summary>Lists what is wrong, each message naming the setting.</summary>
    internal List<string> GetErrors()
    {
        var errors = new List<string>();
        if (MaxTrackedMeetings < 1)
        {
            errors.Add($"MeetingAnalyticsOptions.MaxTrackedMeetings must be at least 1; got {MaxTrackedMeetings}.");
        }

        return errors;
    }
}
