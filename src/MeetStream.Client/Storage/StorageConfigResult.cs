using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The answer of saving or deleting the storage configuration. MeetStream documents an empty body, so every field is
/// optional; whatever it sends is kept in <see cref="MeetStreamObject.AdditionalProperties"/>.
/// </summary>
public sealed class StorageConfigResult : MeetStreamObject
{
    /// <summary>MeetStream's confirmation text, if it sent one.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }
}
