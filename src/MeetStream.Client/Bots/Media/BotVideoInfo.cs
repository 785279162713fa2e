using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>Facts about a recorded video (<c>video_info</c> of <c>get_video</c>).</summary>
public sealed class BotVideoInfo : MeetStreamObject
{
    /// <summary>Gets the length in seconds (unit not documented; a value that is not a number reads as <see langword="null"/>).</summary>
    [JsonPropertyName("duration")]
    [JsonConverter(typeof(AnyValueAsDoubleJsonConverter))]
    public double? Duration { get; init; }

    /// <summary>Gets the file size in megabytes.</summary>
    [JsonPropertyName("size_mb")]
    [JsonConverter(typeof(AnyValueAsDoubleJsonConverter))]
    public double? SizeMb { get; init; }

    /// <summary>Gets the resolution as MeetStream wrote it, e.g. <c>1920x1080</c>.</summary>
    [JsonPropertyName("resolution")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? Resolution { get; init; }

    /// <summary>Gets the frame rate.</summary>
    [JsonPropertyName("fps")]
    [JsonConverter(typeof(AnyValueAsDoubleJsonConverter))]
    public double? Fps { get; init; }

    /// <summary>Gets how many frames were processed.</summary>
    [JsonPropertyName("frames_processed")]
    public long? FramesProcessed { get; init; }

    /// <summary>Gets how many frames were corrupted.</summary>
    [JsonPropertyName("corrupted_frames")]
    public long? CorruptedFrames { get; init; }
}
