using System.Diagnostics;

namespace MeetStream.Client.Benchmarks.BargeIn;

/// <summary>
/// Records every latency sample (in <see cref="Stopwatch"/> ticks) into a preallocated array, without locks or
/// allocation, while <see cref="Enabled"/> is set; <see cref="Summarize"/> sorts a copy and reads exact percentiles.
/// </summary>
public sealed class LatencyRecorder
{
    private long[] _samples = new long[1024];
    private long _count;
    private long _overflow;
    private volatile bool _enabled;

    /// <summary>Gets or sets whether <see cref="Record"/> keeps samples (off during warm-up).</summary>
    public bool Enabled
    {
        get => _enabled;
        set => _enabled = value;
    }

    /// <summary>Gets the number of samples that did not fit into the array (reported, never silently lost).</summary>
    public long Overflow => Interlocked.Read(ref _overflow);

    /// <summary>Drops every sample and makes room for <paramref name="capacity"/> new ones; call while disabled.</summary>
    public void Reset(int capacity)
    {
        if (_samples.Length < capacity)
        {
            _samples = new long[capacity];
        }

        Interlocked.Exchange(ref _count, 0);
        Interlocked.Exchange(ref _overflow, 0);
    }

    /// <summary>Keeps one sample when enabled; thread-safe.</summary>
    public void Record(long ticks)
    {
        if (!_enabled)
        {
            return;
        }

        long index = Interlocked.Increment(ref _count) - 1;
        if (index < _samples.Length)
        {
            _samples[index] = ticks;
        }
        else
        {
            Interlocked.Increment(ref _overflow);
        }
    }

    /// <summary>Sorts a copy of the samples recorded so far and returns their distribution.</summary>
    public LatencySummary Summarize()
    {
        var count = (int)Math.Min(Interlocked.Read(ref _count), _samples.Length);
        var sorted = _samples.AsSpan(0, count).ToArray();
        Array.Sort(sorted);
        return new LatencySummary(sorted);
    }
}
