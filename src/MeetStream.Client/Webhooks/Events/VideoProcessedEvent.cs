using System.Text.Json.Serialization;

namespace MeetStream.Client.Webhooks;

/// <summary>
/// The video recording is ready to download with <c>GET /bots/{bot_id}/get_video</c> (<c>video.processed</c>); sent
/// only when video is recorded.
/// </summary>
public sealed class VideoProcessedEvent : BotArtifactEvent
{
    /// <summary>Gets the video outcome (<c>video_status</c>): <c>Success</c> or <c>Failed</c>.</summary>
    [JsonPropertyName("video_status")]
    public string? VideoStatus { get; init; }

    private protected override string? ArtifactStatus => VideoStatus;
}
