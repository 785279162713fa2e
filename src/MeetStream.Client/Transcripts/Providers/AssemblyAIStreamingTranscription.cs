using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// Settings of the live AssemblyAI provider (<c>assemblyai_streaming</c>). Several thresholds are strings on the
/// wire (<c>"0.4"</c>), as MeetStream's schema types them.
/// </summary>
public sealed class AssemblyAIStreamingTranscription : MeetStreamObject
{
    /// <summary>The model, e.g. <c>universal-streaming-english</c>.</summary>
    [JsonPropertyName("speech_model")]
    public string? SpeechModel { get; init; }

    /// <summary><c>raw</c> or <c>sentence</c>.</summary>
    [JsonPropertyName("transcription_mode")]
    public TranscriptionMode? TranscriptionMode { get; init; }

    /// <summary>The sample rate (48000).</summary>
    [JsonPropertyName("sample_rate")]
    public int? SampleRate { get; init; }

    /// <summary>Whether to format turns.</summary>
    [JsonPropertyName("format_turns")]
    public bool? FormatTurns { get; init; }

    /// <summary>The encoding, <c>pcm_s16le</c>.</summary>
    [JsonPropertyName("encoding")]
    public string? Encoding { get; init; }

    /// <summary>The voice-activity threshold as a string, e.g. <c>"0.4"</c>.</summary>
    [JsonPropertyName("vad_threshold")]
    public string? VadThreshold { get; init; }

    /// <summary>The end-of-turn confidence threshold as a string, e.g. <c>"0.4"</c>.</summary>
    [JsonPropertyName("end_of_turn_confidence_threshold")]
    public string? EndOfTurnConfidenceThreshold { get; init; }

    /// <summary>Seconds of inactivity before the stream closes (300).</summary>
    [JsonPropertyName("inactivity_timeout")]
    public int? InactivityTimeout { get; init; }

    /// <summary>Milliseconds as a string, e.g. <c>"400"</c>.</summary>
    [JsonPropertyName("min_end_of_turn_silence_when_confident")]
    public string? MinEndOfTurnSilenceWhenConfident { get; init; }

    /// <summary>Milliseconds as a string, e.g. <c>"1280"</c>.</summary>
    [JsonPropertyName("max_turn_silence")]
    public string? MaxTurnSilence { get; init; }
}
