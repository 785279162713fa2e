using System.Text.Json.Serialization;

namespace MeetStream.Client.Lambda.Functions;

/// <summary>One keyword in a <c>MEETSTREAM_KEYWORDS_FILE</c> JSON array.</summary>
internal sealed class KeywordFileEntry
{
    [JsonPropertyName("phrase")]
    public string? Phrase { get; init; }

    [JsonPropertyName("category")]
    public string? Category { get; init; }

    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("match_plurals")]
    public bool? MatchPlurals { get; init; }
}
