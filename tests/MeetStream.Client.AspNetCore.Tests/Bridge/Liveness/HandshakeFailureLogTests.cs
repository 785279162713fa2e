using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net.WebSockets;
using System.Text.RegularExpressions;
using MeetStream.Client.AspNetCore.Internal;
using MeetStream.Client.AspNetCore.Tests.Infrastructure;
using MeetStream.Client.Realtime;
using MeetStream.Client.Tests.Infrastructure;
using MeetStream.Client.Tests.Realtime.Support;

namespace MeetStream.Client.AspNetCore.Tests.Bridge.Liveness;

/// <summary>
/// One log event per failed bridge handshake, bounded under a flood: the first ones of each window one by one, then
/// one summary with the exact number left out. Runs alone (the meter is process-wide).
/// </summary>
[Collection(nameof(BridgeMetricsCollection))]
public sealed partial class HandshakeFailureLogTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void Failed_FiveThousandFailuresOverOneHundredSeconds_BoundedLinesAndExactTotal()
    {
        var (clock, logs, log) = NewLog();
        using var _ = logs;

        for (int i = 0; i < 5_000; i++)
        {
            log.Failed(i % 2 == 0 ? "audio" : "control", "127.0.0.1", "the first message was binary");
            clock.Advance(TimeSpan.FromMilliseconds(20));
        }

        clock.Advance(BridgeHandshakeFailureLog.Window);

        var lines = logs.Lines;
        int individual = lines.Count(l => l.EventId.Id == 2103);
        long summarized = lines.Where(l => l.EventId.Id == 2110).Sum(l => long.Parse(SummaryCount().Match(l.Message).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

        // 100 simulated seconds = 4 windows of 30 s: at most 10 single lines and one summary each.
        Assert.InRange(lines.Count, 4, 4 * (BridgeHandshakeFailureLog.PerWindow + 1));
        Assert.Equal(4 * BridgeHandshakeFailureLog.PerWindow, individual);
        Assert.Equal(5_000, individual + summarized);
        Assert.All(lines, l => Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, l.Level));
    }

    [Fact]
    public void Failed_AFewFailures_EachLoggedOnceAndNoSummary()
    {
        var (clock, logs, log) = NewLog();
        using var _ = logs;

        for (int i = 0; i < 3; i++)
        {
            log.Failed("audio", "10.0.0.1", "reason " + i);
        }

        clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(3, logs.Lines.Count);
        Assert.All(logs.Lines, l => Assert.Equal(2103, l.EventId.Id));
    }

    [Fact(Timeout = 120_000)]
    public async Task AudioSocket_TwentyFiveFailedHandshakes_OneEventEachUpToTheLimitThenOneExactSummary()
    {
        const int failures = 25;
        var outcomes = new ConcurrentQueue<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "MeetStream.Client" && instrument.Name == "meetstream.bridge.connections")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) => outcomes.Enqueue(string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}"))));
        listener.Start();
        var clock = new FakeTimeProvider();
        await using var host = await BridgeTestHost.StartAsync(o => o.Sessions.TimeProvider = clock);

        for (int i = 0; i < failures; i++)
        {
            using var bot = await host.OpenAsync("/bridge/audio");
            await bot.SendBinaryAsync(AudioFrameWriter.CreateFrame("spk_1", "Alice", Pcm.Marked(1)));
            Assert.Null(await bot.ReceiveAsync());
            Assert.Equal(WebSocketCloseStatus.PolicyViolation, bot.Socket.CloseStatus);
        }

        await Eventually.TrueAsync(() => outcomes.Count(o => o == "channel=audio,outcome=handshake_failed") == failures, "every failure is counted", 30_000);
        await Eventually.TrueAsync(() => host.Logs.Lines.Count(l => l.EventId.Id == 2103) == BridgeHandshakeFailureLog.PerWindow, "the first failures are logged", 30_000);
        Assert.DoesNotContain(host.Logs.Lines, l => l.EventId.Id == 3002);
        Assert.DoesNotContain(host.Logs.Lines, l => l.EventId.Id == 2110);

        clock.Advance(BridgeHandshakeFailureLog.Window);

        var summary = Assert.Single(host.Logs.Lines, l => l.EventId.Id == 2110);
        Assert.Equal($"{failures - BridgeHandshakeFailureLog.PerWindow}", SummaryCount().Match(summary.Message).Groups[1].Value);
        Assert.Equal(BridgeHandshakeFailureLog.PerWindow, host.Logs.Lines.Count(l => l.EventId.Id == 2103));
        Assert.Equal(failures, outcomes.Count(o => o == "channel=audio,outcome=handshake_failed"));
        Assert.Equal(0, host.HandlerCalls);
    }

    /// <summary>A failure log on a fake clock writing to a list: the setup the unit tests share.</summary>
    private static (FakeTimeProvider Clock, ListLoggerProvider Logs, BridgeHandshakeFailureLog Log) NewLog()
    {
        var clock = new FakeTimeProvider();
        var logs = new ListLoggerProvider();
        return (clock, logs, new BridgeHandshakeFailureLog(logs.CreateLogger("bridge"), clock));
    }

    [GeneratedRegex(@"^MeetStream bridge: (\d+) more handshake failures")]
    private static partial Regex SummaryCount();
}
