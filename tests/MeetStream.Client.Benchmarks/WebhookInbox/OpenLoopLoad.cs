using System.Diagnostics;
using MeetStream.Client.Benchmarks.BargeIn;

namespace MeetStream.Client.Benchmarks.WebhookInbox;

/// <summary>
/// Open-loop fixed rate: delivery i is due at <c>start + i / rate</c>, whatever happened to the earlier ones, and is
/// sent from a dedicated scheduler thread as soon as it is due (the thread wakes every millisecond and sends everything
/// due). Latency is measured from the <b>scheduled</b> time to the 200, so time spent waiting behind slow answers (for a
/// free connection or in the server's queues) counts: no coordinated omission. The service time from the actual send is
/// recorded too, so the scheduler's own lateness on a loaded machine is visible.
/// </summary>
internal static class OpenLoopLoad
{
    /// <summary>Sends <paramref name="rate"/> deliveries/s for <paramref name="warmup"/> + <paramref name="seconds"/> seconds; records the measured part.</summary>
    public static async Task<LoadResult> RunAsync(HttpClient client, DeliveryLedger ledger, int rate, int warmup, int seconds)
    {
        var total = (long)rate * (warmup + seconds);
        var measuredFrom = (long)rate * warmup;
        var latencies = new LatencyRecorder();
        var service = new LatencyRecorder();
        latencies.Reset((int)(total - measuredFrom));
        service.Reset((int)(total - measuredFrom));
        var first = ledger.Issued;
        long errors = 0, inFlight = 0, maxInFlight = 0, completed = 0, lastAcknowledged = 0;
        var allDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 100; // 10 ms to let the thread start
        CpuMeter cpu = default;
        long measureStart = 0;

        async Task SendOneAsync(long due)
        {
            try
            {
                var sequence = ledger.Next();
                var sent = Stopwatch.GetTimestamp();
                var ok = await ClosedLoopLoad.SendAsync(client, ledger, sequence);
                var answered = Stopwatch.GetTimestamp();
                if (ok)
                {
                    Interlocked.Exchange(ref lastAcknowledged, answered);
                    latencies.Record(answered - due);
                    service.Record(answered - sent);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                }
            }
            catch (InvalidOperationException ex)
            {
                allDone.TrySetException(ex); // the ledger is full: stop with its message instead of waiting
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
                if (Interlocked.Increment(ref completed) == total)
                {
                    allDone.TrySetResult();
                }
            }
        }

        var scheduler = new Thread(() =>
        {
            for (long i = 0; i < total;)
            {
                var now = Stopwatch.GetTimestamp();
                for (var due = start + (i * Stopwatch.Frequency / rate); due <= now && i < total; due = start + (i * Stopwatch.Frequency / rate))
                {
                    if (i == measuredFrom)
                    {
                        cpu = CpuMeter.Start();
                        measureStart = due;
                        latencies.Enabled = true;
                        service.Enabled = true;
                    }

                    var current = Interlocked.Increment(ref inFlight);
                    long seen;
                    while (current > (seen = Interlocked.Read(ref maxInFlight)) && Interlocked.CompareExchange(ref maxInFlight, current, seen) != seen)
                    {
                    }

                    _ = SendOneAsync(due);
                    i++;
                }

                Thread.Sleep(1);
            }
        })
        {
            IsBackground = true,
            Name = "open-loop scheduler",
            Priority = ThreadPriority.AboveNormal,
        };
        scheduler.Start();
        scheduler.Join();
        var sendingEnded = Stopwatch.GetTimestamp();
        var processCpu = cpu.Share();
        await allDone.Task.WaitAsync(TimeSpan.FromMinutes(5)); // hang guard only
        latencies.Enabled = false;
        service.Enabled = false;
        var achieved = (total - measuredFrom) / Stopwatch.GetElapsedTime(measureStart, sendingEnded).TotalSeconds;
        return new LoadResult(first, ledger.Issued, start, Interlocked.Read(ref lastAcknowledged), achieved, latencies.Summarize(), Interlocked.Read(ref errors), processCpu)
        {
            ServiceTime = service.Summarize(),
            MaxInFlight = Interlocked.Read(ref maxInFlight),
        };
    }
}
