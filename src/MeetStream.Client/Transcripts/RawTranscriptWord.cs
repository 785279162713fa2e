using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>One word of a <see cref="RawTranscript"/> (AssemblyAI-like: times in milliseconds, speaker letters).</summary>
public sealed class RawTranscriptWord : MeetStreamObject
{
    /// <summary>The word.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; init; }

    /// <summary>Start of the word (milliseconds for AssemblyAI).</summary>
    [JsonPropertyName("start")]
    public double? Start { get; init; }

    /// <summary>End of the word (milliseconds for AssemblyAI).</summary>
    [JsonPropertyName("end")]
    public double? End { get; init; }

    /// <summary>Recognition confidence from 0 to 1.</summary>
    [JsonPropertyName("confidence")]
    public double? Confidence { get; init; }

    /// <summary>The speaker label, e.g. <c>A</c>; numbers are kept as their text.</summary>
    [JsonPropertyName("speaker")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? Speaker { get; init; }
}
