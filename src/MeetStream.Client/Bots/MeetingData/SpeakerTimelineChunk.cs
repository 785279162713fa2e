using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>One entry of <see cref="SpeakerTimeline"/>: a speaker and the bytes of the audio file they own.</summary>
public sealed class SpeakerTimelineChunk : MeetStreamObject
{
    /// <summary>Gets the chunk's position, from 0.</summary>
    [JsonPropertyName("chunkIndex")]
    public int? ChunkIndex { get; init; }

    /// <summary>Gets when the chunk was captured, as MeetStream wrote it.</summary>
    [JsonPropertyName("timestamp")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? Timestamp { get; init; }

    /// <summary>Gets the sample rate of the audio in hertz.</summary>
    [JsonPropertyName("sampleRate")]
    public int? SampleRate { get; init; }

    /// <summary>Gets the platform's speaker id.</summary>
    [JsonPropertyName("speakerId")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? SpeakerId { get; init; }

    /// <summary>Gets the speaker's display name.</summary>
    [JsonPropertyName("speakerName")]
    public string? SpeakerName { get; init; }

    /// <summary>Gets the first byte offset into the audio file.</summary>
    [JsonPropertyName("startByte")]
    public long? StartByte { get; init; }

    /// <summary>Gets the end byte offset into the audio file.</summary>
    [JsonPropertyName("endByte")]
    public long? EndByte { get; init; }
}
