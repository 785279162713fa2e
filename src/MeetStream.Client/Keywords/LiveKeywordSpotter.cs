using MeetStream.Client.Webhooks;

namespace MeetStream.Client.Keywords;

/// <summary>
/// Spots keywords in live transcript webhook chunks (<see cref="LiveTranscriptEvent"/>), keeping a small state per
/// (bot, speaker) stream so that each occurrence alerts once: a phrase split across two chunks of the same speaker
/// matches once; a re-sent chunk or a revised partial (the running <c>transcript</c> of the same turn, corrected or
/// extended) does not alert again for an occurrence already reported; the next turn's occurrences alert again.
/// Create one with <see cref="KeywordSpotter.CreateLiveSpotter"/>. Thread-safe; state is bounded by
/// <see cref="KeywordSpotterOptions.MaxLiveStreams"/> (least recently used dropped) and <see cref="Complete"/>.
/// </summary>
/// <remarks>
/// <para>
/// A chunk's <c>transcript</c> (the running text of the turn) replaces the turn's text; a chunk with only
/// <c>new_text</c> is appended to it. A turn ends with a chunk marked <c>end_of_turn</c> (or, without that field,
/// final); the last words of the previous turn are kept so a phrase spoken across the turn boundary still matches.
/// Within a turn the n-th occurrence of a keyword alerts when it is first seen, so re-reading the turn never alerts
/// twice. A chunk identical to the stream's previous one (same timestamp, texts and flags) is ignored.
/// </para>
/// <para>
/// When a chunk says it is not final (<c>is_final</c> or every <c>word_is_final</c> false), a match on the very last
/// word waits for the next chunk, since that word may still grow (<c>price</c> → <c>priceless</c>).
/// </para>
/// <para>
/// <see cref="KeywordHit.Offset"/> is the matched word's <c>start</c> when the chunk's words line up with the end of
/// the turn's text; <see cref="KeywordHit.Timestamp"/> is the chunk's <c>timestamp</c> plus the matched word's start
/// relative to the chunk's first word (or the chunk's timestamp alone).
/// </para>
/// </remarks>
public sealed class LiveKeywordSpotter
{
    private readonly KeywordSpotter _spotter;
    private readonly object _gate = new();
    private readonly Dictionary<(string BotId, string Speaker), LinkedListNode<StreamState>> _streams = new();
    private readonly LinkedList<StreamState> _recency = new();

    internal LiveKeywordSpotter(KeywordSpotter spotter) => _spotter = spotter;

    /// <summary>Gets the number of (bot, speaker) streams with state.</summary>
    public int TrackedStreams
    {
        get
        {
            lock (_gate)
            {
                return _streams.Count;
            }
        }
    }

