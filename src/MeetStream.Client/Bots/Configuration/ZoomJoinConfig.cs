using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// Authenticated Zoom join (<c>zoom</c>): the URL of your endpoint that returns a ZAK or an OBF token. Set one, not both.
/// </summary>
public sealed class ZoomJoinConfig : MeetStreamObject
{
    /// <summary>HTTPS URL (at most 4096 characters) returning a Zoom ZAK token.</summary>
    [JsonPropertyName("zak_url")]
    public string? ZakUrl { get; init; }

    /// <summary>HTTPS URL (at most 4096 characters) returning a Zoom on-behalf-of token.</summary>
    [JsonPropertyName("obf_url")]
    public string? ObfUrl { get; init; }
}
