using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// A post-call transcript (<c>GET /transcript/{transcript_id}/get_transcript</c>): speaker turns in order, with
/// helpers for the full text and the text per speaker. Read from either known JSON shape (the documented segment
/// array or the <c>{"message": [{"participant", "words"}]}</c> shape) and normalised; the original JSON stays in
/// <see cref="Json"/>. <see cref="Parse(string)"/> reads the file behind a <c>processed_transcript</c> download URL too.
/// </summary>
[JsonConverter(typeof(TranscriptJsonConverter))]
public sealed class Transcript
{
    /// <summary>The speaker name the text helpers use for segments without one.</summary>
    public const string UnknownSpeaker = "Unknown speaker";

    /// <summary>Initializes a transcript from segments (for tests and for transcripts built by hand).</summary>
    /// <param name="segments">The speaker turns in order.</param>
    /// <param name="format">The shape they came from.</param>
    /// <param name="json">The original JSON; <see langword="null"/> serializes the segments as the documented array.</param>
    public Transcript(IReadOnlyList<TranscriptSegment> segments, TranscriptFormat format = TranscriptFormat.Segments, JsonElement? json = null)
    {
        ArgumentNullException.ThrowIfNull(segments);
        Segments = segments;
        Format = format;
        Json = json ?? SegmentsToJson(segments);
    }

    /// <summary>Gets the speaker turns in spoken order.</summary>
    public IReadOnlyList<TranscriptSegment> Segments { get; }

    /// <summary>Gets which JSON shape MeetStream answered with.</summary>
    public TranscriptFormat Format { get; }

    /// <summary>Gets the JSON exactly as MeetStream sent it (detached; safe to keep).</summary>
    public JsonElement Json { get; }

    /// <summary>Gets the distinct speakers in order of first appearance.</summary>
    public IReadOnlyList<string> Speakers => Segments.Select(SpeakerOf).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Gets the time from the first turn's start to the last turn's end, when the timings are known.</summary>
    public TimeSpan? Duration
    {
        get
        {
            var starts = Segments.Where(s => s.StartTime is not null).Select(s => s.StartTime!.Value).ToArray();
            var ends = Segments.Select(s => s.EndTime ?? s.StartTime).Where(e => e is not null).Select(e => e!.Value).ToArray();
            return starts.Length == 0 || ends.Length == 0 ? null : TimeSpan.FromSeconds(Math.Max(0, ends.Max() - starts.Min()));
        }
    }

