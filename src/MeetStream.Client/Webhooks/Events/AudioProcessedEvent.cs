using System.Text.Json.Serialization;

namespace MeetStream.Client.Webhooks;

/// <summary>
/// The mixed audio recording is ready to download with <c>GET /bots/{bot_id}/get_audio</c> (<c>audio.processed</c>).
/// Not the final event: <c>bot.done</c> may follow.
/// </summary>
public sealed class AudioProcessedEvent : BotArtifactEvent
{
    /// <summary>Gets the audio outcome (<c>audio_status</c>): <c>Success</c> or <c>Failed</c>.</summary>
    [JsonPropertyName("audio_status")]
    public string? AudioStatus { get; init; }

    private protected override string? ArtifactStatus => AudioStatus;
}
