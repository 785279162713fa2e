using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>One file of a per-participant audio track (WebM container, Opus codec).</summary>
public sealed class RecordedAudioSegment : MeetStreamObject
{
    /// <summary>Gets the segment's position in its track, from 0.</summary>
    [JsonPropertyName("segment_index")]
    public int? SegmentIndex { get; init; }

    /// <summary>Gets a pre-signed download URL, valid for about ten minutes.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>Gets the file name.</summary>
    [JsonPropertyName("filename")]
    public string? FileName { get; init; }

    /// <summary>Gets the length in seconds.</summary>
    [JsonPropertyName("duration_seconds")]
    [JsonConverter(typeof(AnyValueAsDoubleJsonConverter))]
    public double? DurationSeconds { get; init; }

    /// <summary>Gets the sample rate in hertz (48000).</summary>
    [JsonPropertyName("sample_rate")]
    public int? SampleRate { get; init; }

    /// <summary>Gets the channel count (1).</summary>
    [JsonPropertyName("channels")]
    public int? Channels { get; init; }

    /// <summary>Gets the codec, e.g. <c>opus</c>.</summary>
    [JsonPropertyName("codec")]
    public string? Codec { get; init; }
}
