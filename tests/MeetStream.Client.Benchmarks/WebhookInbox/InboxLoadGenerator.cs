using System.Diagnostics;
using System.Globalization;
using MeetStream.Client.Benchmarks.BargeIn;
using MeetStream.Client.Redis.Tests.Infrastructure;
using StackExchange.Redis;

namespace MeetStream.Client.Benchmarks.WebhookInbox;

/// <summary>
/// Load generator for the durable webhook inbox (<c>inbox</c> mode of the benchmark program). Starts a real
/// redis-server on loopback and hosts the real webhook endpoint on Kestrel twice in the same run: on the in-memory queue
/// (the baseline) and on the Redis inbox with Redis deduplication. Against each: (1) closed-loop maximum throughput with
/// N concurrent HTTP/1.1 keep-alive senders, (2) an open-loop fixed rate with latency from the scheduled send time,
/// then waits until the handlers have handled every acknowledged delivery (handler throughput, lost and handled-twice
/// counts from the ledger). <c>--runs N</c> repeats the pair N times, alternating, in the same process;
/// <c>--breakdown</c> adds two rows per run that split the Redis cost (Redis dedup alone; inbox without status fan-out). Prints the tables
/// and exits 1 when a target is missed (medians over the runs): Redis throughput at least 0.5x the in-memory one of the
/// same run, Redis p99 acknowledgement under 10 ms at the fixed rate, no failed send, nothing lost.
/// </summary>
internal static class InboxLoadGenerator
{
    private const double TargetRatio = 0.5;
    private const double TargetP99Ms = 10.0;

    public static async Task<int> RunAsync(string[] args)
    {
        var rate = 1000;
        var seconds = 10;
        var warmup = 2;
        var concurrency = 64;
        var runs = 1;
        var breakdown = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--breakdown")
            {
                breakdown = true;
                continue;
            }

            if (args[i] is not ("--rate" or "--seconds" or "--warmup" or "--concurrency" or "--runs"))
            {
                Console.Error.WriteLine($"Unknown option '{args[i]}'. Options: --rate N, --seconds N, --warmup N, --concurrency N, --runs N, --breakdown.");
                return 2;
            }

            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                Console.Error.WriteLine($"Option {args[i]} needs a whole number after it.");
                return 2;
            }

