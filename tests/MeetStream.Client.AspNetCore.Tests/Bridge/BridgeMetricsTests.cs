using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net.WebSockets;
using MeetStream.Client.Tests.Realtime.Support;

namespace MeetStream.Client.AspNetCore.Tests.Bridge;

/// <summary>Runs alone: the meter is process-wide, so no other bridge may run meanwhile.</summary>
[CollectionDefinition(nameof(BridgeMetricsCollection), DisableParallelization = true)]
public sealed class BridgeMetricsCollection;

/// <summary>The bridge's instruments on the <c>MeetStream.Client</c> meter.</summary>
[Collection(nameof(BridgeMetricsCollection))]
public sealed class BridgeMetricsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact(Timeout = 30_000)]
    public async Task Metrics_SessionLifecycleAndRejection_ActiveSessionsAndConnectionOutcomes()
    {
        var measurements = new ConcurrentQueue<(string Instrument, long Value, string Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "MeetStream.Client" && instrument.Name.StartsWith("meetstream.bridge.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            measurements.Enqueue((instrument.Name, value, string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}")))));
        listener.Start();
        long Sum(string instrument, string tags = "") => measurements.Where(m => m.Instrument == instrument && m.Tags.Contains(tags, StringComparison.Ordinal)).Sum(m => m.Value);

        await using var host = await BridgeTestHost.StartAsync();
        using (var rejected = new ClientWebSocket())
        {
            await Assert.ThrowsAsync<WebSocketException>(() => rejected.ConnectAsync(host.Url("/bridge/audio", "not-the-token-0123456789"), Token));
        }

        using var bot = await host.ConnectAsync("/bridge", "bot_metrics");
        var session = await host.SessionAsync("bot_metrics");

        Assert.Equal(1, Sum("meetstream.bridge.sessions.active"));
        Assert.Equal(1, Sum("meetstream.bridge.channels.active", "channel=control"));
        Assert.Equal(1, Sum("meetstream.bridge.connections", "channel=control,outcome=accepted"));
        Assert.Equal(1, Sum("meetstream.bridge.connections", "channel=audio,outcome=forbidden"));

        await bot.CloseAsync();
        await session.Completion.WaitAsync(Token);
        await Eventually.TrueAsync(() => Sum("meetstream.bridge.sessions.active") == 0 && Sum("meetstream.bridge.channels.active") == 0, "the session and its channel are no longer counted");
    }
}
