using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client.Realtime;

/// <summary>
/// The metadata the bot sends once before the fMP4 fragments on the live-video channel:
/// <c>{"type":"video_stream_start","bot_id",…,"codec":"h264","audio_codec":"aac","container":"fmp4","width":1920,"height":1080,"framerate":25,"audio_sample_rate":44100,"audio_bitrate":"128k"}</c>.
/// </summary>
public sealed class VideoStreamStart : MeetStreamObject
{
    /// <summary>Gets the message type, <c>video_stream_start</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Gets the bot id.</summary>
    [JsonPropertyName("bot_id")]
    public string? BotId { get; init; }

    /// <summary>Gets the video codec, e.g. <c>h264</c>.</summary>
    [JsonPropertyName("codec")]
    public string? Codec { get; init; }

    /// <summary>Gets the audio codec, e.g. <c>aac</c>.</summary>
    [JsonPropertyName("audio_codec")]
    public string? AudioCodec { get; init; }

    /// <summary>Gets the container, e.g. <c>fmp4</c>.</summary>
    [JsonPropertyName("container")]
    public string? Container { get; init; }

    /// <summary>Gets the frame width in pixels.</summary>
    [JsonPropertyName("width")]
    public int? Width { get; init; }

    /// <summary>Gets the frame height in pixels.</summary>
    [JsonPropertyName("height")]
    public int? Height { get; init; }

    /// <summary>Gets the frame rate in frames per second (documented as an integer, read as a number).</summary>
    [JsonPropertyName("framerate")]
    public double? FrameRate { get; init; }

    /// <summary>Gets the audio sample rate in hertz, e.g. 44100.</summary>
    [JsonPropertyName("audio_sample_rate")]
    public int? AudioSampleRate { get; init; }

    /// <summary>Gets the audio bit rate as sent, e.g. <c>128k</c>.</summary>
    [JsonPropertyName("audio_bitrate")]
    public string? AudioBitrate { get; init; }
}
