using System.Text.Json.Serialization;

namespace MeetStream.Client.Webhooks;

/// <summary>
/// The recording manifest was sealed and media assets are being produced (<c>manifest.completed</c>; no <c>bot_event</c>).
/// </summary>
public sealed class ManifestCompletedEvent : BotArtifactEvent
{
    /// <summary>Gets the manifest outcome (<c>manifest_status</c>): <c>Success</c> or <c>Failed</c>.</summary>
    [JsonPropertyName("manifest_status")]
    public string? ManifestStatus { get; init; }

    private protected override string? ArtifactStatus => ManifestStatus;
}
