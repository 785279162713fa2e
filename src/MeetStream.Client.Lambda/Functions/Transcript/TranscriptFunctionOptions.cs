namespace MeetStream.Client.Lambda;

/// <summary>Settings of <see cref="TranscriptFunction"/>: how patient the stale-session sweep is.</summary>
public sealed class TranscriptFunctionOptions
{
    /// <summary>Gets or sets how long after a bot stopped the sweep waits for <c>transcription.processed</c> before it looks for the transcript itself. Default 2 hours.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Gets or sets how long to wait between attempts to find a transcript that is not ready. Default 15 minutes.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Gets or sets how many vain attempts flag the session (<see cref="TranscriptProgress.Flagged"/>). Default 4.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Gets or sets how often the sweep re-checks a bot that is still in its meeting (through <c>GET /bots/{id}/status</c>, which also repairs lost webhooks). Default 30 minutes.</summary>
    public TimeSpan RunningCheckInterval { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Gets or sets how long a fetch claim holds if the invocation dies mid-fetch. Default 2 minutes.</summary>
    public TimeSpan FetchLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Gets or sets how many pending and how many awaiting sessions one scheduled run handles. Default 25 each.</summary>
    public int SweepLimit { get; set; } = 25;

    /// <summary>
    /// Gets or sets whether the talk-time analytics of each stored transcript (<see cref="MeetStream.Client.Analytics.TalkTimeAnalyzer.FromTranscript"/>)
    /// are stored beside it as <c>{transcript_id}.analytics.json</c> (<see cref="MeetingAnalyticsDocument"/>). Default <see langword="true"/>.
    /// </summary>
    public bool StoreAnalytics { get; set; } = true;

    /// <summary>
    /// Gets or sets the talk-time settings (the bot's name, turn gap, overlap); <see langword="null"/> for the defaults
    /// (the pipeline fills the bot name from <c>MEETSTREAM_BOT_NAME</c>).
    /// </summary>
    public MeetStream.Client.Analytics.TalkTimeOptions? Analytics { get; set; }

    /// <summary>Gets or sets the clock; default the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
