using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The mixed meeting video from <c>GET /bots/{bot_id}/get_video</c> (bots created with <c>video_required</c>),
/// available after <c>video.processed</c> (before that MeetStream answers 202: see <see cref="IBotsClient.WaitForVideoAsync"/>).
/// </summary>
public sealed class BotVideo : MeetStreamObject
{
    /// <summary>Gets a pre-signed URL of the video, valid for about ten minutes. Download it without the MeetStream key.</summary>
    [JsonPropertyName("video_url")]
    public string? VideoUrl { get; init; }

    /// <summary>Gets facts about the recording.</summary>
    [JsonPropertyName("video_info")]
    public BotVideoInfo? VideoInfo { get; init; }
}
