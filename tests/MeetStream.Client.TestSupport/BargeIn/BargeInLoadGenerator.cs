using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace MeetStream.Client.Benchmarks.BargeIn;

/// <summary>
/// The <c>bargein</c> mode of the benchmark program: the SDK's share of barge-in latency. For each bot count it runs
/// the raw-socket baseline and then the SDK path on the same Kestrel (see <see cref="BargeInServer"/>), with the same
/// bots, frames and pacing (<see cref="BargeInStep"/>), and prints one table row per path: end-to-end percentiles
/// of "trigger frame handed to the bot's <c>SendAsync</c>" → "interrupt received on the bot's control socket",
/// every sample recorded; then where the server-side time went. Bots and server share the process and the cores.
/// </summary>
public static class BargeInLoadGenerator
{
    /// <summary>The target: p99 at or below this at 1,000 bots.</summary>
    public const double TargetP99Ms = 1.0;

    private const string Usage = "Usage: bargein [--bots 1,1000] [--seconds 10] [--warmup 3] [--cycle 10] [--runs 1] [--lossless] [--no-baseline]";

    public static async Task<int> RunAsync(string[] args)
    {
        int[] steps = [1, 1000];
        var seconds = 10;
        var warmup = 3;
        var cycle = 10;
        var runs = 1;
        var lossless = args.Contains("--lossless");
        var sdkOnly = args.Contains("--no-baseline");
        try
        {
            for (var i = 0; i < args.Length; i++)
            {
                if (args[i] is "--lossless" or "--no-baseline")
                {
                    continue;
                }

                if (i + 1 >= args.Length || args[i] is not ("--bots" or "--seconds" or "--warmup" or "--cycle" or "--runs"))
                {
                    Console.Error.WriteLine($"bargein: unknown option or missing value: '{args[i]}'. {Usage}");
                    return 2;
                }

                var value = args[++i];
                switch (args[i - 1])
                {
                    case "--bots":
                        steps = value.Split(',').Select(s => int.Parse(s, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)).ToArray();
                        break;
                    case "--seconds":
                        seconds = int.Parse(value, CultureInfo.InvariantCulture);
                        break;
                    case "--warmup":
                        warmup = int.Parse(value, CultureInfo.InvariantCulture);
                        break;
                    case "--cycle":
                        cycle = int.Parse(value, CultureInfo.InvariantCulture);
                        break;
                    case "--runs":
                        runs = int.Parse(value, CultureInfo.InvariantCulture);
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            Console.Error.WriteLine($"bargein: {ex.Message} {Usage}");
            return 2;
        }

        if (steps.Any(n => n < 1 || n > 20_000) || seconds < 1 || seconds > 3600 || warmup < 0 || warmup > 600 || runs < 1 || cycle < 3 || cycle > 10_000)
        {
            Console.Error.WriteLine("bargein: --bots takes 1 to 20,000 per step, --seconds 1 to 3,600, --warmup 0 to 600, --runs at least 1, --cycle 3 to 10,000 frames.");
            return 2;
        }

        var script = new BargeInScript(cycle);
        try
        {
            script.Verify();
        }
        catch (InvalidOperationException ex)
        {
            Console.Error.WriteLine($"bargein: {ex.Message}");
            return 2;
        }

        await using var server = await BargeInServer.StartAsync(lossless);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Barge-in: {Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {GCSettings.IsServerGC}, 50 frames/s per bot, one barge-in per {cycle} frames ({cycle * 20} ms) per bot, warm-up {warmup} s, measure {seconds} s, frame queue {(lossless ? "Wait" : "DropOldest")}, target p99 ≤ {TargetP99Ms} ms at 1,000 bots"));
        Console.WriteLine("| Run | Bots | Path | Interrupts | p50 | p90 | p99 | p99.9 | max | Lost | Frames dropped | CPU (of all cores) | Load avg (1 min) |");
        Console.WriteLine("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var stages = new List<string>();
        for (var run = 1; run <= runs; run++)
        {
            foreach (var n in steps)
            {
                double? rawP99 = null;
                foreach (var sdk in sdkOnly ? [true] : new[] { false, true })
                {
                    var name = string.Create(CultureInfo.InvariantCulture, $"{run}_{n}_{(sdk ? "sdk" : "raw")}");
                    var step = await BargeInStep.ConnectAsync(server, script, sdk, n, name, CancellationToken.None);
                    var droppedBefore = sdk ? server.SdkDroppedFrames : 0;
                    var process = Process.GetCurrentProcess();
                    var cpuBefore = process.TotalProcessorTime;
                    var started = Stopwatch.GetTimestamp();
                    await step.RunTimedAsync(TimeSpan.FromSeconds(warmup), TimeSpan.FromSeconds(seconds), CancellationToken.None);
                    var elapsed = Stopwatch.GetElapsedTime(started);
                    process.Refresh();
                    var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds / elapsed.TotalSeconds / Environment.ProcessorCount;
                    var dropped = sdk ? server.SdkDroppedFrames - droppedBefore : 0;
                    var lost = step.Bots.Sum(b => b.Lost);
                    var odd = step.Bots.Sum(b => b.UnexpectedInterrupts + b.MalformedMessages);
                    var summary = step.EndToEnd.Summarize();
                    var load = LoadAverage();
                    await step.DisconnectAsync();

                    var ratio = sdk && rawP99 is { } raw ? string.Create(CultureInfo.InvariantCulture, $" ({summary.Percentile(0.99) / raw:0.0}× raw p99)") : string.Empty;
                    Console.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"| {run} | {n:N0} | {(sdk ? "SDK" : "raw baseline")} | {summary.Count:N0} | {LatencySummary.Format(summary.Percentile(0.50))} | {LatencySummary.Format(summary.Percentile(0.90))} | **{LatencySummary.Format(summary.Percentile(0.99))}**{ratio} | {LatencySummary.Format(summary.Percentile(0.999))} | {LatencySummary.Format(summary.MaxMs)} | {lost:N0}{(odd > 0 ? $" (+{odd:N0} unexpected)" : string.Empty)} | {dropped:N0} | {cpu:P0} | {load} |"));
                    rawP99 = sdk ? rawP99 : summary.Percentile(0.99);
                    foreach (var (stage, recorder) in step.Stages.All)
                    {
                        var s = recorder.Summarize();
                        stages.Add(string.Create(
                            CultureInfo.InvariantCulture,
                            $"| {run} | {n:N0} | {(sdk ? "SDK" : "raw baseline")} | {stage} | {LatencySummary.Format(s.Percentile(0.50))} | {LatencySummary.Format(s.Percentile(0.99))} | {LatencySummary.Format(s.MaxMs)} |"));
                    }

                    if (step.EndToEnd.Overflow > 0)
                    {
                        Console.Error.WriteLine($"bargein: {step.EndToEnd.Overflow:N0} samples did not fit the recorder and are missing from the row above.");
                    }
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine("Server-side stages (same clock as the bots):");
        Console.WriteLine("| Run | Bots | Path | Stage | p50 | p99 | max |");
        Console.WriteLine("|---:|---:|---|---|---:|---:|---:|");
        stages.ForEach(Console.WriteLine);
        return 0;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
}
