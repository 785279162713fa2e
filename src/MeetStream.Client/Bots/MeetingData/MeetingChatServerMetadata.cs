using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>How MeetStream stored a chat (<c>serverMetadata</c> of get_chats).</summary>
public sealed class MeetingChatServerMetadata : MeetStreamObject
{
    /// <summary>Gets when the chat was saved, as MeetStream wrote it.</summary>
    [JsonPropertyName("savedAt")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? SavedAt { get; init; }

    /// <summary>Gets the bot id the server stored.</summary>
    [JsonPropertyName("serverBotId")]
    public string? ServerBotId { get; init; }

    /// <summary>Gets the meeting id the server stored.</summary>
    [JsonPropertyName("serverMeetingId")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? ServerMeetingId { get; init; }

    /// <summary>Gets the version of the storing server.</summary>
    [JsonPropertyName("serverVersion")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? ServerVersion { get; init; }
}
