using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The bot to send to a calendar event (<c>bot_config</c> of <c>POST /calendar/schedule/{event_id}</c>): the
/// create_bot fields the calendar guide documents, plus <c>audio_required</c> (calendar only). The meeting link comes
/// from the event. Fields this SDK does not model can be sent through
/// <see cref="MeetStreamObject.AdditionalProperties"/>.
/// </summary>
public sealed class CalendarBotConfig : MeetStreamObject
{
    /// <summary>The bot's display name in the meeting.</summary>
    [JsonPropertyName("bot_name")]
    public string? BotName { get; init; }

    /// <summary>A chat message the bot posts after it joins.</summary>
    [JsonPropertyName("bot_message")]
    public string? BotMessage { get; init; }

    /// <summary>A public image URL for the bot's avatar or camera.</summary>
    [JsonPropertyName("bot_image_url")]
    public string? BotImageUrl { get; init; }

    /// <summary>Whether to record audio (calendar <c>bot_config</c> only; create_bot always records audio).</summary>
    [JsonPropertyName("audio_required")]
    public bool? AudioRequired { get; init; }

    /// <summary>Whether to record video. The documented default conflicts, so set it explicitly.</summary>
    [JsonPropertyName("video_required")]
    public bool? VideoRequired { get; init; }

    /// <summary>This bot's webhook URL.</summary>
    [JsonPropertyName("callback_url")]
    public string? CallbackUrl { get; init; }

    /// <summary>
    /// Legacy top-level transcription provider (<c>transcription</c>) from the calendar guide's examples. Prefer
    /// <see cref="RecordingConfig"/>'s <c>transcript.provider</c>.
    /// </summary>
    [JsonPropertyName("transcription")]
    public TranscriptionProvider? Transcription { get; init; }

    /// <summary>Transcription provider, retention, real-time endpoints and video layout.</summary>
    [JsonPropertyName("recording_config")]
    public RecordingConfig? RecordingConfig { get; init; }

    /// <summary>When the bot leaves by itself.</summary>
    [JsonPropertyName("automatic_leave")]
    public AutomaticLeaveConfig? AutomaticLeave { get; init; }

    /// <summary>Your metadata, echoed in webhooks and status. MeetStream asks for string values; the same string dictionary comes back on status, detail, list, scheduled bots and webhook events (a non-string value as its JSON text).</summary>
    [JsonPropertyName("custom_attributes")]
    public IReadOnlyDictionary<string, string>? CustomAttributes { get; init; }

    /// <summary>Your live audio WebSocket (binary PCM frames).</summary>
    [JsonPropertyName("live_audio_required")]
    public WebSocketEndpoint? LiveAudioRequired { get; init; }

    /// <summary>Your live transcript webhook; needs a streaming provider.</summary>
    [JsonPropertyName("live_transcription_required")]
    public LiveTranscriptionConfig? LiveTranscriptionRequired { get; init; }

    /// <summary>1–2000 printable ASCII characters; in calendar scheduling the key goes here, inside <c>bot_config</c>.</summary>
    [JsonPropertyName("deduplication_key")]
    public string? DeduplicationKey { get; init; }

    internal void Validate(string parameterName)
    {
        if (DeduplicationKey is { } key && (key.Length is < 1 or > 2000 || key.Any(c => c < 0x20 || c > 0x7E)))
        {
            throw new ArgumentException($"BotConfig.DeduplicationKey (deduplication_key) must be 1–2000 printable ASCII characters; got {key.Length} characters{(key.Any(c => c < 0x20 || c > 0x7E) ? " including non-printable or non-ASCII ones" : string.Empty)}.", parameterName);
        }
    }
}
