using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using MeetStream.Client.Diagnostics;
using MeetStream.Client.Redis.Inbox;
using MeetStream.Client.Redis.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MeetStream.Client.Redis.Tests.Inbox;

/// <summary>The inbox gauges (stream length, pending, dead-letter length) on the <c>MeetStream.Client</c> meter.</summary>
public sealed class RedisInboxGaugeTests
{
    private const string Length = "meetstream.redis.inbox.stream_length";
    private const string Pending = "meetstream.redis.inbox.pending";
    private const string DeadLetters = "meetstream.redis.inbox.dead_letter_length";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Gauges_EntryDeadLetteredAndEntryRunning_ReportLengthPendingAndDeadLettersThenPendingDrops()
    {
        // Only this test's replica (its consumer name): other tests' replicas report on the same process-wide meter.
        var consumer = "gauges-" + Guid.NewGuid().ToString("N");
        using var gauges = new GaugeReader(consumer);
        await using var server = await RedisServer.StartAsync(Ct);
        await using var replica = await InboxReplica.StartAsync(server.ConnectionString, o =>
        {
            o.ConsumerName = consumer;
            o.MaxDeliveryAttempts = 1;
        });
        var release = new TaskCompletionSource();
        var running = new TaskCompletionSource();
        replica.Behaviour = async (message, _, _) =>
        {
            if (message == "m-poison")
            {
                throw new InvalidOperationException("poison");
            }

            running.TrySetResult();
            await release.Task;
        };
        var deadLetters = replica.App.Services.GetRequiredService<RedisWebhookDeadLetters>();

        using (var poison = await replica.PostAsync("m-poison"))
        {
            Assert.Equal(HttpStatusCode.OK, poison.StatusCode);
        }

        await Eventually.TrueAsync(async () => await deadLetters.CountAsync() == 1, "the poison entry to be dead-lettered");
        using (var slow = await replica.PostAsync("m-slow"))
        {
            Assert.Equal(HttpStatusCode.OK, slow.StatusCode);
        }

        await running.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);

        // Two entries in the stream (the dead-lettered one stays until trimmed), one pending, one dead letter.
        await Eventually.TrueAsync(() => gauges.Read() is { } v && v == (2, 1, 1), "the gauges to show 2 entries, 1 pending, 1 dead letter");

        release.SetResult();
        await Eventually.TrueAsync(() => gauges.Read() is { } v && v == (2, 0, 1), "the gauges to show nothing pending");
    }

    [Fact]
    public async Task Gauges_RedisKilled_StopReportingUntilItIsBack()
    {
        var consumer = "gauges-" + Guid.NewGuid().ToString("N");
        using var gauges = new GaugeReader(consumer);
        await using var server = await RedisServer.StartAsync(Ct);
        await using var replica = await InboxReplica.StartAsync(server.ConnectionString, o => o.ConsumerName = consumer);
        using (var response = await replica.PostAsync("m-1"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await Eventually.TrueAsync(() => gauges.Read() is { } v && v == (1, 0, 0), "the gauges to show 1 entry");

        server.Kill();
        await Eventually.TrueAsync(() => gauges.Read() is null, "the gauges to stop reporting stale sizes");

        await server.RestartAsync(Ct);
        await Eventually.TrueAsync(() => gauges.Read() is { } v && v == (0, 0, 0), "the gauges to report the (empty) restarted server");
    }

    /// <summary>Reads the three gauges of one consumer through a process-wide listener filtered to them.</summary>
    private sealed class GaugeReader : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentDictionary<string, long> _latest = new(StringComparer.Ordinal);

        public GaugeReader(string consumer)
        {
            _listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == MeetStreamTelemetry.Name && instrument.Name is Length or Pending or DeadLetters)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "consumer" && Equals(tag.Value, consumer))
                    {
                        _latest[instrument.Name] = value;
                    }
                }
            });
            _listener.Start();
        }

        /// <summary>Observes the gauges now: (length, pending, dead letters), or null when this consumer reports nothing.</summary>
        public (long Length, long Pending, long DeadLetters)? Read()
        {
            _latest.Clear();
            _listener.RecordObservableInstruments();
            return _latest.TryGetValue(Length, out var length) && _latest.TryGetValue(Pending, out var pending) && _latest.TryGetValue(DeadLetters, out var dead)
                ? (length, pending, dead)
                : null;
        }

        public void Dispose() => _listener.Dispose();
    }
}
