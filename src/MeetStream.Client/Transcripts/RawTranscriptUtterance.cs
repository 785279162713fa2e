using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>One speaker turn of a <see cref="RawTranscript"/> (AssemblyAI-like).</summary>
public sealed class RawTranscriptUtterance : MeetStreamObject
{
    /// <summary>The speaker label, e.g. <c>A</c>; numbers are kept as their text.</summary>
    [JsonPropertyName("speaker")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? Speaker { get; init; }

    /// <summary>What was said.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; init; }

    /// <summary>Start of the turn (milliseconds for AssemblyAI).</summary>
    [JsonPropertyName("start")]
    public double? Start { get; init; }

    /// <summary>End of the turn (milliseconds for AssemblyAI).</summary>
    [JsonPropertyName("end")]
    public double? End { get; init; }

    /// <summary>Confidence from 0 to 1.</summary>
    [JsonPropertyName("confidence")]
    public double? Confidence { get; init; }

    /// <summary>The words of the turn.</summary>
    [JsonPropertyName("words")]
    public IReadOnlyList<RawTranscriptWord>? Words { get; init; }
}
