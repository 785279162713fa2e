using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using MeetStream.Client.AspNetCore;
using MeetStream.Client.Realtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeetStream.Client.Benchmarks;

/// <summary>
/// Load generator for the ASP.NET Core bridge (<c>--load</c> mode of the benchmark program). For each step it opens
/// N <see cref="ClientWebSocket"/> bots on loopback to <c>/bridge/audio</c> (real Kestrel, <c>MapMeetStreamBridge</c>,
/// token check, handler per bot), and each bot streams 20 ms frames of 48 kHz PCM (1,920 bytes + speaker header) at
/// 50 frames/s, with the bots spread evenly over the 20 ms period. Every frame carries the sender's
/// <see cref="Stopwatch"/> timestamp; the handler's <c>await foreach</c> records receive time minus send time (the
/// latency the bridge adds on top of the network). After a warm-up it measures for a fixed time and reports p50, p99,
/// frames/s, dropped frames and process CPU. The bots run in the same process, so they share the 2 cores with the
/// bridge: the numbers are pessimistic for a bridge on its own machine.
/// </summary>
internal static class BridgeLoadGenerator
{
    private const int FramesPerSecond = 50;
    private const int Slots = 20; // bots are spread over the 20 ms period, one group per millisecond
    private const double TargetP99Ms = 5.0;
    private const string Token = "load-generator-token-0123456789";