            switch (args[i++])
            {
                case "--rate":
                    rate = value;
                    break;
                case "--seconds":
                    seconds = value;
                    break;
                case "--warmup":
                    warmup = value;
                    break;
                case "--concurrency":
                    concurrency = value;
                    break;
                default:
                    runs = value;
                    break;
            }
        }

        if (rate is < 1 or > 20_000 || seconds is < 1 or > 60 || warmup is < 0 or > 30 || concurrency is < 1 or > 1024 || runs is < 1 or > 10)
        {
            Console.Error.WriteLine("Out of range: --rate 1..20000 (deliveries/s), --seconds 1..60, --warmup 0..30, --concurrency 1..1024, --runs 1..10.");
            return 2;
        }

        if (!File.Exists("/usr/bin/redis-server") && !File.Exists("/usr/local/bin/redis-server"))
        {
            Console.Error.WriteLine("redis-server is not installed: the inbox benchmark needs Debian's redis-server package (sudo apt-get install -y redis-server).");
            return 2;
        }

        await using var server = await RedisServer.StartAsync(CancellationToken.None);
        await using var statsConnection = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
        var stats = new RedisStats(statsConnection);
        var ledger = new DeliveryLedger(16_000_000);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Webhook inbox load: {Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}, redis-server on loopback (no persistence), closed loop {concurrency} senders, open loop {rate:N0}/s, warm-up {warmup} s, measure {seconds} s, {runs} run(s) alternating the two; machine load average at start {LoadAverage()}"));
        var results = new List<(int Run, InboxKind Kind, Phase Closed, Phase Open)>();
        for (var run = 1; run <= runs; run++)
        {
            InboxKind[] kinds = breakdown
                ? [InboxKind.InMemory, InboxKind.Redis, InboxKind.RedisDeduplicationOnly, InboxKind.RedisWithoutFanOut]
                : [InboxKind.InMemory, InboxKind.Redis];
            foreach (var kind in kinds)
            {
                await using var host = await InboxHost.StartAsync(kind, server.ConnectionString, ledger);
                using var client = LoadClient.Create(host.Address, concurrency);
                var closed = await MeasureAsync(stats, ledger, () => ClosedLoopLoad.RunAsync(client, ledger, concurrency, warmup, seconds));
                var open = await MeasureAsync(stats, ledger, () => OpenLoopLoad.RunAsync(client, ledger, rate, warmup, seconds));
                results.Add((run, kind, closed, open));
                Console.WriteLine($"  run {run}, {kind}: done (load average {LoadAverage()})");
            }
        }

        double Baseline(int run) => results.Single(r => r.Run == run && r.Kind == InboxKind.InMemory).Closed.Load.AcknowledgedPerSecond;
        Console.WriteLine();
        Console.WriteLine($"Closed loop, {concurrency} concurrent senders (maximum throughput); ratio to the in-memory row of the same run:");
        Console.WriteLine();
        Console.WriteLine("| Run | Inbox | Acknowledged/s | Ratio | p50 ack | p99 ack | Handled/s (until all handled) | Errors | Lost | Handled twice | Process CPU | redis-server CPU | redis-server memory | Load avg |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (run, kind, closed, _) in results)
        {
            var l = closed.Load;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {run} | {Name(kind)} | {l.AcknowledgedPerSecond:N0} | {l.AcknowledgedPerSecond / Baseline(run):0.00}x | {LatencySummary.Format(l.Latency.Percentile(0.50))} | {LatencySummary.Format(l.Latency.Percentile(0.99))} | {closed.HandledPerSecond:N0} | {l.Errors:N0} | {closed.Lost:N0} | {closed.HandledTwice:N0} | {l.ProcessCpu:P0} | {closed.RedisCpu:P0} | {closed.RedisMemoryMb:0.0} MB | {closed.LoadAverage} |"));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Open loop, {rate:N0} deliveries/s scheduled by the clock (latency from the scheduled send):"));
        Console.WriteLine();
        Console.WriteLine("| Run | Inbox | Sent/s | p50 ack | p90 ack | p99 ack | max | p99 service time | Max in flight | Handled/s | Errors | Lost | Process CPU | redis-server CPU | Load avg |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (run, kind, _, open) in results)
        {
            var l = open.Load;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {run} | {Name(kind)} | {l.AcknowledgedPerSecond:N0} | {LatencySummary.Format(l.Latency.Percentile(0.50))} | {LatencySummary.Format(l.Latency.Percentile(0.90))} | {LatencySummary.Format(l.Latency.Percentile(0.99))} | {LatencySummary.Format(l.Latency.MaxMs)} | {LatencySummary.Format(l.ServiceTime!.Percentile(0.99))} | {l.MaxInFlight:N0} | {open.HandledPerSecond:N0} | {l.Errors:N0} | {open.Lost:N0} | {l.ProcessCpu:P0} | {open.RedisCpu:P0} | {open.LoadAverage} |"));
        }

        // With several runs the targets are judged on medians: one starved phase on a shared machine decides nothing.
        var redisRuns = results.Where(r => r.Kind == InboxKind.Redis).ToArray();
        var ratio = Median(redisRuns.Select(r => r.Closed.Load.AcknowledgedPerSecond / Baseline(r.Run)));
        var p99 = Median(redisRuns.Select(r => r.Open.Load.Latency.Percentile(0.99)));
        var baselineP99 = Median(results.Where(r => r.Kind == InboxKind.InMemory).Select(r => r.Open.Load.Latency.Percentile(0.99)));
        var clean = results.All(r => r.Closed.Load.Errors + r.Open.Load.Errors + r.Closed.Lost + r.Open.Lost == 0);
        var met = ratio >= TargetRatio && p99 < TargetP99Ms && clean;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Median of {runs} run(s): Redis/in-memory throughput {ratio:0.00}x (target >= {TargetRatio}x) {(ratio >= TargetRatio ? "met" : "MISSED")}; Redis p99 ack at {rate:N0}/s {p99:0.00} ms (target < {TargetP99Ms} ms) {(p99 < TargetP99Ms ? "met" : "MISSED")}, in-memory p99 {baselineP99:0.00} ms; failed sends and lost deliveries {(clean ? "none" : "SOME")}."));
        return met ? 0 : 1;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    // Runs one load phase, then waits until every delivery it got acknowledged was handled (hang guard: 5 minutes).
    private static async Task<Phase> MeasureAsync(RedisStats stats, DeliveryLedger ledger, Func<Task<LoadResult>> load)
    {
        var before = await stats.ReadAsync();
        var started = Stopwatch.GetTimestamp();
        var result = await load();
        var (acknowledged, _, _) = ledger.Count(result.First, result.End);
        var guard = Stopwatch.StartNew();
        while (ledger.HandledAmong(result.First, result.End) < acknowledged && guard.Elapsed < TimeSpan.FromMinutes(5))
        {
            await Task.Delay(50);
        }

        var (_, lost, twice) = ledger.Count(result.First, result.End);
        var after = await stats.ReadAsync();
        var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var handledPerSecond = acknowledged / Stopwatch.GetElapsedTime(result.Started, Math.Max(ledger.LastHandled, result.Started + 1)).TotalSeconds;
        return new Phase(result, handledPerSecond, lost, twice, (after.CpuSeconds - before.CpuSeconds) / wall, after.UsedMemory / 1048576.0, LoadAverage());
    }

    private static string Name(InboxKind kind) => kind switch
    {
        InboxKind.InMemory => "in-memory queue (baseline)",
        InboxKind.Redis => "**Redis inbox + Redis dedup**",
        InboxKind.RedisDeduplicationOnly => "breakdown: Redis dedup, in-memory queue",
        _ => "breakdown: Redis inbox + dedup, no status fan-out",
    };

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>One measured phase and what the ledger and redis-server said after it drained.</summary>
    private sealed record Phase(LoadResult Load, double HandledPerSecond, long Lost, long HandledTwice, double RedisCpu, double RedisMemoryMb, string LoadAverage);
}