    /// <summary>Reads a transcript from JSON text in either known shape.</summary>
    /// <param name="json">The JSON, e.g. the body of a <c>processed_transcript</c> download.</param>
    /// <returns>The transcript.</returns>
    /// <exception cref="JsonException">The JSON is invalid or neither known shape.</exception>
    public static Transcript Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        return FromJson(document.RootElement);
    }

    /// <summary>Reads a transcript from UTF-8 JSON in either known shape.</summary>
    /// <param name="utf8Json">The JSON bytes.</param>
    /// <returns>The transcript.</returns>
    /// <exception cref="JsonException">The JSON is invalid or neither known shape.</exception>
    public static Transcript Parse(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        using var document = JsonDocument.ParseValue(ref reader);
        return FromJson(document.RootElement);
    }

    /// <summary>Reads a transcript from a parsed JSON value in either known shape.</summary>
    /// <param name="json">The JSON value.</param>
    /// <returns>The transcript; its <see cref="Json"/> is a detached copy of <paramref name="json"/>.</returns>
    /// <exception cref="JsonException">The JSON is neither known shape.</exception>
    public static Transcript FromJson(JsonElement json)
    {
        var original = json.Clone();
        switch (original.ValueKind)
        {
            case JsonValueKind.Array:
                return FromItems(original, original, TranscriptFormat.Segments);
            case JsonValueKind.Object:
                if (original.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Array)
                {
                    return FromItems(message, original, TranscriptFormat.ParticipantWords);
                }

                foreach (var name in (ReadOnlySpan<string>)["transcript", "segments", "data"])
                {
                    if (original.TryGetProperty(name, out var items) && items.ValueKind == JsonValueKind.Array)
                    {
                        return FromItems(items, original, TranscriptFormat.Segments);
                    }
                }

                var said = original.TryGetProperty("message", out var text) && text.ValueKind == JsonValueKind.String ? $" It says: \"{text.GetString()}\"." : string.Empty;
                throw new JsonException($"The transcript JSON is an object without a segment array (expected a top-level array of segments or {{\"message\": [ … ]}}).{said}");
            default:
                throw new JsonException($"The transcript JSON is a {original.ValueKind}, not a segment array or an object.");
        }
    }

    /// <summary>Gets the whole text, one turn per line.</summary>
    /// <param name="includeSpeakers">Whether to start each line with <c>Speaker: </c>.</param>
    /// <returns>The text; empty when there are no turns.</returns>
    public string GetFullText(bool includeSpeakers = false)
    {
        var builder = new StringBuilder();
        foreach (var segment in Segments)
        {
            if (string.IsNullOrWhiteSpace(segment.Text))
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append('\n');
            }

            if (includeSpeakers)
            {
                builder.Append(SpeakerOf(segment)).Append(": ");
            }

            builder.Append(segment.Text.Trim());
        }

        return builder.ToString();
    }

    /// <summary>Gets everything each speaker said, turns joined with a space, in order of first appearance.</summary>
    /// <returns>Speaker name to text; segments without a speaker are under <see cref="UnknownSpeaker"/>.</returns>
    public IReadOnlyDictionary<string, string> GetTextBySpeaker()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in GroupBySpeaker())
        {
            result[group.Key] = string.Join(" ", group.Value.Select(s => s.Text?.Trim()).Where(t => !string.IsNullOrEmpty(t)));
        }

        return result;
    }

    /// <summary>Gets each speaker's turns, in order of first appearance.</summary>
    /// <returns>Speaker name to their segments; segments without a speaker are under <see cref="UnknownSpeaker"/>.</returns>
    public IReadOnlyDictionary<string, IReadOnlyList<TranscriptSegment>> GroupBySpeaker()
    {
        var order = new List<string>();
        var groups = new Dictionary<string, List<TranscriptSegment>>(StringComparer.Ordinal);
        foreach (var segment in Segments)
        {
            var speaker = SpeakerOf(segment);
            if (!groups.TryGetValue(speaker, out var list))
            {
                groups[speaker] = list = [];
                order.Add(speaker);
            }

            list.Add(segment);
        }

        var result = new Dictionary<string, IReadOnlyList<TranscriptSegment>>(StringComparer.Ordinal);
        foreach (var speaker in order)
        {
            result[speaker] = groups[speaker];
        }

        return result;
    }

    /// <summary>Gets the turns of one speaker (case-sensitive name), in order.</summary>
    /// <param name="speaker">The speaker's name.</param>
    /// <returns>The segments; empty when the speaker did not speak.</returns>
    public IReadOnlyList<TranscriptSegment> GetSegmentsBySpeaker(string speaker)
    {
        ArgumentNullException.ThrowIfNull(speaker);
        return Segments.Where(s => string.Equals(SpeakerOf(s), speaker, StringComparison.Ordinal)).ToArray();
    }

    /// <summary>Gets the text as <c>Speaker: text</c> lines.</summary>
    /// <returns>The readable transcript.</returns>
    public override string ToString() => GetFullText(includeSpeakers: true);

    private static string SpeakerOf(TranscriptSegment segment) => string.IsNullOrWhiteSpace(segment.Speaker) ? UnknownSpeaker : segment.Speaker;

    private static Transcript FromItems(JsonElement items, JsonElement original, TranscriptFormat format)
    {
        var segments = new List<TranscriptSegment>(items.GetArrayLength());
        var sawParticipantWords = false;
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException($"A transcript segment is a {item.ValueKind}, not an object.");
            }

            if (IsParticipantWords(item))
            {
                sawParticipantWords = true;
                if (FromParticipantWords(item) is { } segment)
                {
                    segments.Add(segment);
                }
            }
            else
            {
                segments.Add(item.Deserialize(MeetStreamJsonContext.Default.TranscriptSegment)
                    ?? throw new JsonException("A transcript segment is null."));
            }
        }

        return new Transcript(segments, sawParticipantWords ? TranscriptFormat.ParticipantWords : format, original);
    }

    private static bool IsParticipantWords(JsonElement item) =>
        item.TryGetProperty("participant", out var participant) && participant.ValueKind == JsonValueKind.Object
        && !item.TryGetProperty("transcript", out _);

    private static TranscriptSegment? FromParticipantWords(JsonElement item)
    {
        var participant = item.GetProperty("participant").Deserialize(MeetStreamJsonContext.Default.TranscriptParticipant);
        var words = new List<TranscriptWord>();
        double? start = null, end = null;
        DateTimeOffset? absoluteStart = null, absoluteEnd = null;
        if (item.TryGetProperty("words", out var wordArray) && wordArray.ValueKind == JsonValueKind.Array)
        {
            foreach (var word in wordArray.EnumerateArray())
            {
                if (word.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var text = word.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                var (relativeStart, wallStart) = ReadTimestamp(word, "start_timestamp");
                var (relativeEnd, wallEnd) = ReadTimestamp(word, "end_timestamp");
                start ??= relativeStart;
                absoluteStart ??= wallStart;
                end = relativeEnd ?? relativeStart ?? end;
                absoluteEnd = wallEnd ?? wallStart ?? absoluteEnd;
                words.Add(new TranscriptWord
                {
                    Word = text,
                    PunctuatedWord = text,
                    Start = relativeStart,
                    End = relativeEnd,
                    Confidence = word.TryGetProperty("confidence", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetDouble() : null,
                });
            }
        }

        if (words.Count == 0)
        {
            return null;
        }

        return new TranscriptSegment
        {
            Speaker = participant?.Name,
            Text = string.Join(" ", words.Select(w => w.Word).Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w!.Trim())),
            StartTime = start,
            EndTime = end,
            AbsoluteStartTime = absoluteStart,
            AbsoluteEndTime = absoluteEnd,
            Words = words,
            Participant = participant,
        };
    }

    private static (double? Relative, DateTimeOffset? Absolute) ReadTimestamp(JsonElement word, string name)
    {
        if (!word.TryGetProperty(name, out var stamp))
        {
            return (null, null);
        }

        if (stamp.ValueKind == JsonValueKind.Number)
        {
            return (stamp.GetDouble(), null);
        }

        if (stamp.ValueKind != JsonValueKind.Object)
        {
            return (null, null);
        }

        double? relative = stamp.TryGetProperty("relative", out var r) && r.ValueKind == JsonValueKind.Number ? r.GetDouble() : null;
        DateTimeOffset? absolute = null;
        if (stamp.TryGetProperty("absolute", out var a))
        {
            absolute = a.ValueKind switch
            {
                JsonValueKind.String when DateTimeOffset.TryParse(a.GetString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed) => parsed,
                JsonValueKind.Number => Timestamps.FromUnix(a.GetDouble()),
                _ => null,
            };
        }

        return (relative, absolute);
    }

    private static JsonElement SegmentsToJson(IReadOnlyList<TranscriptSegment> segments)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(segments.ToList(), MeetStreamJsonContext.Default.ListTranscriptSegment);
        using var document = JsonDocument.Parse(bytes);
        return document.RootElement.Clone();
    }
}
