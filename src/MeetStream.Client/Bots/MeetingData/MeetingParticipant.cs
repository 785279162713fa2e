using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// A participant the bot saw, from <c>GET /bots/{bot_id}/get_participants</c> (camelCase keys on the wire). Display
/// names can collide: identify people by <see cref="DeviceId"/>.
/// </summary>
public sealed class MeetingParticipant : MeetStreamObject
{
    /// <summary>Gets the platform's device id (stable).</summary>
    [JsonPropertyName("deviceId")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? DeviceId { get; init; }

    /// <summary>Gets the display name.</summary>
    [JsonPropertyName("displayName")]
    public string? DisplayName { get; init; }

    /// <summary>Gets the full name.</summary>
    [JsonPropertyName("fullName")]
    public string? FullName { get; init; }

    /// <summary>Gets the profile picture URL.</summary>
    [JsonPropertyName("profilePicture")]
    public string? ProfilePicture { get; init; }

    /// <summary>Gets the platform's numeric presence status; <see cref="HumanizedStatus"/> says it in words.</summary>
    [JsonPropertyName("status")]
    public int? Status { get; init; }

    /// <summary>Gets the presence status in words (<c>humanized_status</c>).</summary>
    [JsonPropertyName("humanized_status")]
    public string? HumanizedStatus { get; init; }

    /// <summary>Gets the ids of the participant's media streams.</summary>
    [JsonPropertyName("streamIds")]
    public IReadOnlyList<string>? StreamIds { get; init; }

    /// <summary>Gets when the entry last changed, as MeetStream wrote it.</summary>
    [JsonPropertyName("lastUpdated")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? LastUpdated { get; init; }

    /// <summary>Gets the device this one belongs to (for example a screen share's owner), if any.</summary>
    [JsonPropertyName("parentDeviceId")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? ParentDeviceId { get; init; }
}
