using BenchmarkDotNet.Attributes;
using MeetStream.Client.Keywords;
using MeetStream.Client.Webhooks;

namespace MeetStream.Client.Benchmarks;

/// <summary>
/// 1,000 keywords (single words and two-word phrases) over a one-hour meeting's transcript (9,000 words, generated
/// deterministically, about 60 keyword occurrences). Baseline: the naive way, the text lower-cased and one
/// <see cref="string.IndexOf(string, StringComparison)"/> loop per keyword with a word-boundary check.
/// </summary>
[MemoryDiagnoser]
public class KeywordSpotterBenchmarks
{
    private readonly KeywordMatch[] _matches = new KeywordMatch[4096];
    private string[] _lowerKeywords = [];
    private KeywordSpotter _spotter = null!;
    private string _text = string.Empty;

    /// <summary>Builds the keywords and the meeting text.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var keywords = KeywordSpotterBenchmarkData.Keywords(1000);
        _spotter = new KeywordSpotter(keywords.Select(k => new KeywordDefinition(k)), new KeywordSpotterOptions { MatchPlurals = false });
        _lowerKeywords = keywords.Select(k => k.ToLowerInvariant()).ToArray();
        _text = KeywordSpotterBenchmarkData.Meeting(9000, keywords);
        var naive = NaiveIndexOfLoop();
        var spotted = SpotterFindAll();
        if (naive != spotted)
        {
            throw new InvalidOperationException($"The baseline found {naive} matches, the spotter {spotted}.");
        }
    }

    /// <summary>The naive loop: lower-case the text, IndexOf per keyword, check word boundaries.</summary>
    /// <returns>The number of matches.</returns>
    [Benchmark(Baseline = true)]
    public int NaiveIndexOfLoop()
    {
        var text = _text.ToLowerInvariant();
        var count = 0;
        foreach (var keyword in _lowerKeywords)
        {
            for (var at = text.IndexOf(keyword, StringComparison.Ordinal); at >= 0; at = text.IndexOf(keyword, at + 1, StringComparison.Ordinal))
            {
                var end = at + keyword.Length;
                if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
                {
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>The spotter's one pass (case- and accent-insensitive, whole words, no allocation).</summary>
    /// <returns>The number of matches.</returns>
    [Benchmark]
    public int SpotterFindAll() => _spotter.FindAll(_text.AsSpan(), _matches);
}

/// <summary>
/// One live transcript chunk through <see cref="LiveKeywordSpotter.Process"/> with 1,000 keywords and nothing
/// matching (the common case): must allocate 0 B. Baseline: the stateless <see cref="KeywordSpotter.FindAll(ReadOnlySpan{char}, Span{KeywordMatch})"/>
/// over the same text.
/// </summary>
[MemoryDiagnoser]
public class KeywordSpotterLiveBenchmarks
{
    private readonly KeywordMatch[] _matches = new KeywordMatch[64];
    private KeywordSpotter _spotter = null!;
    private LiveKeywordSpotter _live = null!;
    private LiveTranscriptEvent[] _chunks = [];
    private int _next;

    /// <summary>Builds the spotter and a partial and a final chunk of one turn.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _spotter = new KeywordSpotter(KeywordSpotterBenchmarkData.Keywords(1000).Select(k => new KeywordDefinition(k)));
        _live = _spotter.CreateLiveSpotter();
        var at = new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
        _chunks =
        [
            new LiveTranscriptEvent { BotId = "bot-1", SpeakerName = "Ada", Timestamp = at, Transcript = "so I think we should look at the roadmap", NewText = "so I think we should look at the roadmap", IsFinal = false, EndOfTurn = false },
            new LiveTranscriptEvent { BotId = "bot-1", SpeakerName = "Ada", Timestamp = at, Transcript = "so I think we should look at the roadmap for next quarter before we decide", NewText = "for next quarter before we decide", IsFinal = true, EndOfTurn = true },
        ];
    }

    /// <summary>The stateless scan of the final chunk's text.</summary>
    /// <returns>The number of matches.</returns>
    [Benchmark(Baseline = true)]
    public int FindAllChunkText() => _spotter.FindAll(_chunks[1].Transcript.AsSpan(), _matches);

    /// <summary>One chunk through the live spotter (alternating partial and final of a turn).</summary>
    /// <returns>The number of hits.</returns>
    [Benchmark]
    public int LiveProcessChunk() => _live.Process(_chunks[_next++ & 1]).Count;
}

/// <summary>Deterministic keywords and meeting text for the keyword benchmarks.</summary>
internal static class KeywordSpotterBenchmarkData
{
    private static readonly string[] Syllables = ["ka", "lo", "mi", "ter", "pra", "ven", "do", "sul", "rix", "ban", "tor", "qui", "zel", "mon", "fa", "ge"];

    /// <summary>Makes <paramref name="count"/> distinct keywords, one in four a two-word phrase.</summary>
    public static string[] Keywords(int count) => Enumerable.Range(0, count)
        .Select(i => i % 4 == 0 ? $"{Word(i + 5000)} {Word(i + 9000)}" : Word(i + 5000))
        .ToArray();

    /// <summary>Makes a meeting text of <paramref name="words"/> words in 12-word sentences (capitalised, full stop) with a keyword every 150 words.</summary>
    public static string Meeting(int words, string[] keywords)
    {
        var random = new Random(13);
        var parts = new List<string>(words);
        for (var i = 0; i < words; i++)
        {
            var word = i % 150 == 75 ? keywords[random.Next(keywords.Length)] : Word(random.Next(3000));
            parts.Add(i % 12 == 0 ? string.Concat(word[..1].ToUpperInvariant(), word.AsSpan(1)) : word);
            if (i % 12 == 11)
            {
                parts[^1] += ".";
            }
        }

        return string.Join(' ', parts);
    }

    private static string Word(int n)
    {
        var a = Syllables[n % 16];
        var b = Syllables[(n / 16) % 16];
        var c = Syllables[(n / 256) % 16];
        return n >= 4096 ? $"{a}{b}{c}{Syllables[(n / 4096) % 16]}" : $"{a}{b}{c}";
    }
}
