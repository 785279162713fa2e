namespace MeetStream.Client.Analytics;

/// <summary>
/// Settings of talk-time analytics (<see cref="TalkTimeAnalyzer"/>, <see cref="LiveTalkTimeTracker"/>): the bot's
/// name, how long a pause may be inside one turn, how long an overlap must be to count as an interruption, and the
/// meeting length used for the silence share.
/// </summary>
public sealed class TalkTimeOptions
{
    private readonly TimeSpan _turnGap = TimeSpan.FromSeconds(1.5);
    private readonly TimeSpan _minimumOverlap = TimeSpan.FromSeconds(0.3);
    private readonly TimeSpan? _meetingDuration;

    /// <summary>
    /// The bot's display name, compared case-insensitively. Its speech is reported in <see cref="TalkTimeReport.Bot"/>,
    /// not among <see cref="TalkTimeReport.Participants"/> nor in the human shares. <see langword="null"/>: no speaker is the bot.
    /// </summary>
    public string? BotName { get; init; }

    /// <summary>
    /// A speaker's pauses shorter than this stay inside one turn (and one monologue), unless someone else speaks in
    /// the pause. Must be greater than zero; default 1.5 s.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public TimeSpan TurnGap
    {
        get => _turnGap;
        init => _turnGap = value > TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(TurnGap), value, "TurnGap must be greater than zero.");
    }

    /// <summary>
    /// Overlaps shorter than this are not interruptions (back-channel "mm-hm", diarization jitter). Zero or more;
    /// default 0.3 s.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan MinimumOverlap
    {
        get => _minimumOverlap;
        init => _minimumOverlap = value >= TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MinimumOverlap), value, "MinimumOverlap must not be negative.");
    }

    /// <summary>
    /// The meeting's length for the silence share, measured from the start of the recording (time 0).
    /// <see langword="null"/> (default): from the first speech to the last.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public TimeSpan? MeetingDuration
    {
        get => _meetingDuration;
        init => _meetingDuration = value is null || value > TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MeetingDuration), value, "MeetingDuration must be greater than zero (or null).");
    }

    /// <summary>Gets whether a speaker name is the bot's (<see cref="BotName"/>, case-insensitive).</summary>
    /// <param name="speaker">The speaker name.</param>
    /// <returns><see langword="true"/> when it is the bot.</returns>
    public bool IsBot(string? speaker) =>
        !string.IsNullOrWhiteSpace(BotName) && speaker is not null && string.Equals(speaker.Trim(), BotName.Trim(), StringComparison.OrdinalIgnoreCase);
}