    public static async Task<int> RunAsync(string[] args)
    {
        int[] steps = [250, 500, 750, 1000, 1250, 1500, 2000, 2500, 3000];
        var seconds = 10;
        var warmup = 3;
        var inline = args.Contains("--inline");
        var baseline = args.Contains("--baseline");
        for (var i = 0; i < args.Length - 1; i++)
        {
            switch (args[i])
            {
                case "--steps":
                    steps = args[i + 1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
                    break;
                case "--seconds":
                    seconds = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--warmup":
                    warmup = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
            }
        }

        if (seconds + warmup > 20)
        {
            Console.Error.WriteLine("Each step is limited to 20 s: --warmup + --seconds must be at most 20.");
            return 2;
        }

        var histogram = new LatencyHistogram();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        if (inline)
        {
            // Tuned variant: Kestrel runs the request (and the bridge's receive loops) on the socket's I/O thread
            // instead of queueing to the thread pool. Pair with DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1.
            builder.WebHost.UseSockets(o => o.UnsafePreferInlineScheduling = true);
        }

        builder.Services.AddMeetStreamBridge(o => o.AccessTokens.Add(Token)).AddHandler(async (session, cancellationToken) =>
        {
            await foreach (var frame in session.ReadAudioFramesAsync(cancellationToken))
            {
                var sent = BinaryPrimitives.ReadInt64LittleEndian(frame.Pcm.Span);
                histogram.Record(Stopwatch.GetTimestamp() - sent);
            }
        });
        await using var app = builder.Build();
        app.MapMeetStreamBridge("/bridge");
        var rawSockets = 0;
        app.Map("/raw", async context =>
        {
            // Baseline: a bare ASP.NET Core WebSocket loop that reads each message into one buffer and records it.
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var buffer = new byte[8192];
            var first = true;
            Interlocked.Increment(ref rawSockets);
            try
            {
                while (true)
                {
                    var length = 0;
                    ValueWebSocketReceiveResult result;
                    do
                    {
                        result = await socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                        length += result.Count;
                    }
                    while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        break;
                    }

                    if (first)
                    {
                        first = false; // the ready handshake
                        continue;
                    }

                    var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(1 + 2 + BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(1))));
                    var pcm = 1 + 2 + BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(1)) + 2 + nameLength;
                    histogram.Record(Stopwatch.GetTimestamp() - BinaryPrimitives.ReadInt64LittleEndian(buffer.AsSpan(pcm)));
                }
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException)
            {
                // The generator aborts its sockets at the end of a step.
            }
            finally
            {
                Interlocked.Decrement(ref rawSockets);
            }
        });
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        var url = new Uri($"ws://{address.Authority}/bridge/audio?token={Token}");
        var rawUrl = new Uri($"ws://{address.Authority}/raw");
        var registry = app.Services.GetRequiredService<BotSessionRegistry>();

        Console.WriteLine($"Bridge load: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {(inline ? "inline scheduling, " : string.Empty)}server GC {System.Runtime.GCSettings.IsServerGC}, {FramesPerSecond} frames/s per bot, 20 ms frames, warm-up {warmup} s, measure {seconds} s, target p99 < {TargetP99Ms} ms");
        Console.WriteLine("| Bots (N) | p50 | p99 | max | Frames/s received | Dropped | CPU (of 2 cores) | Machine load avg |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        var best = 0;
        var step = 0;
        var failures = 0;
        foreach (var n in steps)
        {
            if (baseline)
            {
                var raw = await RunStepAsync(rawUrl, () => Volatile.Read(ref rawSockets), histogram, n, warmup, seconds, step++, () => 0);
                Console.WriteLine(raw.ToRow().Replace($"| {n:N0} |", $"| {n:N0} raw WebSocket baseline |", StringComparison.Ordinal));
            }

            var result = await RunStepAsync(url, () => registry.Count, histogram, n, warmup, seconds, step++, () => registry.Sessions.Sum(s => s.Audio?.FramesDropped ?? 0));
            Console.WriteLine(result.ToRow());
            if (result.P99Ms < TargetP99Ms && result.FramesPerSecond >= 0.98 * n * FramesPerSecond)
            {
                best = failures == 0 ? n : best;
            }
            else if (++failures == 2)
            {
                break; // one more step past the first miss shows the trend
            }
        }

        Console.WriteLine($"Largest N with p99 < {TargetP99Ms} ms: {best}");
        await app.StopAsync();
        return 0;
    }

    private static async Task<StepResult> RunStepAsync(Uri url, Func<int> connected, LatencyHistogram histogram, int bots, int warmup, int seconds, int step, Func<long> droppedFrames)
    {
        var sockets = new ClientWebSocket[bots];
        var frames = new byte[bots][];
        var pcmOffset = 0;
        for (var i = 0; i < bots; i += 100)
        {
            await Task.WhenAll(Enumerable.Range(i, Math.Min(100, bots - i)).Select(async b =>
            {
                var socket = new ClientWebSocket();
                socket.Options.KeepAliveInterval = TimeSpan.Zero;
                await socket.ConnectAsync(url, CancellationToken.None);
                var botId = $"bot_load_{step}_{b}";
                await socket.SendAsync(Encoding.UTF8.GetBytes($$"""{"type":"ready","bot_id":"{{botId}}","message":"Ready to receive messages"}"""), WebSocketMessageType.Text, true, CancellationToken.None);
                sockets[b] = socket;
                frames[b] = AudioFrameWriter.CreateFrame("spk_" + (b % 7).ToString(CultureInfo.InvariantCulture), "Participant " + (b % 7).ToString(CultureInfo.InvariantCulture), new byte[1920]);
            }));
        }

        pcmOffset = frames[0].Length - 1920;
        while (connected() < bots)
        {
            await Task.Delay(10);
        }

        using var stop = new CancellationTokenSource();
        var start = Stopwatch.GetTimestamp();
        var senders = Enumerable.Range(0, Slots).Select(slot => Task.Run(() => SendSlotAsync(sockets, frames, pcmOffset, slot, start, stop.Token))).ToArray();

        await Task.Delay(TimeSpan.FromSeconds(warmup));
        histogram.Reset();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var measureStart = Stopwatch.GetTimestamp();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        var snapshot = histogram.Snapshot();
        var elapsed = Stopwatch.GetElapsedTime(measureStart);
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds / elapsed.TotalSeconds / Environment.ProcessorCount;
        var dropped = droppedFrames();

        await stop.CancelAsync();
        await Task.WhenAll(senders);
        foreach (var socket in sockets)
        {
            socket.Abort();
            socket.Dispose();
        }

        while (connected() > 0)
        {
            await Task.Delay(10);
        }

        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
        return new StepResult(bots, snapshot.Percentile(0.50), snapshot.Percentile(0.99), snapshot.MaxMs, snapshot.Count / elapsed.TotalSeconds, dropped, cpu, load);
    }

    /// <summary>
    /// Sends the frames of one group of bots (every 20th bot) once per 20 ms; the 20 groups are offset by 1 ms so the
    /// load is spread over the period as independent bots would. Each frame is stamped just before its send.
    /// </summary>
    private static async Task SendSlotAsync(ClientWebSocket[] sockets, byte[][] frames, int pcmOffset, int slot, long start, CancellationToken cancellationToken)
    {
        var period = Stopwatch.Frequency / FramesPerSecond;
        var next = start + (slot * period / Slots);
        while (!cancellationToken.IsCancellationRequested)
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, CancellationToken.None);
            }

            for (var b = slot; b < sockets.Length; b += Slots)
            {
                var frame = frames[b];
                BinaryPrimitives.WriteInt64LittleEndian(frame.AsSpan(pcmOffset), Stopwatch.GetTimestamp());
                await sockets[b].SendAsync(frame.AsMemory(), WebSocketMessageType.Binary, true, CancellationToken.None);
            }

            next += period;
        }
    }

    private readonly record struct StepResult(int Bots, double P50Ms, double P99Ms, double MaxMs, double FramesPerSecond, long Dropped, double Cpu, string LoadAverage)
    {
        public string ToRow() => string.Create(
            CultureInfo.InvariantCulture,
            $"| {Bots:N0} | {P50Ms:0.00} ms | {P99Ms:0.00} ms | {MaxMs:0.0} ms | {FramesPerSecond:N0} | {Dropped:N0} | {Cpu:P0} | {LoadAverage} |");
    }

    /// <summary>Lock-free latency histogram: 10 µs buckets up to 200 ms, plus an overflow bucket.</summary>
    private sealed class LatencyHistogram
    {
        public const double BucketMicroseconds = 10;
        private readonly long[] _counts = new long[20_001];
        private long _max;

        public void Record(long ticks)
        {
            var micros = ticks * 1_000_000.0 / Stopwatch.Frequency;
            var bucket = (int)Math.Clamp(micros / BucketMicroseconds, 0, _counts.Length - 1);
            Interlocked.Increment(ref _counts[bucket]);
            long current;
            while (ticks > (current = Interlocked.Read(ref _max)) && Interlocked.CompareExchange(ref _max, ticks, current) != current)
            {
            }
        }

        public void Reset()
        {
            for (var i = 0; i < _counts.Length; i++)
            {
                Interlocked.Exchange(ref _counts[i], 0);
            }

            Interlocked.Exchange(ref _max, 0);
        }

        public Snapshot Snapshot()
        {
            var counts = new long[_counts.Length];
            for (var i = 0; i < counts.Length; i++)
            {
                counts[i] = Interlocked.Read(ref _counts[i]);
            }

            return new Snapshot(counts, Interlocked.Read(ref _max) * 1000.0 / Stopwatch.Frequency);
        }
    }

    private sealed class Snapshot(long[] counts, double maxMs)
    {
        public long Count { get; } = counts.Sum();

        public double MaxMs => maxMs;

        public double Percentile(double p)
        {
            var target = (long)Math.Ceiling(p * Count);
            long seen = 0;
            for (var i = 0; i < counts.Length; i++)
            {
                seen += counts[i];
                if (seen >= target && target > 0)
                {
                    return (i + 1) * LatencyHistogram.BucketMicroseconds / 1000.0; // upper edge of the bucket
                }
            }

            return double.NaN;
        }
    }
}
