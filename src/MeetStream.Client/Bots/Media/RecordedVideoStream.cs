using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>One per-participant video track, cut into segments (<c>streams[]</c> of get_recording_streams).</summary>
public sealed class RecordedVideoStream : MeetStreamObject
{
    /// <summary>Gets the track id.</summary>
    [JsonPropertyName("stream_id")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? StreamId { get; init; }

    /// <summary>Gets the track's files in order.</summary>
    [JsonPropertyName("segments")]
    public IReadOnlyList<RecordedVideoSegment>? Segments { get; init; }
}
