using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>One transcription of a bot's audio by one provider.</summary>
public sealed class TranscriptionRun : MeetStreamObject
{
    /// <summary>The id to pass to <see cref="ITranscriptsClient.GetAsync"/>.</summary>
    [JsonPropertyName("transcript_id")]
    public string? TranscriptId { get; init; }

    /// <summary>The provider key, e.g. <c>deepgram</c>.</summary>
    [JsonPropertyName("provider")]
    public string? Provider { get; init; }

    /// <summary>Whether the run succeeded, is still processing or failed.</summary>
    [JsonPropertyName("status")]
    public TranscriptionStatus? Status { get; init; }

    /// <summary>When the run was created (format not documented; usually ISO 8601).</summary>
    [JsonPropertyName("created_at")]
    public string? CreatedAt { get; init; }

    /// <summary>The provider settings the run used (shape varies by provider).</summary>
    [JsonPropertyName("config")]
    public JsonElement? Config { get; init; }

    /// <summary>Pre-signed links to the transcript files (valid about 1 hour); <see langword="null"/> until ready.</summary>
    [JsonPropertyName("download_urls")]
    public TranscriptDownloadUrls? DownloadUrls { get; init; }
}
