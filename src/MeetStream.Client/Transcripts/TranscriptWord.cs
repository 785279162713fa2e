using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>One recognised word of a <see cref="TranscriptSegment"/>, with its timing and confidence.</summary>
public sealed class TranscriptWord : MeetStreamObject
{
    /// <summary>The word as recognised (usually lower case, no punctuation).</summary>
    [JsonPropertyName("word")]
    public string? Word { get; init; }

    /// <summary>The word with casing and punctuation applied.</summary>
    [JsonPropertyName("punctuated_word")]
    public string? PunctuatedWord { get; init; }

    /// <summary>Seconds from the start of the recording to the start of the word.</summary>
    [JsonPropertyName("start")]
    public double? Start { get; init; }

    /// <summary>Seconds from the start of the recording to the end of the word.</summary>
    [JsonPropertyName("end")]
    public double? End { get; init; }

    /// <summary>Recognition confidence from 0 to 1.</summary>
    [JsonPropertyName("confidence")]
    public double? Confidence { get; init; }

    /// <summary>The provider's speaker number (diarization), not a participant id.</summary>
    [JsonPropertyName("speaker")]
    public int? Speaker { get; init; }

    /// <summary>Confidence of the speaker assignment from 0 to 1.</summary>
    [JsonPropertyName("speaker_confidence")]
    public double? SpeakerConfidence { get; init; }

    /// <summary>Gets the best text of the word: <see cref="PunctuatedWord"/>, else <see cref="Word"/>.</summary>
    [JsonIgnore]
    public string? DisplayText => PunctuatedWord ?? Word;

    /// <inheritdoc />
    public override string ToString() => DisplayText ?? string.Empty;
}
