using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client.Webhooks;

/// <summary>
/// The specific name of a webhook event (<c>bot_event</c> when present, else <c>event</c>), for switching on deliveries. Open: values MeetStream adds later are kept; comparison ignores case.
/// </summary>
[JsonConverter(typeof(ExtensibleEnumJsonConverter<WebhookEventType>))]
public readonly struct WebhookEventType : IExtensibleEnum<WebhookEventType>
{
    private readonly string? _value;

    /// <summary>Initializes a value from its wire string.</summary>
    /// <param name="value">The wire string.</param>
    public WebhookEventType(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>A bot with <c>join_at</c> was scheduled (<c>bot.scheduled</c>).</summary>
    public static WebhookEventType BotScheduled { get; } = new("bot.scheduled");

    /// <summary>The bot was dispatched to the meeting; may repeat up to 3 times (<c>bot.joining</c>).</summary>
    public static WebhookEventType BotJoining { get; } = new("bot.joining");

    /// <summary>The bot waits in the lobby (<c>bot.in_waiting_room</c>).</summary>
    public static WebhookEventType BotInWaitingRoom { get; } = new("bot.in_waiting_room");

    /// <summary>The bot was admitted (<c>bot.inmeeting</c>).</summary>
    public static WebhookEventType BotInMeeting { get; } = new("bot.inmeeting");

    /// <summary>Zoom recording consent was given (<c>bot.recording_permission_allowed</c>).</summary>
    public static WebhookEventType BotRecordingPermissionAllowed { get; } = new("bot.recording_permission_allowed");

    /// <summary>Zoom recording consent was refused (<c>bot.recording_permission_denied</c>).</summary>
    public static WebhookEventType BotRecordingPermissionDenied { get; } = new("bot.recording_permission_denied");

    /// <summary>Capture started (<c>bot.recording</c>).</summary>
    public static WebhookEventType BotRecording { get; } = new("bot.recording");

    /// <summary>The bot is leaving (<c>bot.leaving</c>).</summary>
    public static WebhookEventType BotLeaving { get; } = new("bot.leaving");

    /// <summary>The bot left cleanly (meeting ended, remove_bot, timeout); also the generic name of every ending (<c>bot.stopped</c>).</summary>
    public static WebhookEventType BotStopped { get; } = new("bot.stopped");

    /// <summary>A participant removed the bot (<c>bot.kicked</c>).</summary>
    public static WebhookEventType BotKicked { get; } = new("bot.kicked");

    /// <summary>Nobody admitted the bot before the waiting-room timeout (<c>bot.notallowed</c>).</summary>
    public static WebhookEventType BotNotAllowed { get; } = new("bot.notallowed");

    /// <summary>The host refused entry (<c>bot.denied</c>).</summary>
    public static WebhookEventType BotDenied { get; } = new("bot.denied");

    /// <summary>The bot failed at runtime (<c>bot.failed</c>).</summary>
    public static WebhookEventType BotFailed { get; } = new("bot.failed");

    /// <summary>A streaming-transcription provider failed; not terminal (<c>bot.error</c>).</summary>
    public static WebhookEventType BotError { get; } = new("bot.error");

    /// <summary>Media is being uploaded (<c>bot.uploading</c>).</summary>
    public static WebhookEventType BotUploading { get; } = new("bot.uploading");

    /// <summary>Transcription is ready (intermediate) (<c>bot.transcriptionready</c>).</summary>
    public static WebhookEventType BotTranscriptionReady { get; } = new("bot.transcriptionready");

    /// <summary>The recording manifest was sealed (<c>manifest.completed</c>).</summary>
    public static WebhookEventType ManifestCompleted { get; } = new("manifest.completed");

    /// <summary>No manifest was produced (<c>manifest.skipped</c>).</summary>
    public static WebhookEventType ManifestSkipped { get; } = new("manifest.skipped");

    /// <summary>The mixed audio is ready (<c>audio.processed</c>).</summary>
    public static WebhookEventType AudioProcessed { get; } = new("audio.processed");

    /// <summary>No audio was produced (<c>audio.skipped</c>).</summary>
    public static WebhookEventType AudioSkipped { get; } = new("audio.skipped");

    /// <summary>The post-call transcript is ready (<c>transcription.processed</c>).</summary>
    public static WebhookEventType TranscriptionProcessed { get; } = new("transcription.processed");

    /// <summary>The post-call transcript failed (<c>transcription.failed</c>).</summary>
    public static WebhookEventType TranscriptionFailed { get; } = new("transcription.failed");

    /// <summary>No post-call transcript was produced (<c>transcription.skipped</c>).</summary>
    public static WebhookEventType TranscriptionSkipped { get; } = new("transcription.skipped");

    /// <summary>The video is ready (<c>video.processed</c>).</summary>
    public static WebhookEventType VideoProcessed { get; } = new("video.processed");

    /// <summary>All processing finished (<c>bot.done</c>).</summary>
    public static WebhookEventType BotDone { get; } = new("bot.done");

    /// <summary>The bot's media was deleted (retention or on request) (<c>data_deletion</c>).</summary>
    public static WebhookEventType DataDeletion { get; } = new("data_deletion");

    /// <summary>A participant joined (<c>participant_events.join</c>).</summary>
    public static WebhookEventType ParticipantJoin { get; } = new("participant_events.join");

    /// <summary>A participant left (<c>participant_events.leave</c>).</summary>
    public static WebhookEventType ParticipantLeave { get; } = new("participant_events.leave");

    /// <summary>A live transcript chunk; the payload carries no name, so this value is the SDK's own (<c>live_transcript</c>).</summary>
    public static WebhookEventType LiveTranscript { get; } = new("live_transcript");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two values case-insensitively.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(WebhookEventType left, WebhookEventType right) => left.Equals(right);

    /// <summary>Compares two values case-insensitively.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(WebhookEventType left, WebhookEventType right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire string.</param>
    public static implicit operator WebhookEventType(string value) => new(value);

    /// <inheritdoc />
    public static WebhookEventType FromValue(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(WebhookEventType other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is WebhookEventType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
