using System.Diagnostics;

namespace MeetStream.Client.Benchmarks.WebhookInbox;

/// <summary>This process's CPU time over a window, as a share of all cores (1.0 = every core busy).</summary>
internal readonly struct CpuMeter
{
    private readonly TimeSpan _cpu;
    private readonly long _started;

    private CpuMeter(TimeSpan cpu, long started)
    {
        _cpu = cpu;
        _started = started;
    }

    /// <summary>Starts a window now.</summary>
    public static CpuMeter Start()
    {
        using var process = Process.GetCurrentProcess();
        return new CpuMeter(process.TotalProcessorTime, Stopwatch.GetTimestamp());
    }

    /// <summary>Gets the share of all cores this process used since <see cref="Start"/>.</summary>
    public double Share()
    {
        using var process = Process.GetCurrentProcess();
        return (process.TotalProcessorTime - _cpu).TotalSeconds / Stopwatch.GetElapsedTime(_started).TotalSeconds / Environment.ProcessorCount;
    }
}
