using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// Settings of the post-call AssemblyAI provider (<c>assemblyai</c>).
/// </summary>
public sealed class AssemblyAITranscription : MeetStreamObject
{
    /// <summary>Speech models, e.g. <c>universal-2</c>.</summary>
    [JsonPropertyName("speech_models")]
    public IReadOnlyList<string>? SpeechModels { get; init; }

    /// <summary>The language, e.g. <c>en_us</c>.</summary>
    [JsonPropertyName("language_code")]
    public string? LanguageCode { get; init; }

    /// <summary>Whether to label speakers.</summary>
    [JsonPropertyName("speaker_labels")]
    public bool? SpeakerLabels { get; init; }

    /// <summary>Whether to add punctuation.</summary>
    [JsonPropertyName("punctuate")]
    public bool? Punctuate { get; init; }

    /// <summary>Whether to format text.</summary>
    [JsonPropertyName("format_text")]
    public bool? FormatText { get; init; }

    /// <summary>Whether to mask profanity.</summary>
    [JsonPropertyName("filter_profanity")]
    public bool? FilterProfanity { get; init; }

    /// <summary>Whether to redact personal data.</summary>
    [JsonPropertyName("redact_pii")]
    public bool? RedactPii { get; init; }

    /// <summary>Whether to produce chapters.</summary>
    [JsonPropertyName("auto_chapters")]
    public bool? AutoChapters { get; init; }

    /// <summary>Whether to detect entities.</summary>
    [JsonPropertyName("entity_detection")]
    public bool? EntityDetection { get; init; }

    /// <summary>Key terms to favour.</summary>
    [JsonPropertyName("keyterms_prompt")]
    public IReadOnlyList<string>? KeytermsPrompt { get; init; }
}
