using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>Someone who wrote in the meeting chat (<c>speakers[]</c> of get_chats).</summary>
public sealed class MeetingChatSpeaker : MeetStreamObject
{
    /// <summary>Gets the platform's device id of the writer (stable, unlike names).</summary>
    [JsonPropertyName("deviceId")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? DeviceId { get; init; }

    /// <summary>Gets the writer's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Gets the writer's display name.</summary>
    [JsonPropertyName("displayName")]
    public string? DisplayName { get; init; }

    /// <summary>Gets how many messages they wrote.</summary>
    [JsonPropertyName("messageCount")]
    public int? MessageCount { get; init; }
}
