using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>One meeting chat message (<c>chatMessages[]</c> of get_chats).</summary>
public sealed class MeetingChatMessage : MeetStreamObject
{
    /// <summary>Gets the message id.</summary>
    [JsonPropertyName("messageId")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? MessageId { get; init; }

    /// <summary>Gets the writer's device id.</summary>
    [JsonPropertyName("deviceId")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? DeviceId { get; init; }

    /// <summary>Gets when the message was sent, as MeetStream wrote it.</summary>
    [JsonPropertyName("timestamp")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? Timestamp { get; init; }

    /// <summary>Gets the text.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; init; }

    /// <summary>Gets the writer's name.</summary>
    [JsonPropertyName("speakerName")]
    public string? SpeakerName { get; init; }

    /// <summary>Gets the writer's display name.</summary>
    [JsonPropertyName("speakerDisplayName")]
    public string? SpeakerDisplayName { get; init; }

    /// <summary>Gets the bot's local capture time, as MeetStream wrote it.</summary>
    [JsonPropertyName("clientTimestamp")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? ClientTimestamp { get; init; }

    /// <summary>Gets the time relative to the session, as MeetStream wrote it.</summary>
    [JsonPropertyName("sessionTimestamp")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? SessionTimestamp { get; init; }
}
