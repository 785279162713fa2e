using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// Settings of the post-call Deepgram provider (<c>deepgram</c>). Unset fields use MeetStream's defaults.
/// </summary>
public sealed class DeepgramTranscription : MeetStreamObject
{
    /// <summary>The model, e.g. <c>nova-3</c>.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary>The language code, e.g. <c>en</c>.</summary>
    [JsonPropertyName("language")]
    public string? Language { get; init; }

    /// <summary>Whether to add punctuation.</summary>
    [JsonPropertyName("punctuate")]
    public bool? Punctuate { get; init; }

    /// <summary>Whether to format numbers, dates and similar.</summary>
    [JsonPropertyName("smart_format")]
    public bool? SmartFormat { get; init; }

    /// <summary>Whether to separate speakers.</summary>
    [JsonPropertyName("diarize")]
    public bool? Diarize { get; init; }

    /// <summary>Whether to split into paragraphs.</summary>
    [JsonPropertyName("paragraphs")]
    public bool? Paragraphs { get; init; }

    /// <summary>Whether to write numbers as digits.</summary>
    [JsonPropertyName("numerals")]
    public bool? Numerals { get; init; }

    /// <summary>Whether to keep filler words (default false).</summary>
    [JsonPropertyName("filler_words")]
    public bool? FillerWords { get; init; }

    /// <summary>Whether to segment into utterances.</summary>
    [JsonPropertyName("utterances")]
    public bool? Utterances { get; init; }

    /// <summary>Seconds of silence that split utterances (default 0.8).</summary>
    [JsonPropertyName("utt_split")]
    public double? UtteranceSplit { get; init; }

    /// <summary>Whether to detect the language (default false).</summary>
    [JsonPropertyName("detect_language")]
    public bool? DetectLanguage { get; init; }

    /// <summary>Words to boost.</summary>
    [JsonPropertyName("keywords")]
    public IReadOnlyList<string>? Keywords { get; init; }

    /// <summary>Terms to search for.</summary>
    [JsonPropertyName("search")]
    public IReadOnlyList<string>? Search { get; init; }

    /// <summary>Tags for the request.</summary>
    [JsonPropertyName("tag")]
    public IReadOnlyList<string>? Tag { get; init; }
}
