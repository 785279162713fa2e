using MeetStream.Client.Benchmarks.BargeIn;

namespace MeetStream.Client.Benchmarks.WebhookInbox;

/// <summary>
/// What one load phase measured: the sequence numbers it used (<c>[First, End)</c>), when it started and when its last
/// acknowledgement arrived (<see cref="System.Diagnostics.Stopwatch"/> timestamps), acknowledged deliveries per second in
/// the measured window, the acknowledgement latencies, the failed sends (non-200 or transport error) and this process's
/// CPU as a share of all cores during the window.
/// </summary>
internal sealed record LoadResult(long First, long End, long Started, long LastAcknowledged, double AcknowledgedPerSecond, LatencySummary Latency, long Errors, double ProcessCpu)
{
    /// <summary>Gets, for the open loop, the service time alone (from the actual send, not the scheduled one).</summary>
    public LatencySummary? ServiceTime { get; init; }

    /// <summary>Gets, for the open loop, the largest number of deliveries in flight at once.</summary>
    public long MaxInFlight { get; init; }
}