    /// <summary>Reads one live transcript chunk and returns the keyword occurrences not reported before.</summary>
    /// <param name="chunk">The chunk, e.g. from <see cref="WebhookParser"/>.</param>
    /// <returns>The new hits (<see cref="KeywordHit.IsLive"/> true); an empty list, allocated once, when nothing new matched.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="chunk"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<KeywordHit> Process(LiveTranscriptEvent chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var speaker = chunk.SpeakerDisplayName ?? string.Empty;
        if (_spotter.IgnoreBotSpeech && _spotter.BotName is { } botName && speaker.AsSpan().Trim().Equals(botName, StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        var transcript = chunk.Transcript;
        var newText = chunk.NewText;
        var replace = !string.IsNullOrEmpty(transcript);
        var isFinal = IsFinal(chunk);
        var stream = GetStream(chunk.BotId ?? string.Empty, speaker);
        lock (stream)
        {
            var fingerprint = Fingerprint(chunk);
            if (stream.HasLast && stream.LastFingerprint == fingerprint)
            {
                return [];
            }

            stream.HasLast = true;
            stream.LastFingerprint = fingerprint;
            if (!replace && string.IsNullOrEmpty(newText))
            {
                stream.TurnEnded |= chunk.EndOfTurn ?? isFinal ?? false;
                return [];
            }

            if (stream.TurnEnded)
            {
                stream.StartTurn(_spotter.MaxPhraseWords - 1);
            }

            if (replace)
            {
                stream.Length = stream.CarryLength;
                stream.Append(transcript);
            }
            else
            {
                if (stream.Length > 0 && stream.Length > stream.CarryLength)
                {
                    stream.Append(" ");
                }

                stream.Append(newText);
            }

            stream.ResetScan();
            var sink = new LiveSink(this, stream, chunk, deferLastWord: isFinal == false && chunk.EndOfTurn != true);
            _spotter.Automaton.Scan(stream.Buffer.AsSpan(0, stream.Length), ref sink);
            stream.TurnEnded = chunk.EndOfTurn ?? isFinal ?? false;
            return (IReadOnlyList<KeywordHit>?)sink.Hits ?? [];
        }
    }

    /// <summary>Drops the state of every stream of a bot (call when its meeting ends).</summary>
    /// <param name="botId">The bot.</param>
    /// <exception cref="ArgumentNullException"><paramref name="botId"/> is <see langword="null"/>.</exception>
    public void Complete(string botId)
    {
        ArgumentNullException.ThrowIfNull(botId);
        lock (_gate)
        {
            var node = _recency.First;
            while (node is not null)
            {
                var next = node.Next;
                if (string.Equals(node.Value.BotId, botId, StringComparison.Ordinal))
                {
                    _streams.Remove((node.Value.BotId, node.Value.Speaker));
                    _recency.Remove(node);
                }

                node = next;
            }
        }
    }

    private static bool? IsFinal(LiveTranscriptEvent chunk)
    {
        if (chunk.IsFinal is { } isFinal)
        {
            return isFinal;
        }

        if (chunk.Words is not { Count: > 0 } words)
        {
            return null;
        }

        for (var i = 0; i < words.Count; i++)
        {
            if (words[i].WordIsFinal is not { } wordIsFinal)
            {
                return null;
            }

            if (!wordIsFinal)
            {
                return false;
            }
        }

        return true;
    }

    private static int Fingerprint(LiveTranscriptEvent chunk)
    {
        var hash = default(HashCode);
        hash.Add(chunk.Timestamp);
        hash.Add(chunk.Transcript);
        hash.Add(chunk.NewText);
        hash.Add(chunk.EndOfTurn);
        hash.Add(chunk.IsFinal);
        hash.Add(chunk.Words is { Count: > 0 } words ? words[0].Start : null);
        hash.Add(chunk.Words?.Count);
        return hash.ToHashCode();
    }

    private StreamState GetStream(string botId, string speaker)
    {
        lock (_gate)
        {
            if (_streams.TryGetValue((botId, speaker), out var node))
            {
                if (node != _recency.First)
                {
                    _recency.Remove(node);
                    _recency.AddFirst(node);
                }

                return node.Value;
            }

            while (_streams.Count >= _spotter.MaxLiveStreams && _recency.Last is { } oldest)
            {
                _streams.Remove((oldest.Value.BotId, oldest.Value.Speaker));
                _recency.RemoveLast();
            }

            node = _recency.AddFirst(new StreamState(botId, speaker));
            _streams[(botId, speaker)] = node;
            return node.Value;
        }
    }

    private KeywordHit CreateHit(StreamState stream, LiveTranscriptEvent chunk, int keyword, int start, int end)
    {
        var text = stream.Buffer.AsSpan(0, stream.Length);
        var turn = text[stream.CarryLength..];
        TimeSpan? offset = null;
        var timestamp = chunk.Timestamp;
        if (chunk.Words is { Count: > 0 } words)
        {
            var index = KeywordSpotter.TokenIndex(turn, Math.Max(0, start - stream.CarryLength)) - (KeywordSpotter.TokenCount(turn) - words.Count);
            if (index >= 0 && index < words.Count && words[index].Start is { } wordStart)
            {
                offset = TimeSpan.FromSeconds(wordStart);
                if (timestamp is { } t && words[0].Start is { } firstStart && wordStart >= firstStart)
                {
                    timestamp = t + TimeSpan.FromSeconds(wordStart - firstStart);
                }
            }
        }

        return new KeywordHit
        {
            Keyword = _spotter.Keywords[keyword],
            MatchedText = new string(text[start..end]),
            Speaker = chunk.SpeakerDisplayName,
            BotId = chunk.BotId,
            Timestamp = timestamp,
            Offset = offset,
            Context = _spotter.GetContext(text, start, end),
            CustomAttributes = chunk.CustomAttributes,
            IsLive = true,
        };
    }

    private struct LiveSink(LiveKeywordSpotter owner, StreamState stream, LiveTranscriptEvent chunk, bool deferLastWord) : IKeywordMatchSink
    {
        public List<KeywordHit>? Hits;

        public void OnMatch(int keyword, int start, int end, Span<KeywordMatch> output)
        {
            if (end <= stream.CarryLength)
            {
                return;
            }

            if (deferLastWord && end == stream.Length)
            {
                return;
            }

            if (stream.CountOccurrence(keyword))
            {
                (Hits ??= []).Add(owner.CreateHit(stream, chunk, keyword, start, end));
            }
        }
    }

    /// <summary>The state of one (bot, speaker) stream: the current turn's text and the occurrences reported in it.</summary>
    private sealed class StreamState(string botId, string speaker)
    {
        private int[] _alertedKeyword = new int[4];
        private int[] _alertedCount = new int[4];
        private int _alertedUsed;
        private int[] _scanKeyword = new int[4];
        private int[] _scanCount = new int[4];
        private int _scanUsed;

        public string BotId { get; } = botId;

        public string Speaker { get; } = speaker;

        public char[] Buffer { get; private set; } = new char[128];

        public int Length { get; set; }

        public int CarryLength { get; private set; }

        public bool TurnEnded { get; set; }

        public bool HasLast { get; set; }

        public int LastFingerprint { get; set; }

        public void Append(ReadOnlySpan<char> text)
        {
            if (Length + text.Length > Buffer.Length)
            {
                var bigger = new char[Math.Max(Buffer.Length * 2, Length + text.Length)];
                Buffer.AsSpan(0, Length).CopyTo(bigger);
                Buffer = bigger;
            }

            text.CopyTo(Buffer.AsSpan(Length));
            Length += text.Length;
        }

        /// <summary>Starts a new turn keeping the last <paramref name="words"/> words of the previous one as a prefix.</summary>
        public void StartTurn(int words)
        {
            var from = Length;
            for (var counted = 0; counted < words && from > CarryLength;)
            {
                while (from > CarryLength && !KeywordTextFold.IsWord(KeywordTextFold.Fold(Buffer[from - 1])))
                {
                    from--;
                }

                if (from == CarryLength)
                {
                    break;
                }

                while (from > CarryLength && KeywordTextFold.IsWord(KeywordTextFold.Fold(Buffer[from - 1])))
                {
                    from--;
                }

                counted++;
            }

            var kept = Length - from;
            if (words > 0 && kept > 0)
            {
                Buffer.AsSpan(from, kept).CopyTo(Buffer);
                Buffer[kept] = ' ';
                Length = CarryLength = kept + 1;
            }
            else
            {
                Length = CarryLength = 0;
            }

            _alertedUsed = 0;
            TurnEnded = false;
        }

        public void ResetScan() => _scanUsed = 0;

        /// <summary>Counts one more occurrence of a keyword in this scan; true when it is one not reported before.</summary>
        public bool CountOccurrence(int keyword)
        {
            var ordinal = Increment(ref _scanKeyword, ref _scanCount, ref _scanUsed, keyword, 0);
            var i = Array.IndexOf(_alertedKeyword, keyword, 0, _alertedUsed);
            if (i >= 0 && _alertedCount[i] >= ordinal)
            {
                return false;
            }

            Increment(ref _alertedKeyword, ref _alertedCount, ref _alertedUsed, keyword, ordinal);
            return true;
        }

        private static int Increment(ref int[] keys, ref int[] counts, ref int used, int keyword, int setTo)
        {
            var i = Array.IndexOf(keys, keyword, 0, used);
            if (i < 0)
            {
                if (used == keys.Length)
                {
                    Array.Resize(ref keys, used * 2);
                    Array.Resize(ref counts, used * 2);
                }

                i = used++;
                keys[i] = keyword;
                counts[i] = 0;
            }

            counts[i] = setTo > 0 ? setTo : counts[i] + 1;
            return counts[i];
        }
    }
}
