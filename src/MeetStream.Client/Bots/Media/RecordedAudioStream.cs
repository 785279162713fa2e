using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>One per-participant audio track, cut into segments (<c>participants[].streams[]</c> of get_audio_streams).</summary>
public sealed class RecordedAudioStream : MeetStreamObject
{
    /// <summary>Gets the track id.</summary>
    [JsonPropertyName("stream_id")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? StreamId { get; init; }

    /// <summary>Gets the track's files in order.</summary>
    [JsonPropertyName("segments")]
    public IReadOnlyList<RecordedAudioSegment>? Segments { get; init; }
}
