namespace MeetStream.Client.Testing;

/// <summary>
/// The scripted bot lifecycles the simulator can play. Choose one per bot with the custom attribute
/// <c>"sim_scenario"</c> on create (for example <c>CustomAttributes = { ["sim_scenario"] = SimulatorScenarios.Denied }</c>),
/// for the next bot with <see cref="MeetStreamSimulator.UseScenarioForNextBot(string)"/>, or for every bot with
/// <see cref="MeetStreamSimulatorOptions.DefaultScenario"/>. Streaming-only providers and <c>join_at</c> need no scenario:
/// the simulator follows the create request.
/// </summary>
public static class SimulatorScenarios
{
    /// <summary>The custom attribute that selects a scenario for one bot.</summary>
    public const string CustomAttribute = "sim_scenario";

    /// <summary>The custom attribute that sets the meeting length in (virtual) seconds for one bot, e.g. <c>"120"</c>.</summary>
    public const string MeetingSecondsAttribute = "sim_meeting_seconds";

    /// <summary>The custom attribute that selects the transcript shape: <c>"segments"</c> (default) or <c>"labs"</c> (<c>{"message":[…]}</c>).</summary>
    public const string TranscriptFormatAttribute = "sim_transcript_format";

    /// <summary>The custom attribute that changes webhook delivery for one bot: <c>"duplicate"</c> or <c>"reorder"</c>.</summary>
    public const string WebhooksAttribute = "sim_webhooks";

    /// <summary>§3.3 happy path: joining → inmeeting → recording → leaving → stopped → manifest → audio → transcription → video → done.</summary>
    public const string HappyPath = "happy_path";

    /// <summary>The bot waits in the lobby (<c>bot.in_waiting_room</c>), is admitted, then follows the happy path.</summary>
    public const string WaitingRoom = "waiting_room";

    /// <summary>The bot waits in the lobby until <c>automatic_leave.waiting_room_timeout</c> passes: <c>bot.stopped</c> with <c>bot_event</c> <c>bot.notallowed</c>; nothing is recorded.</summary>
    public const string NotAdmitted = "not_admitted";

    /// <summary>The host refuses entry: <c>bot.stopped</c> with <c>bot_event</c> <c>bot.denied</c>; nothing is recorded.</summary>
    public const string Denied = "denied";

    /// <summary>A participant removes the bot mid-meeting: <c>bot.stopped</c> with <c>bot_event</c> <c>bot.kicked</c>; what was recorded is processed.</summary>
    public const string Kicked = "kicked";

    /// <summary>The bot crashes mid-meeting: <c>bot.stopped</c> with <c>bot_event</c> <c>bot.failed</c> (status <c>Error</c>); the partial recording is processed and <c>bot.done</c> carries 500.</summary>
    public const string Failed = "failed";

    /// <summary>The happy path, except that post-call transcription fails: <c>transcription.failed</c> (500) and the transcript never becomes ready.</summary>
    public const string TranscriptionFailed = "transcription_failed";

    /// <summary>A streaming transcription provider fails mid-meeting: a non-terminal <c>bot.error</c>, then the meeting goes on.</summary>
    public const string StreamingError = "streaming_error";

    /// <summary>Zoom recording consent is refused: <c>bot.recording_permission_denied</c>, then <c>bot.stopped</c>; nothing is recorded.</summary>
    public const string RecordingPermissionDenied = "recording_permission_denied";

    /// <summary>The meeting never ends by itself: the bot stays in it until <c>remove_bot</c> (or <c>in_call_recording_timeout</c>).</summary>
    public const string UntilRemoved = "until_removed";

    /// <summary>Every scenario name the simulator knows.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        HappyPath, WaitingRoom, NotAdmitted, Denied, Kicked, Failed, TranscriptionFailed, StreamingError, RecordingPermissionDenied, UntilRemoved,
    ];

    internal static string? Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var key = name.Trim().ToLowerInvariant().Replace('-', '_');
        return key switch
        {
            "happy" or "default" => HappyPath,
            "notallowed" or "not_allowed" => NotAdmitted,
            "kick" => Kicked,
            "fail" or "error" => Failed,
            "remove" or "long" or "long_meeting" => UntilRemoved,
            _ => All.Contains(key, StringComparer.Ordinal) ? key : null,
        };
    }
}
