using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>One file of a per-participant video track (WebM container, VP8 codec, no audio).</summary>
public sealed class RecordedVideoSegment : MeetStreamObject
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

    /// <summary>Gets the frame width in pixels.</summary>
    [JsonPropertyName("width")]
    public int? Width { get; init; }

    /// <summary>Gets the frame height in pixels.</summary>
    [JsonPropertyName("height")]
    public int? Height { get; init; }

    /// <summary>Gets the codec, e.g. <c>vp8</c>.</summary>
    [JsonPropertyName("codec")]
    public string? Codec { get; init; }
}
