using System.Diagnostics;
using System.Globalization;

namespace MeetStream.Client.Benchmarks.BargeIn;

/// <summary>The distribution of one set of latency samples: exact (nearest-rank) percentiles in milliseconds.</summary>
public sealed class LatencySummary(long[] sortedTicks)
{
    /// <summary>Gets the number of samples.</summary>
    public int Count => sortedTicks.Length;

    /// <summary>Gets the largest sample in milliseconds (NaN without samples).</summary>
    public double MaxMs => Count == 0 ? double.NaN : ToMs(sortedTicks[^1]);

    /// <summary>Gets the nearest-rank percentile <paramref name="p"/> (0 &lt; p ≤ 1) in milliseconds (NaN without samples).</summary>
    public double Percentile(double p)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p * Count);
        return ToMs(sortedTicks[Math.Clamp(rank, 1, Count) - 1]);
    }

    /// <summary>Formats milliseconds for the tables (µs below 1 ms).</summary>
    public static string Format(double ms) => double.IsNaN(ms)
        ? "–"
        : ms < 1
            ? string.Create(CultureInfo.InvariantCulture, $"{ms * 1000:0} µs")
            : string.Create(CultureInfo.InvariantCulture, $"{ms:0.00} ms");

    private static double ToMs(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
