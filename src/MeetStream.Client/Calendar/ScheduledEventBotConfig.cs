using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The bot configuration MeetStream stored for a scheduled event (<c>bot_config</c> of
/// <see cref="ScheduleEventResponse"/>): your <see cref="CalendarBotConfig"/> plus the meeting URL and join time
/// taken from the event. Read-side type: values keep whatever JSON type the API sends.
/// </summary>
public sealed class ScheduledEventBotConfig : MeetStreamObject
{
    /// <summary>The bot's display name.</summary>
    [JsonPropertyName("bot_name")]
    public string? BotName { get; init; }

    /// <summary>The chat message the bot posts after it joins.</summary>
    [JsonPropertyName("bot_message")]
    public string? BotMessage { get; init; }

    /// <summary>The bot's image URL.</summary>
    [JsonPropertyName("bot_image_url")]
    public string? BotImageUrl { get; init; }

    /// <summary>Whether audio is recorded.</summary>
    [JsonPropertyName("audio_required")]
    public bool? AudioRequired { get; init; }

    /// <summary>Whether video is recorded.</summary>
    [JsonPropertyName("video_required")]
    public bool? VideoRequired { get; init; }

    /// <summary>The bot's webhook URL.</summary>
    [JsonPropertyName("callback_url")]
    public string? CallbackUrl { get; init; }

    /// <summary>The meeting URL taken from the event.</summary>
    [JsonPropertyName("meeting_url")]
    public string? MeetingUrl { get; init; }

    /// <summary>When the bot joins, as sent (ISO 8601); <see cref="JoinsAt"/> parses it.</summary>
    [JsonPropertyName("join_at")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? JoinAt { get; init; }

    /// <summary>The deduplication key.</summary>
    [JsonPropertyName("deduplication_key")]
    public string? DeduplicationKey { get; init; }

    /// <summary>When the bot leaves by itself.</summary>
    [JsonPropertyName("automatic_leave")]
    public AutomaticLeaveConfig? AutomaticLeave { get; init; }

    /// <summary>The recording configuration.</summary>
    [JsonPropertyName("recording_config")]
    public RecordingConfig? RecordingConfig { get; init; }

    /// <summary>
    /// Gets your custom attributes (<c>custom_attributes</c>) as MeetStream echoes them: string values as they are, any
    /// other JSON value (number, boolean, <c>null</c>, object, array) as its raw JSON text (<c>12</c>, <c>true</c>,
    /// <c>null</c>, <c>{"a":1}</c>). The same type as on the request and on webhook events.
    /// </summary>
    [JsonPropertyName("custom_attributes")]
    [JsonConverter(typeof(ObjectAsStringDictionaryJsonConverter))]
    public IReadOnlyDictionary<string, string>? CustomAttributes { get; init; }

    /// <summary>The live audio WebSocket.</summary>
    [JsonPropertyName("live_audio_required")]
    public WebSocketEndpoint? LiveAudioRequired { get; init; }

    /// <summary>The live transcript webhook.</summary>
    [JsonPropertyName("live_transcription_required")]
    public LiveTranscriptionConfig? LiveTranscriptionRequired { get; init; }

    /// <summary>Gets <see cref="JoinAt"/> as a time, or <see langword="null"/> when absent or unreadable.</summary>
    [JsonIgnore]
    public DateTimeOffset? JoinsAt => CalendarTime.Parse(JoinAt);
}
