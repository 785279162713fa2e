using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// Pre-signed links to a transcription's files, valid about 1 hour. The processed file has the same JSON as
/// <see cref="ITranscriptsClient.GetAsync"/>: read it with <see cref="Transcript.Parse(string)"/>.
/// </summary>
public sealed class TranscriptDownloadUrls : MeetStreamObject
{
    /// <summary>The provider's own output (like <see cref="ITranscriptsClient.GetRawAsync"/>).</summary>
    [JsonPropertyName("raw_transcript")]
    public string? RawTranscript { get; init; }

    /// <summary>MeetStream's processed segments (like <see cref="ITranscriptsClient.GetAsync"/>).</summary>
    [JsonPropertyName("processed_transcript")]
    public string? ProcessedTranscript { get; init; }
}
