using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// Settings of the live Deepgram provider (<c>deepgram_streaming</c>); needed for live transcription.
/// </summary>
public sealed class DeepgramStreamingTranscription : MeetStreamObject
{
    /// <summary>The model; only <c>nova-2</c> is accepted.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary>How chunks are cut.</summary>
    [JsonPropertyName("transcription_mode")]
    public TranscriptionMode? TranscriptionMode { get; init; }

    /// <summary>The language, e.g. <c>en</c>.</summary>
    [JsonPropertyName("language")]
    public string? Language { get; init; }

    /// <summary>Whether to add punctuation.</summary>
    [JsonPropertyName("punctuate")]
    public bool? Punctuate { get; init; }

    /// <summary>Whether to format numbers, dates and similar.</summary>
    [JsonPropertyName("smart_format")]
    public bool? SmartFormat { get; init; }

    /// <summary>Silence in milliseconds that ends an utterance (default 300).</summary>
    [JsonPropertyName("endpointing")]
    public int? Endpointing { get; init; }

    /// <summary>Whether to emit voice-activity events.</summary>
    [JsonPropertyName("vad_events")]
    public bool? VadEvents { get; init; }

    /// <summary>Milliseconds for utterance end detection (default 1000).</summary>
    [JsonPropertyName("utterance_end_ms")]
    public int? UtteranceEndMs { get; init; }

    /// <summary>The audio encoding, <c>linear16</c>.</summary>
    [JsonPropertyName("encoding")]
    public string? Encoding { get; init; }

    /// <summary>The channel count (1).</summary>
    [JsonPropertyName("channels")]
    public int? Channels { get; init; }
}
