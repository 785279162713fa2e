using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using MeetStream.Client.AspNetCore.Internal;
using MeetStream.Client.AspNetCore.Tests.Infrastructure;
using MeetStream.Client.Tests.Infrastructure;
using MeetStream.Client.Tests.Webhooks;
using MeetStream.Client.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace MeetStream.Client.AspNetCore.Tests;

public sealed class WebhookQueueTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Post_TenThousandSignedShuffledWithDuplicates_EveryDistinctEventDispatchedExactlyOnce()
    {
        const int total = 10_000;
        const int distinct = 9_000;
        var counts = new ConcurrentDictionary<string, int>();
        var dispatched = 0;
        var allDispatched = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await WebhookTestHost.StartAsync(
            o => o.QueueCapacity = 32,
            b => b.On<WebhookEvent>(async (e, _) =>
            {
                if (e.BotId == MarkerWatch.BotId)
                {
                    return;
                }

                await Task.Yield();
                counts.AddOrUpdate(e.BotId + "|" + e.Type.Value + "|" + e.Timestamp?.ToString("O") + "|" + (e as LiveTranscriptEvent)?.NewText, 1, (_, n) => n + 1);
                if (Interlocked.Increment(ref dispatched) == distinct)
                {
                    allDispatched.TrySetResult();
                }
            }));
        var random = new Random(20261121);
        var events = Enumerable.Range(0, distinct).Select(Event).ToList();
        var deliveries = events.Concat(Enumerable.Range(0, total - distinct).Select(_ => events[random.Next(distinct)])).OrderBy(_ => random.Next()).ToArray();
        var statuses = new ConcurrentDictionary<string, int>();

        await Parallel.ForEachAsync(deliveries, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = Ct }, async (json, ct) =>
        {
            using var response = await host.Client.SendAsync(WebhookTestHost.Signed(json), ct);
            var body = response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync(ct) : response.StatusCode.ToString();
            statuses.AddOrUpdate(body, 1, (_, n) => n + 1);
        });
        await allDispatched.Task.WaitAsync(TimeSpan.FromSeconds(120), Ct);
        await WebhookEndpointTests.DrainAsync(host);

        Assert.Equal(2, statuses.Count);
        Assert.Equal(distinct, statuses["""{"status":"accepted"}"""]);
        Assert.Equal(total - distinct, statuses["""{"status":"duplicate"}"""]);
        Assert.Equal(distinct, Volatile.Read(ref dispatched));
        Assert.Equal(distinct, counts.Count);
        Assert.All(counts.Values, n => Assert.Equal(1, n));

        static string Event(int i) => (i % 3) switch
        {
            0 => $$$"""{"event":"bot.joining","bot_event":"bot.joining","bot_id":"bot-{{{i}}}","bot_status":"Joining","message":"Bot is joining the meeting","status_code":200,"timestamp":"2026-11-21T12:00:00.000Z","custom_attributes":{"n":"{{{i}}}"}}""",
            1 => $$"""{"event":"bot.stopped","bot_event":"bot.kicked","bot_id":"bot-{{i}}","bot_status":"Stopped","message":"Bot was removed","status_code":200,"timestamp":"2026-11-21T12:30:00.000Z"}""",
            _ => $$"""{"bot_id":"bot-live","speakerName":"Ada","timestamp":"2026-11-21T12:10:00.000Z","new_text":"chunk {{i}}","transcript":"chunk {{i}}","is_final":true}""",
        };
    }

    [Fact]
    public async Task Stop_WithFullQueue_DrainsEveryAcceptedEventBeforeStopping()
    {
        const int capacity = 8;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handled = new ConcurrentQueue<string>();
        var host = await WebhookTestHost.StartAsync(
            o => o.QueueCapacity = capacity,
            b => b.On<BotLifecycleEvent>(async (e, ct) =>
            {
                firstStarted.TrySetResult();
                await gate.Task;
                handled.Enqueue(e.BotId!);
            }));
        try
        {
            var sent = new List<string>();
            for (var i = 0; i <= capacity; i++)
            {
                var botId = "bot-" + i;
                using var response = await host.Client.SendAsync(WebhookTestHost.Signed($$"""{"event":"bot.joining","bot_id":"{{botId}}","timestamp":"2026-11-21T12:00:00Z"}"""), Ct);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                sent.Add(botId);
                if (i == 0)
                {
                    await firstStarted.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);
                }
            }

            var queue = host.App.Services.GetRequiredService<WebhookEventQueue>();
            Assert.Equal(capacity, queue.Count);

            var stopping = host.App.StopAsync(CancellationToken.None);
            await WaitUntilAsync(() => host.Logs.Lines.Any(l => l.EventId.Id == 2009));
            Assert.False(stopping.IsCompleted);
            gate.SetResult();
            await stopping.WaitAsync(TimeSpan.FromSeconds(30), Ct);

            Assert.Equal(sent, handled.ToArray());
            Assert.Equal(0, queue.Count);
            Assert.Contains(host.Logs.Lines, l => l.EventId.Id == 2009 && l.Message.Contains("draining 8", StringComparison.Ordinal));
            Assert.DoesNotContain(host.Logs.Lines, l => l.EventId.Id == 2010);
        }
        finally
        {
            gate.TrySetResult();
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Post_QueueStaysFull_WaitsThenAnswers503AndReleasesTheKey()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handled = new ConcurrentQueue<string>();
        await using var host = await WebhookTestHost.StartAsync(
            o =>
            {
                o.QueueCapacity = 1;
                o.EnqueueTimeout = TimeSpan.FromSeconds(7);
                o.TimeProvider = clock;
            },
            b => b.On<BotLifecycleEvent>(async (e, _) =>
            {
                firstStarted.TrySetResult();
                await gate.Task;
                handled.Enqueue(e.BotId!);
            }));
        try
        {
            (await host.Client.SendAsync(WebhookTestHost.Signed(Joining("a")), Ct)).Dispose();
            await firstStarted.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);
            (await host.Client.SendAsync(WebhookTestHost.Signed(Joining("b")), Ct)).Dispose();

            var waiting = host.Client.SendAsync(WebhookTestHost.Signed(Joining("c")), Ct);
            await clock.WaitForTimerAsync(d => d == TimeSpan.FromSeconds(7));
            Assert.False(waiting.IsCompleted);
            clock.Advance(TimeSpan.FromSeconds(7));
            using var refused = await waiting.WaitAsync(TimeSpan.FromSeconds(60), Ct);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("QueueFull", await WebhookEndpointTests.ReasonAsync(refused));
            Assert.Equal("1", refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Contains(host.Logs.Lines, l => l.EventId.Id == 2006);

            gate.SetResult();
            using var retried = await host.Client.SendAsync(WebhookTestHost.Signed(Joining("c")), Ct);
            Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
            Assert.Equal("""{"status":"accepted"}""", await retried.Content.ReadAsStringAsync(Ct));
            await WebhookEndpointTests.DrainAsync(host);
            Assert.Equal(["a", "b", "c"], handled.ToArray());
        }
        finally
        {
            gate.TrySetResult();
        }

        static string Joining(string botId) => $$"""{"event":"bot.joining","bot_id":"{{botId}}","timestamp":"2026-11-21T12:00:00Z"}""";
    }

    [Fact]
    public async Task Post_QueueFullThenRoom_WaitingDeliveryIsAccepted()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handled = new ConcurrentQueue<string>();
        await using var host = await WebhookTestHost.StartAsync(
            o => o.QueueCapacity = 1,
            b => b.On<BotLifecycleEvent>(async (e, _) =>
            {
                firstStarted.TrySetResult();
                await gate.Task;
                handled.Enqueue(e.BotId!);
            }));
        try
        {
            (await host.Client.SendAsync(WebhookTestHost.Signed("""{"event":"bot.joining","bot_id":"a","message":"m"}"""), Ct)).Dispose();
            await firstStarted.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);
            (await host.Client.SendAsync(WebhookTestHost.Signed("""{"event":"bot.joining","bot_id":"b","message":"m"}"""), Ct)).Dispose();

            var waiting = host.Client.SendAsync(WebhookTestHost.Signed("""{"event":"bot.joining","bot_id":"c","message":"m"}"""), Ct);
            await WaitUntilAsync(() => host.Logs.Lines.Count(l => l.EventId.Id == 2005) == 2 && !waiting.IsCompleted);
            gate.SetResult();
            using var response = await waiting.WaitAsync(TimeSpan.FromSeconds(60), Ct);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await WebhookEndpointTests.DrainAsync(host);
            Assert.Equal(["a", "b", "c"], handled.ToArray());
        }
        finally
        {
            gate.TrySetResult();
        }
    }

    [Fact]
    public async Task Metrics_DeliveriesAndQueue_AreReportedOnTheMeetStreamMeter()
    {
        var deliveries = new ConcurrentQueue<string>();
        var dispatches = new ConcurrentQueue<string>();
        var capacities = new ConcurrentQueue<int>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "MeetStream.Client" && instrument.Name.StartsWith("meetstream.webhooks.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
        {
            var all = tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString());
            if (instrument.Name == "meetstream.webhooks.deliveries")
            {
                deliveries.Enqueue(all["outcome"]!);
            }
            else if (instrument.Name == "meetstream.webhooks.dispatches")
            {
                dispatches.Enqueue(all["event.type"] + ":" + all["outcome"]);
            }
        });
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) =>
        {
            if (instrument.Name == "meetstream.webhooks.queue.capacity")
            {
                capacities.Enqueue(value);
            }
        });
        listener.Start();
        await using var host = await WebhookTestHost.StartAsync(o => o.QueueCapacity = 77);

        (await host.Client.SendAsync(WebhookTestHost.Signed(WebhookPayloads.AudioProcessed), Ct)).Dispose();
        (await host.Client.SendAsync(WebhookTestHost.Signed(WebhookPayloads.AudioProcessed), Ct)).Dispose();
        (await host.Client.SendAsync(WebhookTestHost.Signed(WebhookPayloads.AudioProcessed, secret: "bad"), Ct)).Dispose();
        await WebhookEndpointTests.DrainAsync(host);
        listener.RecordObservableInstruments();

        Assert.Contains("accepted", deliveries);
        Assert.Contains("duplicate", deliveries);
        Assert.Contains("unauthorized", deliveries);
        Assert.Contains("AudioProcessedEvent:success", dispatches);
        Assert.Contains(capacities, c => c >= 77);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Condition not met in time.");
            await Task.Delay(10, Ct);
        }
    }
}
