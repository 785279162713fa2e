using System.Diagnostics.Metrics;
using System.Text;
using System.Text.Json;
using MeetStream.Client.Diagnostics;
using MeetStream.Client.Outbound;
using MeetStream.Client.Tests.Infrastructure;
using MeetStream.Client.Tests.Realtime.Support;
using Microsoft.Extensions.Logging;

namespace MeetStream.Client.Tests.Outbound;

/// <summary>
/// <see cref="SignedWebhookSink"/> against a real Kestrel receiver on loopback: signing, retries and backoff on the
/// fake clock (advanced only once the sender is waiting), Retry-After, no retry on 4xx, queue full, flush and drain.
/// </summary>
public sealed class SignedWebhookSinkDeliveryTests
{
    private const string Secret = "whsec_outbound_test_secret";

    [Fact]
    public async Task TryEnqueue_SignedPayload_ReceiverVerifiesSignatureAndTimestamp()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var clock = new FakeTimeProvider();
        await using var sink = new SignedWebhookSink(Options(receiver, clock, secret: Secret));

        Assert.True(sink.TryEnqueue(new AlertPayload("pricing mentioned", 2), OutboundTestJsonContext.Default.AlertPayload));
        await sink.FlushAsync(TestContext.Current.CancellationToken);

        var request = Assert.Single(receiver.Requests);
        Assert.Equal("""{"Text":"pricing mentioned","Count":2}""", Encoding.UTF8.GetString(request.Body));
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        var header = request.Header("X-MeetStream-Signature");
        Assert.NotNull(header);
        Assert.Equal($"t={clock.GetUtcNow().ToUnixTimeSeconds()},", header[..(header.IndexOf(',', StringComparison.Ordinal) + 1)]);
        Assert.True(SignedWebhookSink.VerifySignature(request.Body, header, Secret, TimeSpan.FromMinutes(5), clock));
        Assert.False(SignedWebhookSink.VerifySignature(request.Body, header, "another-secret", TimeSpan.FromMinutes(5), clock));
        Assert.Equal(1, sink.Delivered);
        Assert.Equal(0, sink.Failed + sink.Dropped + sink.Retries);
    }

    [Fact]
    public async Task TryEnqueue_NoSecret_SendsUnsignedRequestToTheExactUrl()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var options = Options(receiver, new FakeTimeProvider());
        options.Endpoint = new Uri(receiver.BaseUri, "/services/T0/B0/xyz?channel=alerts");
        options.SignatureHeader = "X-Custom-Signature";
        await using var sink = new SignedWebhookSink(options);

        Assert.True(sink.TryEnqueue("""{"text":"hi"}"""u8.ToArray()));
        await sink.FlushAsync(TestContext.Current.CancellationToken);

        var request = Assert.Single(receiver.Requests);
        Assert.Equal("/services/T0/B0/xyz?channel=alerts", request.PathAndQuery);
        Assert.Null(request.Header("X-Custom-Signature"));
        Assert.Null(request.Header("X-MeetStream-Signature"));
        Assert.Equal("""{"text":"hi"}""", Encoding.UTF8.GetString(request.Body));
    }

    [Fact]
    public async Task Deliver_503Then200_TwoAttemptsAfterTheBackoffOnTheFakeClock()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Script(new WebhookReceiver.Answer(503));
        var clock = new FakeTimeProvider();
        await using var sink = new SignedWebhookSink(Options(receiver, clock, secret: Secret));

        sink.TryEnqueue(new AlertPayload("a", 1), OutboundTestJsonContext.Default.AlertPayload);
        await clock.WaitForTimerAsync(d => d > TimeSpan.Zero && d <= TimeSpan.FromSeconds(1));

        // The sender waits its backoff (1 s minus at most 20% jitter): nothing was sent again yet.
        var backoff = Assert.Single(clock.RequestedDelays, d => d <= TimeSpan.FromSeconds(1));
        Assert.InRange(backoff, TimeSpan.FromMilliseconds(800), TimeSpan.FromSeconds(1));
        Assert.Equal(1, receiver.Attempts);
        Assert.Equal(1, sink.Retries);

        clock.Advance(TimeSpan.FromSeconds(1));
        await sink.FlushAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, receiver.Attempts);
        Assert.Equal(1, sink.Delivered);
        Assert.Equal(0, sink.Failed);
        var requests = receiver.Requests;
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.True(SignedWebhookSink.VerifySignature(requests[1].Body, requests[1].Header("X-MeetStream-Signature"), Secret, TimeSpan.Zero, clock));
    }

    [Fact]
    public async Task Deliver_BackoffDoublesUpToMaxBackoffThenGivesUp()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Script(Enumerable.Repeat(new WebhookReceiver.Answer(500), 6).ToArray());
        var clock = new FakeTimeProvider { AutoAdvance = true };
        var options = Options(receiver, clock);
        options.MaxAttempts = 5;
        options.InitialBackoff = TimeSpan.FromSeconds(1);
        options.MaxBackoff = TimeSpan.FromSeconds(3);
        await using var sink = new SignedWebhookSink(options);

        sink.TryEnqueue("{}"u8.ToArray());
        await sink.FlushAsync(TestContext.Current.CancellationToken);

        Assert.Equal(5, receiver.Attempts);
        Assert.Equal(1, sink.Failed);
        Assert.Equal(4, sink.Retries);
        var delays = clock.RequestedDelays.Where(d => d <= TimeSpan.FromSeconds(3)).ToArray();
        Assert.Equal(4, delays.Length);
        Assert.InRange(delays[0], TimeSpan.FromSeconds(0.8), TimeSpan.FromSeconds(1));
        Assert.InRange(delays[1], TimeSpan.FromSeconds(1.6), TimeSpan.FromSeconds(2));
        Assert.InRange(delays[2], TimeSpan.FromSeconds(2.4), TimeSpan.FromSeconds(3)); // 4 s capped at 3 s
        Assert.InRange(delays[3], TimeSpan.FromSeconds(2.4), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Deliver_429WithRetryAfter_WaitsExactlyRetryAfter()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Script(new WebhookReceiver.Answer(429, RetryAfter: "7"));
        var clock = new FakeTimeProvider();
        await using var sink = new SignedWebhookSink(Options(receiver, clock));

        sink.TryEnqueue("{}"u8.ToArray());
        await clock.WaitForTimerAsync(d => d == TimeSpan.FromSeconds(7));
        Assert.Equal(1, receiver.Attempts);

        clock.Advance(TimeSpan.FromSeconds(7));
        await sink.FlushAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, receiver.Attempts);
        Assert.Equal(1, sink.Delivered);
        Assert.DoesNotContain(clock.RequestedDelays, d => d < TimeSpan.FromSeconds(7)); // no backoff of its own
    }

    [Fact]
    public async Task Deliver_RetryAfterLongerThanMaxRetryAfter_FailsInsteadOfBlockingTheQueue()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Script(new WebhookReceiver.Answer(503, RetryAfter: "3600"));
        var options = Options(receiver, new FakeTimeProvider());
        await using var sink = new SignedWebhookSink(options);

        sink.TryEnqueue("{}"u8.ToArray());
        sink.TryEnqueue("[]"u8.ToArray());
        await sink.FlushAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, sink.Failed);
        Assert.Equal(1, sink.Delivered);
        Assert.Equal(2, receiver.Attempts);
    }

    [Fact]
    public async Task Deliver_400_NotRetriedAndLoggedWithStatusButNoSecretOrUrlPath()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Script(new WebhookReceiver.Answer(400, Body: "invalid_payload"));
        var logs = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var options = Options(receiver, new FakeTimeProvider(), secret: Secret);
        options.Endpoint = new Uri(receiver.BaseUri, "/services/PATHSECRET?token=QUERYSECRET");
        await using var sink = new SignedWebhookSink(options, logger: loggers.CreateLogger("sink"));

        sink.TryEnqueue("{}"u8.ToArray());
        await sink.FlushAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, receiver.Attempts);
        Assert.Equal(1, sink.Failed);
        Assert.Equal(0, sink.Retries);
        var line = Assert.Single(logs.Lines, l => l.Contains("[6003]", StringComparison.Ordinal));
        Assert.Contains("400", line, StringComparison.Ordinal);
        Assert.Contains("invalid_payload", line, StringComparison.Ordinal);
        Assert.Contains(receiver.BaseUri.Authority, line, StringComparison.Ordinal);
        foreach (var text in logs.Lines)
        {
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain("PATHSECRET", text, StringComparison.Ordinal);
            Assert.DoesNotContain("QUERYSECRET", text, StringComparison.Ordinal);
            Assert.DoesNotContain("v1=", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Deliver_ConnectionRefused_RetriedThenFailed()
    {
        int port;
        await using (var closed = await WebhookReceiver.StartAsync())
        {
            port = closed.BaseUri.Port;
        }

        var clock = new FakeTimeProvider { AutoAdvance = true };
        await using var sink = new SignedWebhookSink(new SignedWebhookSinkOptions
        {
            Endpoint = new Uri($"http://127.0.0.1:{port}/hook"),
            MaxAttempts = 3,
            TimeProvider = clock,
        });

        sink.TryEnqueue("{}"u8.ToArray());
        await sink.FlushAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, sink.Failed);
        Assert.Equal(2, sink.Retries);
    }

    [Fact]
    public async Task Deliver_AttemptTimesOut_RetriedAndDelivered()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var clock = new FakeTimeProvider();
        var options = Options(receiver, clock);
        options.Timeout = TimeSpan.FromSeconds(10);
        await using var sink = new SignedWebhookSink(options);
        receiver.Hold();

        sink.TryEnqueue("{}"u8.ToArray());
        await Eventually.TrueAsync(() => receiver.Attempts == 1 && clock.ArmedDelays.Contains(TimeSpan.FromSeconds(10)), "the first attempt is in flight");
        clock.Advance(TimeSpan.FromSeconds(10)); // the held attempt times out
        await clock.WaitForTimerAsync(d => d <= TimeSpan.FromSeconds(1));
        Assert.Equal(1, sink.Retries);
        Assert.Equal(0, sink.Delivered);

        receiver.Release();
        clock.Advance(TimeSpan.FromSeconds(1));
        await sink.FlushAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, sink.Delivered);
        Assert.Equal(2, receiver.Attempts);
    }

    [Fact]
    public async Task TryEnqueue_QueueFull_ReturnsFalseAndCountsDropped()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var options = Options(receiver, new FakeTimeProvider());
        options.QueueCapacity = 2;
        var logs = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        await using var sink = new SignedWebhookSink(options, logger: loggers.CreateLogger("sink"));
        receiver.Hold();

        Assert.True(sink.TryEnqueue("1"u8.ToArray()));
        await Eventually.TrueAsync(() => receiver.Attempts == 1, "the first payload is in flight");
        Assert.True(sink.TryEnqueue("2"u8.ToArray()));
        Assert.True(sink.TryEnqueue("3"u8.ToArray()));
        Assert.Equal(2, sink.QueueLength);
        Assert.False(sink.TryEnqueue("4"u8.ToArray()));
        Assert.False(sink.TryEnqueue(new AlertPayload("5", 5), OutboundTestJsonContext.Default.AlertPayload));

        Assert.Equal(2, sink.Dropped);
        Assert.Single(logs.Lines, l => l.Contains("[6005]", StringComparison.Ordinal)); // once per episode
        receiver.Release();
        await sink.FlushAsync(TestContext.Current.CancellationToken);
        Assert.Equal(3, sink.Delivered);
        Assert.Equal(["1", "2", "3"], receiver.Requests.Select(r => Encoding.UTF8.GetString(r.Body)));
    }

    [Fact]
    public async Task EnqueueAsync_QueueFull_WaitsForRoom()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var options = Options(receiver, new FakeTimeProvider());
        options.QueueCapacity = 1;
        await using var sink = new SignedWebhookSink(options);
        receiver.Hold();

        await sink.EnqueueAsync(new AlertPayload("1", 1), OutboundTestJsonContext.Default.AlertPayload, TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(() => receiver.Attempts == 1, "the first payload is in flight");
        await sink.EnqueueAsync("2"u8.ToArray(), TestContext.Current.CancellationToken);
        var third = sink.EnqueueAsync(new AlertPayload("3", 3), OutboundTestJsonContext.Default.AlertPayload, TestContext.Current.CancellationToken).AsTask();

        Assert.False(third.IsCompleted);
        receiver.Release();
        await third.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        await sink.FlushAsync(TestContext.Current.CancellationToken);
        Assert.Equal(3, sink.Delivered);
        Assert.Equal(0, sink.Dropped);
    }

    [Fact]
    public async Task FlushAsync_WaitsOnlyForPayloadsQueuedBefore()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sink = new SignedWebhookSink(Options(receiver, new FakeTimeProvider()));
        Assert.True(sink.FlushAsync(TestContext.Current.CancellationToken).IsCompletedSuccessfully); // nothing queued
        receiver.Hold();

        sink.TryEnqueue("1"u8.ToArray());
        var flush = sink.FlushAsync(TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(() => receiver.Attempts == 1, "the payload is in flight");
        Assert.False(flush.IsCompleted);

        receiver.Release();
        await flush.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        Assert.Equal(1, sink.Delivered);
    }

    [Fact]
    public async Task DisposeAsync_DrainsTheQueue()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var sink = new SignedWebhookSink(Options(receiver, new FakeTimeProvider()));
        for (var i = 0; i < 20; i++)
        {
            Assert.True(sink.TryEnqueue(Encoding.UTF8.GetBytes(i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }

        await sink.DisposeAsync();

        Assert.Equal(20, sink.Delivered);
        Assert.Equal(20, receiver.Attempts);
        Assert.False(sink.TryEnqueue("late"u8.ToArray()));
        Assert.Equal(1, sink.Dropped);
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await sink.EnqueueAsync("x"u8.ToArray(), TestContext.Current.CancellationToken));
        await sink.DisposeAsync(); // twice is fine
    }

    [Fact]
    public async Task DisposeAsync_ReceiverKeepsFailing_StopsAtTheDrainBoundAndCountsDropped()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Script(Enumerable.Repeat(new WebhookReceiver.Answer(503), 50).ToArray());
        var clock = new FakeTimeProvider();
        var options = Options(receiver, clock);
        options.DrainTimeout = TimeSpan.FromSeconds(30);
        options.InitialBackoff = TimeSpan.FromSeconds(20);
        options.MaxBackoff = TimeSpan.FromSeconds(20);
        var sink = new SignedWebhookSink(options);

        sink.TryEnqueue("1"u8.ToArray());
        sink.TryEnqueue("2"u8.ToArray());
        await clock.WaitForTimerAsync(d => d >= TimeSpan.FromSeconds(16));
        var dispose = sink.DisposeAsync().AsTask();
        await Eventually.TrueAsync(() => clock.ArmedDelays.Contains(TimeSpan.FromSeconds(30)), "the drain bound is armed");
        Assert.False(dispose.IsCompleted);

        clock.Advance(TimeSpan.FromSeconds(30));
        await dispose.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.Equal(2, sink.Dropped);
        Assert.Equal(0, sink.Delivered);
        Assert.Equal(0, sink.Failed);
    }

    [Fact]
    public async Task Metrics_CountOutcomesAndRetriesTaggedWithTheSinkName()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Script(new WebhookReceiver.Answer(503), new WebhookReceiver.Answer(200), new WebhookReceiver.Answer(404));
        var options = Options(receiver, new FakeTimeProvider { AutoAdvance = true });
        options.Name = "metrics-" + Guid.NewGuid().ToString("N");
        var measurements = new List<(string Instrument, long Value, string? Outcome)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == MeetStreamTelemetry.Name && instrument.Name.StartsWith("meetstream.outbound.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? sink = null, outcome = null;
            foreach (var tag in tags)
            {
                sink = tag.Key == "sink" ? tag.Value as string : sink;
                outcome = tag.Key == "outcome" ? tag.Value as string : outcome;
            }

            if (sink == options.Name)
            {
                lock (measurements)
                {
                    measurements.Add((instrument.Name, value, outcome));
                }
            }
        });
        listener.Start();
        await using var sink = new SignedWebhookSink(options);

        sink.TryEnqueue("1"u8.ToArray());
        sink.TryEnqueue("2"u8.ToArray());
        await sink.FlushAsync(TestContext.Current.CancellationToken);

        lock (measurements)
        {
            Assert.Contains(("meetstream.outbound.payloads", 1L, "delivered"), measurements);
            Assert.Contains(("meetstream.outbound.payloads", 1L, "failed"), measurements);
            Assert.Single(measurements, m => m.Instrument == "meetstream.outbound.retries");
        }
    }

    internal static SignedWebhookSinkOptions Options(WebhookReceiver receiver, TimeProvider clock, string? secret = null) => new()
    {
        Endpoint = new Uri(receiver.BaseUri, "/hook"),
        Secret = secret,
        TimeProvider = clock,
    };
}
