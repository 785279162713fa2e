using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The participant of a turn in the alternative transcript shape <c>{"message": [{"participant": {…}, "words": […]}]}</c>.
/// </summary>
public sealed class TranscriptParticipant : MeetStreamObject
{
    /// <summary>The participant's id in the meeting; numbers are kept as their text.</summary>
    [JsonPropertyName("id")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? Id { get; init; }

    /// <summary>The participant's display name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Whether the participant hosted the meeting.</summary>
    [JsonPropertyName("is_host")]
    public bool? IsHost { get; init; }

    /// <summary>The platform the participant joined from.</summary>
    [JsonPropertyName("platform")]
    public string? Platform { get; init; }

    /// <summary>Platform-specific details (undocumented shape).</summary>
    [JsonPropertyName("extra_data")]
    public JsonElement? ExtraData { get; init; }
}
