using System.Buffers;
using System.Text;

namespace MeetStream.Client.Keywords;

/// <summary>
/// The Aho–Corasick automaton behind <see cref="KeywordSpotter"/>, compiled once into a dense transition table. It
/// reads text one character at a time through <see cref="KeywordTextFold"/> with runs of separators collapsed to one
/// space, so each pattern (<c>" price increase "</c>) is framed by spaces and only matches whole words. One pass,
/// no allocation: matches go to a struct sink.
/// </summary>
internal sealed class KeywordAutomaton
{
    private const int StackRingLimit = 256;
    private readonly ushort[] _symbols;
    private readonly int _alphabet;
    private readonly int[] _delta;
    private readonly int[] _outputStart;
    private readonly int[] _outputs;
    private readonly int[] _patternKeyword;
    private readonly int[] _patternLength;
    private readonly int _ring;
    private readonly int _start;

    /// <summary>Compiles patterns (each already normalized and framed by spaces) into an automaton.</summary>
    /// <param name="patterns">The normalized pattern and the index of the keyword it reports.</param>
    public KeywordAutomaton(IReadOnlyList<(string Pattern, int Keyword)> patterns)
    {
        _symbols = new ushort[char.MaxValue + 1];
        var alphabet = 1;
        var children = new List<Dictionary<char, int>> { new() };
        var ownOutputs = new List<List<int>?> { null };
        _patternKeyword = new int[patterns.Count];
        _patternLength = new int[patterns.Count];
        var longest = 0;
        for (var p = 0; p < patterns.Count; p++)
        {
            var (pattern, keyword) = patterns[p];
            _patternKeyword[p] = keyword;
            _patternLength[p] = pattern.Length;
            longest = Math.Max(longest, pattern.Length);
            var state = 0;
            foreach (var c in pattern)
            {
                if (_symbols[c] == 0)
                {
                    _symbols[c] = checked((ushort)alphabet++);
                }

                if (!children[state].TryGetValue(c, out var next))
                {
                    next = children.Count;
                    children.Add([]);
                    ownOutputs.Add(null);
                    children[state][c] = next;
                }

                state = next;
            }

            (ownOutputs[state] ??= []).Add(p);
        }

        _alphabet = alphabet;
        _ring = longest + 1;
        var count = children.Count;
        _delta = new int[checked(count * alphabet)];
        var fail = new int[count];
        var merged = new List<int>[count];
        merged[0] = ownOutputs[0] ?? [];
        var queue = new Queue<int>();
        foreach (var (c, child) in children[0])
        {
            _delta[_symbols[c]] = child;
            fail[child] = 0;
            queue.Enqueue(child);
        }

        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            var own = ownOutputs[state];
            var inherited = merged[fail[state]];
            merged[state] = own is null ? inherited : [.. own, .. inherited];
            var row = state * alphabet;
            var failRow = fail[state] * alphabet;
            for (var a = 0; a < alphabet; a++)
            {
                _delta[row + a] = _delta[failRow + a];
            }

            foreach (var (c, child) in children[state])
            {
                var a = _symbols[c];
                fail[child] = _delta[failRow + a];
                _delta[row + a] = child;
                queue.Enqueue(child);
            }
        }

        _outputStart = new int[count + 1];
        var total = 0;
        for (var s = 0; s < count; s++)
        {
            _outputStart[s] = total;
            total += merged[s].Count;
        }

        _outputStart[count] = total;
        _outputs = new int[total];
        for (var s = 0; s < count; s++)
        {
            merged[s].CopyTo(_outputs, _outputStart[s]);
        }

        _start = _delta[_symbols[KeywordTextFold.Separator]];
        StateCount = count;
    }

    /// <summary>Gets the number of automaton states (for diagnostics and tests).</summary>
    public int StateCount { get; }

    /// <summary>
    /// Normalizes a phrase the way text is read: folded, apostrophes inside words kept, any run of other
    /// separators one space, trimmed.
    /// </summary>
    /// <param name="phrase">The phrase.</param>
    /// <returns>The normalized words separated by single spaces; empty when the phrase has no word characters.</returns>
    public static string Normalize(string phrase)
    {
        var builder = new StringBuilder(phrase.Length);
        var pendingSeparator = false;
        for (var i = 0; i < phrase.Length; i++)
        {
            var f = KeywordTextFold.FoldAt(phrase, i);
            if (f == KeywordTextFold.Skip)
            {
                continue;
            }

            if (f == KeywordTextFold.Separator)
            {
                pendingSeparator = builder.Length > 0;
                continue;
            }

            if (pendingSeparator)
            {
                builder.Append(KeywordTextFold.Separator);
                pendingSeparator = false;
            }

            builder.Append(f);
        }

        return builder.ToString();
    }

    /// <summary>Finds every pattern in <paramref name="text"/> in one pass, in the order the matches end.</summary>
    /// <typeparam name="TSink">The receiver of matches.</typeparam>
    /// <param name="text">The text.</param>
    /// <param name="sink">Receives (keyword index, start, end) per match.</param>
    /// <param name="output">A span handed to the sink with each match (a struct sink cannot hold one).</param>
    public void Scan<TSink>(ReadOnlySpan<char> text, ref TSink sink, Span<KeywordMatch> output = default)
        where TSink : struct, IKeywordMatchSink
    {
        int[]? rented = null;
        var ring = _ring <= StackRingLimit ? stackalloc int[_ring] : (rented = ArrayPool<int>.Shared.Rent(_ring)).AsSpan(0, _ring);
        try
        {
            var delta = _delta;
            var symbols = _symbols;
            var alphabet = _alphabet;
            var state = _start;
            var n = 1;
            ring[0] = -1;
            var afterSeparator = true;
            for (var i = 0; i < text.Length; i++)
            {
                var f = KeywordTextFold.FoldAt(text, i);
                if (f == KeywordTextFold.Skip)
                {
                    continue;
                }

                if (f == KeywordTextFold.Separator)
                {
                    if (afterSeparator)
                    {
                        continue;
                    }

                    afterSeparator = true;
                }
                else
                {
                    afterSeparator = false;
                }

                ring[n % _ring] = i;
                n++;
                state = delta[(state * alphabet) + symbols[f]];
                if (_outputStart[state] != _outputStart[state + 1])
                {
                    Emit(text, ring, state, n, ref sink, output);
                }
            }

            if (!afterSeparator)
            {
                ring[n % _ring] = text.Length;
                n++;
                state = delta[(state * alphabet) + symbols[KeywordTextFold.Separator]];
                if (_outputStart[state] != _outputStart[state + 1])
                {
                    Emit(text, ring, state, n, ref sink, output);
                }
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<int>.Shared.Return(rented);
            }
        }
    }

    private void Emit<TSink>(ReadOnlySpan<char> text, Span<int> ring, int state, int n, ref TSink sink, Span<KeywordMatch> output)
        where TSink : struct, IKeywordMatchSink
    {
        for (var o = _outputStart[state]; o < _outputStart[state + 1]; o++)
        {
            var p = _outputs[o];
            var length = _patternLength[p];
            var start = ring[(n - length + 1) % _ring];
            var end = ring[(n - 2) % _ring] + 1;
            while (end < text.Length && KeywordTextFold.Fold(text[end]) == KeywordTextFold.Skip)
            {
                end++;
            }

            sink.OnMatch(_patternKeyword[p], start, end, output);
        }
    }
}
