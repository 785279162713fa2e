using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// Who spoke when, from <c>GET /bots/{bot_id}/get_speaker_timeline</c> (camelCase keys on the wire). Each chunk maps a
/// speaker to a <b>byte range</b> of the audio file, not to a time range.
/// </summary>
public sealed class SpeakerTimeline : MeetStreamObject
{
    /// <summary>Gets the chunks in order.</summary>
    [JsonPropertyName("chunks")]
    public IReadOnlyList<SpeakerTimelineChunk>? Chunks { get; init; }

    /// <summary>Gets when the timeline last changed, as MeetStream wrote it.</summary>
    [JsonPropertyName("lastUpdated")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? LastUpdated { get; init; }

    /// <summary>Gets the path of the audio file the byte offsets refer to.</summary>
    [JsonPropertyName("audioFilePath")]
    public string? AudioFilePath { get; init; }

    /// <summary>Gets the size of that audio file in bytes.</summary>
    [JsonPropertyName("totalFileSize")]
    public long? TotalFileSize { get; init; }
}
