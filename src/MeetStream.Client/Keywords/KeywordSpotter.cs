using System.Text;

namespace MeetStream.Client.Keywords;

/// <summary>
/// Finds many keywords and phrases (thousands) in text in one pass, with a multi-pattern automaton built once:
/// case- and accent-insensitive (<c>Café</c>, <c>CAFE</c>, <c>cafe</c> alike), on whole words (<c>price</c> does not
/// match <c>priceless</c>), with any run of spaces or punctuation between a phrase's words (<c>pricing model</c>
/// matches <c>pricing-model</c> and <c>pricing,  model</c>), optional plural/possessive forms, and overlapping
/// keywords all reported. Immutable and thread-safe. Use <see cref="Spot"/> for a post-call transcript and
/// <see cref="CreateLiveSpotter"/> for live transcript webhooks.
/// </summary>
public sealed class KeywordSpotter
{
    private readonly KeywordDefinition[] _keywords;
    private readonly KeywordAutomaton _automaton;

    /// <summary>Builds a spotter.</summary>
    /// <param name="keywords">The keywords and phrases; each phrase must have a word character and be distinct from the others once case, accents and punctuation are ignored.</param>
    /// <param name="options">Settings; <see langword="null"/> for the defaults. Copied: later changes have no effect.</param>
    /// <exception cref="ArgumentNullException"><paramref name="keywords"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A keyword is <see langword="null"/>, empty, has no letters or digits, or repeats another (the message names its index).</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public KeywordSpotter(IEnumerable<KeywordDefinition> keywords, KeywordSpotterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(keywords);
        options ??= new KeywordSpotterOptions();
        if (options.ContextWords < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ContextWords, $"{nameof(KeywordSpotterOptions)}.{nameof(KeywordSpotterOptions.ContextWords)} must be 0 or more.");
        }

        if (options.MaxLiveStreams < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxLiveStreams, $"{nameof(KeywordSpotterOptions)}.{nameof(KeywordSpotterOptions.MaxLiveStreams)} must be 1 or more.");
        }

        MatchPlurals = options.MatchPlurals;
        ContextWords = options.ContextWords;
        IgnoreBotSpeech = options.IgnoreBotSpeech;
        BotName = string.IsNullOrWhiteSpace(options.BotName) ? null : options.BotName.Trim();
        MaxLiveStreams = options.MaxLiveStreams;

        _keywords = keywords.ToArray();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var patterns = new List<(string Pattern, int Keyword)>(_keywords.Length * 3);
        var maxWords = 1;
        for (var i = 0; i < _keywords.Length; i++)
        {
            var keyword = _keywords[i] ?? throw new ArgumentException($"keywords[{i}] is null.", nameof(keywords));
            if (string.IsNullOrWhiteSpace(keyword.Phrase))
            {
                throw new ArgumentException($"keywords[{i}] has an empty phrase.", nameof(keywords));
            }

            var normalized = KeywordAutomaton.Normalize(keyword.Phrase);
            if (normalized.Length == 0)
            {
                throw new ArgumentException($"keywords[{i}] (\"{keyword.Phrase}\") has no letters or digits.", nameof(keywords));
            }

            if (seen.TryGetValue(normalized, out var first))
            {
                throw new ArgumentException(
                    $"keywords[{i}] (\"{keyword.Phrase}\") repeats keywords[{first}] (\"{_keywords[first].Phrase}\") once case, accents and punctuation are ignored.",
                    nameof(keywords));
            }

            seen[normalized] = i;
            maxWords = Math.Max(maxWords, 1 + normalized.Count(c => c == KeywordTextFold.Separator));
            patterns.Add((Frame(normalized), i));
            if (keyword.MatchPlurals ?? options.MatchPlurals)
            {
                foreach (var variant in PluralForms(normalized))
                {
                    patterns.Add((Frame(variant), i));
                }
            }
        }

        MaxPhraseWords = maxWords;
        _automaton = new KeywordAutomaton(patterns);
    }

    /// <summary>Gets the number of keywords.</summary>
    public int Count => _keywords.Length;

    /// <summary>Gets the keywords in the order given.</summary>
    public IReadOnlyList<KeywordDefinition> Keywords => _keywords;

    /// <summary>Gets the spotter-wide plural setting (<see cref="KeywordSpotterOptions.MatchPlurals"/>).</summary>
    public bool MatchPlurals { get; }

    /// <summary>Gets the number of context words each side of a hit.</summary>
    public int ContextWords { get; }

    /// <summary>Gets whether live chunks by <see cref="BotName"/> are skipped.</summary>
    public bool IgnoreBotSpeech { get; }

    /// <summary>Gets the bot's display name, trimmed; <see langword="null"/> when not set.</summary>
    public string? BotName { get; }

    /// <summary>Gets the bound on live stream state.</summary>
    public int MaxLiveStreams { get; }

    /// <summary>Gets the most words in any phrase.</summary>
    internal int MaxPhraseWords { get; }

    /// <summary>Gets the compiled automaton.</summary>
    internal KeywordAutomaton Automaton => _automaton;

    /// <summary>Finds every keyword in a text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The matches in the order they end in the text (a longer phrase before a shorter one ending at the same word).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<KeywordMatch> FindAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sink = new ListSink(_keywords);
        _automaton.Scan(text.AsSpan(), ref sink);
        return (IReadOnlyList<KeywordMatch>?)sink.Matches ?? [];
    }

    /// <summary>Finds every keyword in a text without allocating.</summary>
    /// <param name="text">The text.</param>
    /// <param name="destination">Receives the matches, in the order they end, as many as fit.</param>
    /// <returns>The number of matches found; when larger than <paramref name="destination"/>'s length, only the first ones were written.</returns>
    public int FindAll(ReadOnlySpan<char> text, Span<KeywordMatch> destination)
    {
        var sink = new SpanSink(_keywords);
        _automaton.Scan(text, ref sink, destination);
        return sink.Count;
    }

    /// <summary>Finds the keywords said in a post-call transcript, turn by turn.</summary>
    /// <param name="transcript">The transcript.</param>
    /// <param name="botId">The bot the meeting belongs to, copied into each hit.</param>
    /// <param name="customAttributes">The bot's custom attributes, copied into each hit.</param>
    /// <returns>
    /// The hits in spoken order. <see cref="KeywordHit.Offset"/> is the start of the word where the match starts when
    /// the turn's words have timings (else the turn's start); <see cref="KeywordHit.Timestamp"/> is the turn's
    /// wall-clock start plus that offset within the turn, when known.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="transcript"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<KeywordHit> Spot(Transcript transcript, string? botId = null, IReadOnlyDictionary<string, string>? customAttributes = null)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        var hits = new List<KeywordHit>();
        foreach (var segment in transcript.Segments)
        {
            if (segment?.Text is not { Length: > 0 } text)
            {
                continue;
            }

            foreach (var match in FindAll(text))
            {
                var word = WordAt(text, match.Start, segment.Words);
                var offset = word?.Start is { } ws ? TimeSpan.FromSeconds(ws) : segment.Start;
                DateTimeOffset? timestamp = null;
                if (segment.AbsoluteStartTime is { } wall)
                {
                    timestamp = offset is { } o && segment.Start is { } s && o >= s ? wall + (o - s) : wall;
                }

                hits.Add(new KeywordHit
                {
                    Keyword = match.Keyword,
                    MatchedText = text.Substring(match.Start, match.Length),
                    Speaker = segment.Speaker,
                    BotId = botId,
                    Timestamp = timestamp,
                    Offset = offset,
                    Context = GetContext(text, match.Start, match.End),
                    CustomAttributes = customAttributes,
                    IsLive = false,
                });
            }
        }

        return hits;
    }

    /// <summary>Creates a spotter for live transcript chunks that keeps per-speaker state (see <see cref="LiveKeywordSpotter"/>).</summary>
    /// <returns>A new live spotter sharing this spotter's automaton.</returns>
    public LiveKeywordSpotter CreateLiveSpotter() => new(this);

    /// <summary>Describes the spotter.</summary>
    /// <returns>The keyword count and automaton size.</returns>
    public override string ToString() => $"KeywordSpotter ({Count} keywords, {_automaton.StateCount} states)";

    /// <summary>Gets <see cref="ContextWords"/> words each side of a span, whitespace collapsed to single spaces.</summary>
    internal string GetContext(ReadOnlySpan<char> text, int start, int end)
    {
        var from = start;
        for (var words = 0; words < ContextWords && from > 0;)
        {
            while (from > 0 && char.IsWhiteSpace(text[from - 1]))
            {
                from--;
            }

            if (from == 0)
            {
                break;
            }

            while (from > 0 && !char.IsWhiteSpace(text[from - 1]))
            {
                from--;
            }

            words++;
        }

        var to = end;
        while (to < text.Length && !char.IsWhiteSpace(text[to]))
        {
            to++;
        }

        for (var words = 0; words < ContextWords && to < text.Length;)
        {
            while (to < text.Length && char.IsWhiteSpace(text[to]))
            {
                to++;
            }

            if (to == text.Length)
            {
                break;
            }

            while (to < text.Length && !char.IsWhiteSpace(text[to]))
            {
                to++;
            }

            words++;
        }

        var builder = new StringBuilder(to - from);
        var space = false;
        foreach (var c in text[from..to])
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Gets the index of the whitespace-separated token that contains <paramref name="position"/>.</summary>
    internal static int TokenIndex(ReadOnlySpan<char> text, int position)
    {
        var index = -1;
        var inToken = false;
        for (var i = 0; i <= position && i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                inToken = false;
            }
            else if (!inToken)
            {
                inToken = true;
                index++;
            }
        }

        return Math.Max(index, 0);
    }

    /// <summary>Counts the whitespace-separated tokens of a text.</summary>
    internal static int TokenCount(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inToken = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                inToken = false;
            }
            else if (!inToken)
            {
                inToken = true;
                count++;
            }
        }

        return count;
    }

    private static TranscriptWord? WordAt(string text, int position, IReadOnlyList<TranscriptWord>? words)
    {
        if (words is not { Count: > 0 })
        {
            return null;
        }

        var tokens = TokenCount(text);
        var index = TokenIndex(text, position) - (tokens - words.Count);
        return index >= 0 && index < words.Count ? words[index] : null;
    }

    private static string Frame(string normalized) => $" {normalized} ";

    private static IEnumerable<string> PluralForms(string normalized)
    {
        var last = normalized.AsSpan(normalized.LastIndexOf(KeywordTextFold.Separator) + 1);
        if (last.Length == 0 || !char.IsLetter(last[^1]))
        {
            yield break;
        }

        if (last[^1] is 's' or 'x' or 'z' || last.EndsWith("ch", StringComparison.Ordinal) || last.EndsWith("sh", StringComparison.Ordinal))
        {
            yield return normalized + "es";
        }
        else if (last.Length > 1 && last[^1] == 'y' && last[^2] is not ('a' or 'e' or 'i' or 'o' or 'u'))
        {
            yield return string.Concat(normalized.AsSpan(0, normalized.Length - 1), "ies");
        }
        else
        {
            yield return normalized + "s";
        }

        yield return normalized + "'s";
    }

    private struct ListSink(KeywordDefinition[] keywords) : IKeywordMatchSink
    {
        public List<KeywordMatch>? Matches;

        public void OnMatch(int keyword, int start, int end, Span<KeywordMatch> output) => (Matches ??= []).Add(new KeywordMatch(keywords[keyword], start, end - start));
    }

    private struct SpanSink(KeywordDefinition[] keywords) : IKeywordMatchSink
    {
        public int Count;

        public void OnMatch(int keyword, int start, int end, Span<KeywordMatch> output)
        {
            if (Count < output.Length)
            {
                output[Count] = new KeywordMatch(keywords[keyword], start, end - start);
            }

            Count++;
        }
    }
}
