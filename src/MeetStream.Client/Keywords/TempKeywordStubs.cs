// TEMPORARY stand-in for helper H1's keyword spotter (agreed API of issue 13); reverted before merging main.
#pragma warning disable CS1591, CA1062, CA1307, CA1309, CA1310, CA1822, CA1805, CA2227, CA1002, CA1819, CA1305, CA1304, CA1311, CA1862
using MeetStream.Client.Webhooks;

namespace MeetStream.Client.Keywords;

public sealed class KeywordDefinition
{
    public KeywordDefinition(string phrase, string? category = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phrase);
        Phrase = phrase;
        Category = category;
    }

    public string Phrase { get; }

    public string? Category { get; }

    public bool? MatchPlurals { get; init; }

    public string? Id { get; init; }
}

public sealed class KeywordSpotterOptions
{
    public bool MatchPlurals { get; set; } = true;

    public int ContextWords { get; set; } = 6;

    public bool IgnoreBotSpeech { get; set; } = true;

    public string? BotName { get; set; }

    public int MaxLiveStreams { get; set; } = 10_000;
}

public readonly record struct KeywordMatch(KeywordDefinition Keyword, int Start, int Length);

public sealed class KeywordHit
{
    public required KeywordDefinition Keyword { get; init; }

    public string? Category => Keyword.Category;

    public required string MatchedText { get; init; }

    public string? Speaker { get; init; }

    public string? BotId { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public TimeSpan? Offset { get; init; }

    public string Context { get; init; } = string.Empty;

    public IReadOnlyDictionary<string, string>? CustomAttributes { get; init; }

    public bool IsLive { get; init; }
}

public sealed class KeywordSpotter
{
    private readonly KeywordDefinition[] _keywords;

    public KeywordSpotter(IEnumerable<KeywordDefinition> keywords, KeywordSpotterOptions? options = null)
    {
        _keywords = keywords.ToArray();
        Options = options ?? new KeywordSpotterOptions();
    }

    internal KeywordSpotterOptions Options { get; }

    public int Count => _keywords.Length;

    public IReadOnlyList<KeywordMatch> FindAll(string text)
    {
        var list = new List<KeywordMatch>();
        foreach (var k in _keywords)
        {
            var start = 0;
            while (start <= text.Length)
            {
                var i = text.IndexOf(k.Phrase, start, StringComparison.OrdinalIgnoreCase);
                if (i < 0)
                {
                    break;
                }

                var end = i + k.Phrase.Length;
                if (end < text.Length && (text[end] == 's' || text[end] == 'S') && (k.MatchPlurals ?? Options.MatchPlurals))
                {
                    end++;
                }

                if ((i == 0 || !char.IsLetterOrDigit(text[i - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
                {
                    list.Add(new KeywordMatch(k, i, end - i));
                }

                start = i + 1;
            }
        }

        list.Sort((a, b) => a.Start.CompareTo(b.Start));
        return list;
    }

    public int FindAll(ReadOnlySpan<char> text, Span<KeywordMatch> destination)
    {
        var all = FindAll(text.ToString());
        var n = Math.Min(all.Count, destination.Length);
        for (var i = 0; i < n; i++)
        {
            destination[i] = all[i];
        }

        return n;
    }

    public IReadOnlyList<KeywordHit> Spot(Transcript transcript, string? botId = null, IReadOnlyDictionary<string, string>? customAttributes = null)
    {
        var hits = new List<KeywordHit>();
        foreach (var segment in transcript.Segments)
        {
            var text = segment.Text ?? string.Empty;
            foreach (var m in FindAll(text))
            {
                hits.Add(new KeywordHit { Keyword = m.Keyword, MatchedText = text.Substring(m.Start, m.Length), Speaker = segment.Speaker, BotId = botId, Context = text, CustomAttributes = customAttributes, Offset = segment.Start });
            }
        }

        return hits;
    }

    public LiveKeywordSpotter CreateLiveSpotter() => new(this);
}

public sealed class LiveKeywordSpotter
{
    private static readonly IReadOnlyList<KeywordHit> None = Array.Empty<KeywordHit>();
    private readonly KeywordSpotter _spotter;
    private readonly Dictionary<(string, string), string> _tails = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    internal LiveKeywordSpotter(KeywordSpotter spotter) => _spotter = spotter;

    public int TrackedStreams
    {
        get
        {
            lock (_gate)
            {
                return _tails.Select(k => k.Key.Item1).Distinct().Count();
            }
        }
    }

    public IReadOnlyList<KeywordHit> Process(LiveTranscriptEvent chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var text = chunk.NewText ?? string.Empty;
        var bot = chunk.BotId ?? string.Empty;
        var speaker = chunk.SpeakerDisplayName ?? string.Empty;
        if (text.Length == 0 || (_spotter.Options.IgnoreBotSpeech && _spotter.Options.BotName is { } botName && string.Equals(botName, speaker, StringComparison.OrdinalIgnoreCase)))
        {
            return None;
        }

        lock (_gate)
        {
            if (!_seen.Add(bot + "\u0001" + speaker + "\u0001" + chunk.Timestamp?.ToString("O") + "\u0001" + text))
            {
                return None;
            }

            _tails.TryGetValue((bot, speaker), out var tail);
            tail ??= string.Empty;
            var combined = tail.Length == 0 ? text : tail + " " + text;
            var boundary = tail.Length == 0 ? 0 : tail.Length + 1;
            var hits = new List<KeywordHit>();
            foreach (var m in _spotter.FindAll(combined))
            {
                if (m.Start + m.Length > boundary)
                {
                    hits.Add(new KeywordHit { Keyword = m.Keyword, MatchedText = combined.Substring(m.Start, m.Length), Speaker = chunk.SpeakerDisplayName, BotId = chunk.BotId, Timestamp = chunk.Timestamp, Context = combined, CustomAttributes = chunk.CustomAttributes, IsLive = true });
                }
            }

            var words = combined.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            _tails[(bot, speaker)] = string.Join(' ', words.Skip(Math.Max(0, words.Length - 4)));
            return hits.Count == 0 ? None : hits;
        }
    }

    public void Complete(string botId)
    {
        lock (_gate)
        {
            foreach (var key in _tails.Keys.Where(k => k.Item1 == botId).ToList())
            {
                _tails.Remove(key);
            }
        }
    }
}
