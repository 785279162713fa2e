using System.Diagnostics;
using System.Net;
using MeetStream.Client.Benchmarks.BargeIn;

namespace MeetStream.Client.Benchmarks.WebhookInbox;

/// <summary>
/// Closed-loop maximum throughput: N senders, each posting its next signed delivery as soon as the previous one was
/// answered. After a warm-up, counts the deliveries acknowledged with 200 during the measured window (deliveries/s)
/// and records each one's round trip.
/// </summary>
internal static class ClosedLoopLoad
{
    /// <summary>Runs <paramref name="concurrency"/> senders for <paramref name="warmup"/> + <paramref name="seconds"/> seconds.</summary>
    public static async Task<LoadResult> RunAsync(HttpClient client, DeliveryLedger ledger, int concurrency, int warmup, int seconds)
    {
        var latencies = new LatencyRecorder();
        latencies.Reset(2_000_000);
        var first = ledger.Issued;
        var start = Stopwatch.GetTimestamp();
        long acknowledged = 0, errors = 0, lastAcknowledged = start;
        var stop = false;
        var senders = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (!Volatile.Read(ref stop))
            {
                var sequence = ledger.Next();
                var sent = Stopwatch.GetTimestamp();
                if (await SendAsync(client, ledger, sequence))
                {
                    var answered = Stopwatch.GetTimestamp();
                    Interlocked.Exchange(ref lastAcknowledged, answered);
                    if (latencies.Enabled)
                    {
                        latencies.Record(answered - sent);
                        Interlocked.Increment(ref acknowledged);
                    }
                }
                else
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })).ToArray();

        await Task.Delay(TimeSpan.FromSeconds(warmup));
        var cpu = CpuMeter.Start();
        var measured = Stopwatch.GetTimestamp();
        latencies.Enabled = true;
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        latencies.Enabled = false;
        var window = Stopwatch.GetElapsedTime(measured);
        var processCpu = cpu.Share();
        Volatile.Write(ref stop, true);
        await Task.WhenAll(senders);
        return new LoadResult(first, ledger.Issued, start, Interlocked.Read(ref lastAcknowledged), Interlocked.Read(ref acknowledged) / window.TotalSeconds, latencies.Summarize(), Interlocked.Read(ref errors), processCpu);
    }

    /// <summary>Posts delivery <paramref name="sequence"/>; true when it was acknowledged with 200 (recorded in the ledger).</summary>
    public static async Task<bool> SendAsync(HttpClient client, DeliveryLedger ledger, long sequence)
    {
        try
        {
            using var request = SignedDeliveries.Create(sequence);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }

            ledger.Acknowledged(sequence);
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false; // the client's 60 s timeout
        }
    }
}
