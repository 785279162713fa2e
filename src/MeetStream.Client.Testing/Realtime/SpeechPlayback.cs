namespace MeetStream.Client.Testing;

/// <summary>
/// The speech a simulated bot was sent to say (<c>sendaudio</c>), queued and played frame by frame into the meeting
/// audio; <c>interrupt</c> drops what is queued. Counts received, played and dropped samples. Thread-safe.
/// </summary>
internal sealed class SpeechPlayback
{
    private readonly object _gate = new();
    private readonly LinkedList<short[]> _queue = new();
    private int _offset;
    private long _received;
    private long _played;
    private long _dropped;

    public TimeSpan Received => Duration(Interlocked.Read(ref _received));

    public TimeSpan Played => Duration(Interlocked.Read(ref _played));

    public TimeSpan Dropped => Duration(Interlocked.Read(ref _dropped));

    public static TimeSpan Duration(long samples) => TimeSpan.FromSeconds((double)samples / SimulatedSpeech.SampleRate);

    public void Enqueue(short[] samples)
    {
        lock (_gate)
        {
            _queue.AddLast(samples);
        }

        Interlocked.Add(ref _received, samples.Length);
    }

    /// <summary>Fills <paramref name="frame"/> with the next queued speech (silence after its end); false when nothing is queued.</summary>
    public bool Take(Span<short> frame)
    {
        lock (_gate)
        {
            if (_queue.First is null)
            {
                return false;
            }

            var written = 0;
            while (written < frame.Length && _queue.First is { } node)
            {
                var chunk = node.Value;
                var count = Math.Min(frame.Length - written, chunk.Length - _offset);
                chunk.AsSpan(_offset, count).CopyTo(frame[written..]);
                written += count;
                _offset += count;
                if (_offset >= chunk.Length)
                {
                    _queue.RemoveFirst();
                    _offset = 0;
                }
            }

            frame[written..].Clear();
            Interlocked.Add(ref _played, written);
            return true;
        }
    }

    /// <summary>Drops everything queued; returns how many samples that was.</summary>
    public long Clear()
    {
        long dropped;
        lock (_gate)
        {
            dropped = _queue.Sum(c => (long)c.Length) - _offset;
            _queue.Clear();
            _offset = 0;
        }

        Interlocked.Add(ref _dropped, dropped);
        return dropped;
    }
}
