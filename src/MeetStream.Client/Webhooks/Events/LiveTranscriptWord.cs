using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client.Webhooks;

/// <summary>
/// One word of a live transcript chunk (<c>words[]</c>), with its timing in seconds. <c>confidence</c> and
/// <c>speech_confidence</c> are 0 from <c>meetstream_streaming</c>.
/// </summary>
public sealed class LiveTranscriptWord : MeetStreamObject
{
    /// <summary>Gets the word as recognised (<c>word</c>).</summary>
    [JsonPropertyName("word")]
    public string? Word { get; init; }

    /// <summary>Gets the start, in seconds (<c>start</c>).</summary>
    [JsonPropertyName("start")]
    public double? Start { get; init; }

    /// <summary>Gets the end, in seconds (<c>end</c>).</summary>
    [JsonPropertyName("end")]
    public double? End { get; init; }

    /// <summary>Gets the recognition confidence (<c>confidence</c>).</summary>
    [JsonPropertyName("confidence")]
    public double? Confidence { get; init; }

    /// <summary>Gets the speaker (<c>speaker</c>); numeric speaker labels are kept as their text.</summary>
    [JsonPropertyName("speaker")]
    [JsonConverter(typeof(ScalarAsStringJsonConverter))]
    public string? Speaker { get; init; }

    /// <summary>Gets the word with punctuation and casing (<c>punctuated_word</c>).</summary>
    [JsonPropertyName("punctuated_word")]
    public string? PunctuatedWord { get; init; }

    /// <summary>Gets the speech-detection confidence (<c>speech_confidence</c>).</summary>
    [JsonPropertyName("speech_confidence")]
    public double? SpeechConfidence { get; init; }

    /// <summary>Gets whether the word is final (<c>word_is_final</c>, as the guide documents; absent in live captures).</summary>
    [JsonPropertyName("word_is_final")]
    public bool? WordIsFinal { get; init; }
}
