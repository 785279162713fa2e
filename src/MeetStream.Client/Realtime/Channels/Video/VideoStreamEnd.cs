using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client.Realtime;

/// <summary>
/// The message the bot sends before it closes the live-video channel:
/// <c>{"type":"video_stream_end","bot_id",…,"duration_seconds":152.7}</c>.
/// </summary>
public sealed class VideoStreamEnd : MeetStreamObject
{
    /// <summary>Gets the message type, <c>video_stream_end</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Gets the bot id.</summary>
    [JsonPropertyName("bot_id")]
    public string? BotId { get; init; }

    /// <summary>Gets the length of the stream in seconds.</summary>
    [JsonPropertyName("duration_seconds")]
    public double? DurationSeconds { get; init; }

    /// <summary>Gets the length of the stream, when the bot sent it.</summary>
    [JsonIgnore]
    public TimeSpan? Duration => DurationSeconds is { } seconds && double.IsFinite(seconds) && seconds >= 0 ? TimeSpan.FromSeconds(seconds) : null;
}
