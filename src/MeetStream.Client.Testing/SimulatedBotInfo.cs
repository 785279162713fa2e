namespace MeetStream.Client.Testing;

/// <summary>A snapshot of one simulated bot, for assertions: its status, the statuses it went through and the events it sent.</summary>
public sealed class SimulatedBotInfo
{
    /// <summary>Gets the bot id.</summary>
    public required string BotId { get; init; }

    /// <summary>Gets the current status as <c>GET /bots/{id}/status</c> reports it.</summary>
    public required BotStatus Status { get; init; }

    /// <summary>Gets every status the bot has had, oldest first.</summary>
    public required IReadOnlyList<string> StatusHistory { get; init; }

    /// <summary>Gets the specific names of the lifecycle and post-call events the bot has emitted (<c>bot_event ?? event</c>), oldest first.</summary>
    public required IReadOnlyList<string> Events { get; init; }

    /// <summary>Gets the scenario the bot follows (see <see cref="SimulatorScenarios"/>).</summary>
    public required string Scenario { get; init; }

    /// <summary>Gets the meeting link it was sent to.</summary>
    public required string MeetingLink { get; init; }

    /// <summary>Gets the platform (<c>GMeet</c>, <c>Zoom</c>, <c>Teams</c>).</summary>
    public required string Platform { get; init; }

    /// <summary>Gets the bot's display name.</summary>
    public required string BotName { get; init; }

    /// <summary>Gets the current transcript id, or null.</summary>
    public string? TranscriptId { get; init; }

    /// <summary>Gets when the bot was created (virtual time).</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets the scheduled join time, or null.</summary>
    public DateTimeOffset? JoinAt { get; init; }

    /// <summary>Gets the custom attributes (values as text).</summary>
    public required IReadOnlyDictionary<string, string> CustomAttributes { get; init; }

    /// <summary>Gets the commands the bot received through REST (<c>send_message</c>, <c>pause_recording</c>, …) and its control socket (<c>sendaudio</c>, <c>interrupt</c>, …), oldest first.</summary>
    public required IReadOnlyList<string> Commands { get; init; }

    /// <summary>Gets how much live audio the bot has streamed to <c>live_audio_required</c>.</summary>
    public TimeSpan LiveAudioStreamed { get; init; }

    /// <summary>Gets how much speech the bot has received through <c>sendaudio</c>.</summary>
    public TimeSpan SpeechReceived { get; init; }

    /// <summary>Gets how much of it the bot has played in the meeting (it comes back on the live audio under the bot's name).</summary>
    public TimeSpan SpeechPlayed { get; init; }

    /// <summary>Gets how much queued speech <c>interrupt</c> dropped before it was played (Google Meet only).</summary>
    public TimeSpan SpeechDropped { get; init; }

    /// <summary>Gets whether the bot has left (or never got into) the meeting.</summary>
    public bool HasLeftMeeting { get; init; }

    /// <summary>Gets whether all post-call processing has finished.</summary>
    public bool IsDone { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{BotId} {Status} ({Scenario}): {string.Join(" → ", Events)}";
}
