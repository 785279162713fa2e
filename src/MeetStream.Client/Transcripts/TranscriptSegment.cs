using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// One speaker turn of a post-call transcript: who spoke, what they said, when, and the words with their timings.
/// Segments from the alternative <c>{"message": [{"participant", "words"}]}</c> shape are normalised into this type.
/// </summary>
public sealed class TranscriptSegment : MeetStreamObject, IJsonOnDeserialized
{
    private string? _text;

    /// <summary>The speaker's name as the meeting showed it (or a provider label such as <c>Speaker 0</c>).</summary>
    [JsonPropertyName("speaker")]
    public string? Speaker { get; init; }

    /// <summary>
    /// What was said. The wire field is <c>transcript</c> (not <c>text</c>); an older <c>text</c> field is read too.
    /// </summary>
    [JsonPropertyName("transcript")]
    public string? Text { get => _text; init => _text = value; }

    /// <summary>Seconds from the start of the recording to the start of the turn.</summary>
    [JsonPropertyName("start_time")]
    public double? StartTime { get; init; }

    /// <summary>Seconds from the start of the recording to the end of the turn.</summary>
    [JsonPropertyName("end_time")]
    public double? EndTime { get; init; }

    /// <summary>Wall-clock start of the turn (ISO 8601 on the wire); <see langword="null"/> when absent or unreadable.</summary>
    [JsonPropertyName("absolute_start_time")]
    [JsonConverter(typeof(AnyValueAsTimestampJsonConverter))]
    public DateTimeOffset? AbsoluteStartTime { get; init; }

    /// <summary>Wall-clock end of the turn (ISO 8601 on the wire); <see langword="null"/> when absent or unreadable.</summary>
    [JsonPropertyName("absolute_end_time")]
    [JsonConverter(typeof(AnyValueAsTimestampJsonConverter))]
    public DateTimeOffset? AbsoluteEndTime { get; init; }

    /// <summary>The words of the turn with timings, confidence and the provider's speaker number.</summary>
    [JsonPropertyName("words")]
    public IReadOnlyList<TranscriptWord>? Words { get; init; }

    /// <summary>
    /// The participant who spoke, when the transcript came in the <c>{"message": [{"participant", …}]}</c> shape;
    /// <see langword="null"/> for the documented segment array.
    /// </summary>
    [JsonPropertyName("participant")]
    public TranscriptParticipant? Participant { get; init; }

    /// <summary>Gets <see cref="StartTime"/> as a time span from the start of the recording.</summary>
    [JsonIgnore]
    public TimeSpan? Start => StartTime is { } s ? TimeSpan.FromSeconds(s) : null;

    /// <summary>Gets <see cref="EndTime"/> as a time span from the start of the recording.</summary>
    [JsonIgnore]
    public TimeSpan? End => EndTime is { } e ? TimeSpan.FromSeconds(e) : null;

    /// <summary>Gets the length of the turn, when both ends are known.</summary>
    [JsonIgnore]
    public TimeSpan? Duration => StartTime is { } s && EndTime is { } e && e >= s ? TimeSpan.FromSeconds(e - s) : null;

    /// <inheritdoc />
    void IJsonOnDeserialized.OnDeserialized()
    {
        if (_text is null
            && AdditionalProperties is not null
            && AdditionalProperties.TryGetValue("text", out var text)
            && text.ValueKind == JsonValueKind.String)
        {
            _text = text.GetString();
        }
    }

    /// <summary>Describes the segment as <c>[mm:ss] Speaker: text</c>.</summary>
    /// <returns>One line of text.</returns>
    public override string ToString()
    {
        var at = Start is { } start ? $"[{(int)start.TotalMinutes:00}:{start.Seconds:00}] " : string.Empty;
        return $"{at}{Speaker ?? Transcript.UnknownSpeaker}: {Text}";
    }
}
