using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Text.Json.Nodes;
using MeetStream.Client.Http;
using MeetStream.Client.Serialization;
using MeetStream.Client.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace MeetStream.Client.Tests.Core;

public sealed class ResilienceTests(WireMockServer wireMock)
{
    private static readonly JsonObject StatusBody = new() { ["bot_id"] = "bot-1", ["status"] = "InMeeting", ["custom_attributes"] = new JsonObject() };

    // Longer than any test: the answer must never arrive before the fake clock times the attempt out, however slow the machine.
    private static readonly StubOptions NeverInTime = new() { Delay = TimeSpan.FromMinutes(2) };

    private static Task<ApiResponse<JsonElement>> GetStatus(MeetStreamClient client, CancellationToken? token = null) =>
        client.Transport.SendAsync(ApiRequest.Get("/bots/{bot_id}/status").WithPath("bot_id", "bot-1"), MeetStreamJsonContext.Default.JsonElement, token ?? TestContext.Current.CancellationToken);

    private static Task<ApiResponse<JsonElement>> PostMessage(MeetStreamClient client) =>
        client.Transport.SendAsync(
            ApiRequest.Post("/bots/{bot_id}/send_message").WithPath("bot_id", "bot-1").WithJson(new Dictionary<string, string> { ["message"] = "hi" }, MeetStreamJsonContext.Default.DictionaryStringString),
            MeetStreamJsonContext.Default.JsonElement,
            TestContext.Current.CancellationToken);

    private static StubOptions Fault(string fault) => new() { Fault = StubFaults.Parse(fault) };

    private static FakeTimeProvider FakeTime(MeetStreamClientOptions options)
    {
        var time = new FakeTimeProvider { AutoAdvance = true };
        options.TimeProvider = time;
        options.AttemptTimeout = Timeout.InfiniteTimeSpan;
        options.TotalTimeout = Timeout.InfiniteTimeSpan;
        return time;
    }

    [Fact]
    public async Task Get_503Then200_RetriedAndSucceeds()
    {
        var scope = wireMock.CreateScope();
        await scope.StubSequenceAsync("GET", "/bots/bot-1/status", (503, new JsonObject { ["message"] = "busy" }, null), (200, StatusBody, null));
        using var client = TestClients.Create(scope);

        var response = await GetStatus(client);

        Assert.Equal("InMeeting", response.Value.GetProperty("status").GetString());
        Assert.Equal(2, (await scope.ReceivedAsync()).Count);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    public async Task Get_NonTransientStatus_NotRetried(int status)
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/bots/bot-1/status", status, new JsonObject { ["message"] = "no" });
        using var client = TestClients.Create(scope);

        await Assert.ThrowsAnyAsync<MeetStreamApiException>(() => GetStatus(client));

        Assert.Single(await scope.ReceivedAsync());
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Get_TransientStatus_RetriedTwiceByDefaultThenThrows(int status)
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/bots/bot-1/status", status, new JsonObject { ["message"] = "transient" });
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAnyAsync<MeetStreamApiException>(() => GetStatus(client));

        Assert.Equal(status, (int)ex.StatusCode);
        Assert.Equal(3, (await scope.ReceivedAsync()).Count);
    }

    [Fact]
    public async Task Get_429WithRetryAfterSeconds_WaitsThatLongOnTheClock()
    {
        var scope = wireMock.CreateScope();
        await scope.StubSequenceAsync("GET", "/bots/bot-1/status", (429, new JsonObject { ["message"] = "slow down" }, new Dictionary<string, string> { ["Retry-After"] = "7" }), (200, StatusBody, null));
        FakeTimeProvider? time = null;
        using var client = TestClients.Create(scope, o => time = FakeTime(o));

        await GetStatus(client);

        Assert.Contains(TimeSpan.FromSeconds(7), time!.RequestedDelays);
        Assert.Equal(2, (await scope.ReceivedAsync()).Count);
    }

    [Fact]
    public async Task Get_503WithRetryAfterHttpDate_WaitsUntilThatDate()
    {
        var time = new FakeTimeProvider { AutoAdvance = true };
        var retryAt = time.GetUtcNow().AddSeconds(12).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        var scope = wireMock.CreateScope();
        await scope.StubSequenceAsync("GET", "/bots/bot-1/status", (503, null, new Dictionary<string, string> { ["Retry-After"] = retryAt }), (200, StatusBody, null));
        using var client = TestClients.Create(scope, o =>
        {
            FakeTime(o);
            o.TimeProvider = time;
        });

        await GetStatus(client);

        Assert.Contains(TimeSpan.FromSeconds(12), time.RequestedDelays);
    }

    [Fact]
    public async Task Get_429WithRetryAfterAboveCap_ThrowsRateLimitWithRetryAfterWithoutRetrying()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/bots/bot-1/status", 429, new JsonObject { ["message"] = "all Teams accounts busy" }, new Dictionary<string, string> { ["Retry-After"] = "3600" });
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<MeetStreamRateLimitException>(() => GetStatus(client));

        Assert.Equal(TimeSpan.FromHours(1), ex.RetryAfter);
        Assert.Contains("3600", ex.Message, StringComparison.Ordinal);
        Assert.Single(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task Get_RepeatedFailures_BackoffDoublesFromBaseDelay()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/bots/bot-1/status", 503);
        FakeTimeProvider? time = null;
        using var client = TestClients.Create(scope, o =>
        {
            time = FakeTime(o);
            o.Retry.MaxRetries = 3;
            o.Retry.BaseDelay = TimeSpan.FromSeconds(1);
        });

        await Assert.ThrowsAsync<MeetStreamServerException>(() => GetStatus(client));

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], time!.RequestedDelays);
        Assert.Equal(4, (await scope.ReceivedAsync()).Count);
    }

    [Fact]
    public async Task Get_JitterEnabled_AddsAtMostQuarterSecond()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/bots/bot-1/status", 503);
        FakeTimeProvider? time = null;
        using var client = TestClients.Create(scope, o =>
        {
            time = FakeTime(o);
            o.Retry.UseJitter = true;
            o.Retry.BaseDelay = TimeSpan.FromSeconds(1);
        });

        await Assert.ThrowsAsync<MeetStreamServerException>(() => GetStatus(client));

        Assert.Collection(
            time!.RequestedDelays,
            d => Assert.InRange(d, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.25)),
            d => Assert.InRange(d, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2.25)));
    }

    [Fact]
    public async Task Get_MaxDelay_CapsBackoff()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/bots/bot-1/status", 500);
        FakeTimeProvider? time = null;
        using var client = TestClients.Create(scope, o =>
        {
            time = FakeTime(o);
            o.Retry.MaxRetries = 4;
            o.Retry.BaseDelay = TimeSpan.FromSeconds(10);
            o.Retry.MaxDelay = TimeSpan.FromSeconds(25);
        });

        await Assert.ThrowsAsync<MeetStreamServerException>(() => GetStatus(client));

        Assert.Equal([TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(25)], time!.RequestedDelays);
    }

    [Fact]
    public async Task Post_503WithoutIdempotencyKey_NotRetried()
    {
        var scope = wireMock.CreateScope();
        await scope.StubSequenceAsync("POST", "/bots/bot-1/send_message", (503, new JsonObject { ["message"] = "bot unreachable" }, null), (200, new JsonObject { ["status"] = "accepted" }, null));
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<MeetStreamServerException>(() => PostMessage(client));

        Assert.Contains("not safe to repeat", ex.Message, StringComparison.Ordinal);
        Assert.Single(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task Post_WithIdempotencyKey_RetriedWithTheSameKey()
    {
        var scope = wireMock.CreateScope();
        await scope.StubSequenceAsync("POST", "/bots/create_bot", (502, null, null), (201, new JsonObject { ["bot_id"] = "b" }, null));
        using var client = TestClients.Create(scope);

        await client.Transport.SendAsync(
            ApiRequest.Post("/bots/create_bot").WithJson(new Dictionary<string, string> { ["meeting_link"] = "x" }, MeetStreamJsonContext.Default.DictionaryStringString).WithIdempotencyKey("key-123"),
            MeetStreamJsonContext.Default.JsonElement,
            TestContext.Current.CancellationToken);

        var received = await scope.ReceivedAsync();
        Assert.Equal(2, received.Count);
        Assert.All(received, r => Assert.Equal("key-123", r.Headers["Idempotency-Key"]));
        Assert.All(received, r => Assert.Equal("{\"meeting_link\":\"x\"}", r.Body));
    }

    [Theory]
    [InlineData("CONNECTION_RESET_BY_PEER")]
    [InlineData("EMPTY_RESPONSE")]
    [InlineData("MALFORMED_RESPONSE_CHUNK")]
    [InlineData("RANDOM_DATA_THEN_CLOSE")]
    public async Task Get_NetworkFaultThenSuccess_Retried(string fault)
    {
        var scope = wireMock.CreateScope();
        await scope.StubSequenceAsync("GET", "/bots/bot-1/status", (200, null, null), (200, StatusBody, null));
        var first = (await ReplaceFirstWithFault(scope, fault));
        using var client = TestClients.Create(scope);

        var response = await GetStatus(client);

        Assert.True(first);
        Assert.Equal("bot-1", response.Value.GetProperty("bot_id").GetString());
        Assert.Equal(2, (await scope.ReceivedAsync()).Count);
    }

    [Theory]
    [InlineData("CONNECTION_RESET_BY_PEER")]
    [InlineData("EMPTY_RESPONSE")]
    [InlineData("MALFORMED_RESPONSE_CHUNK")]
    public async Task Get_PersistentNetworkFault_ThrowsConnectionExceptionAfterRetries(string fault)
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/bots/bot-1/status", 200, options: Fault(fault));
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<MeetStreamConnectionException>(() => GetStatus(client));

        Assert.Contains("GET /bots/bot-1/status", ex.Message, StringComparison.Ordinal);

        // Three SDK attempts; on EMPTY_RESPONSE, SocketsHttpHandler itself also resends on a fresh connection when a
        // pooled one closes before any response byte, so the server may see more.
        Assert.InRange((await scope.ReceivedAsync()).Count, 3, 12);
    }

    [Theory]
    [InlineData("CONNECTION_RESET_BY_PEER")]
    [InlineData("EMPTY_RESPONSE")]
    [InlineData("MALFORMED_RESPONSE_CHUNK")]
    public async Task Post_NetworkFaultWithoutIdempotencyKey_NotRetried(string fault)
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", "/bots/bot-1/send_message", 200, options: Fault(fault));
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<MeetStreamConnectionException>(() => PostMessage(client));

        Assert.Contains("not safe to repeat", ex.Message, StringComparison.Ordinal);
        Assert.Single(await scope.ReceivedAsync());
    }

    // The timeout tests run the pipeline on the fake clock: the stub answers only after 5 real seconds, and each
    // timeout fires when the test advances the clock once the request has reached the server and its timer is armed,
    // so nothing depends on how fast the machine is.
    [Fact]
    public async Task Get_SlowerThanAttemptTimeout_RetriedThenTimeoutException()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/bots/bot-1/status", 200, StatusBody, options: NeverInTime);
        var time = new FakeTimeProvider();
        using var client = TestClients.Create(scope, o => TimeoutsOnFakeClock(o, time, attempt: AttemptTimeout, total: Timeout.InfiniteTimeSpan, maxRetries: 1));

        var call = GetStatus(client);
        await ReceivedWithAttemptTimerAsync(scope, time, requests: 1);
        time.Advance(AttemptTimeout);
        await TimerArmedAsync(time, Backoff, count: 1);
        time.Advance(Backoff);
        await ReceivedWithAttemptTimerAsync(scope, time, requests: 2);
        time.Advance(AttemptTimeout);
        var ex = await Assert.ThrowsAsync<MeetStreamTimeoutException>(() => call);

        Assert.Equal(AttemptTimeout, ex.Timeout);
        Assert.Contains("AttemptTimeout", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await scope.ReceivedAsync()).Count);
    }

    [Fact]
    public async Task Get_SlowFirstAttempt_RetrySucceeds()
    {
        var scope = wireMock.CreateScope();
        await scope.StubSequenceAsync("GET", "/bots/bot-1/status", (200, StatusBody, null), (200, StatusBody, null));
        await ReplaceFirstWithDelay(scope, 120_000);
        var time = new FakeTimeProvider();
        using var client = TestClients.Create(scope, o => TimeoutsOnFakeClock(o, time, attempt: AttemptTimeout, total: Timeout.InfiniteTimeSpan, maxRetries: 2));

        var call = GetStatus(client);
        await ReceivedWithAttemptTimerAsync(scope, time, requests: 1);
        time.Advance(AttemptTimeout);
        await TimerArmedAsync(time, Backoff, count: 1);
        time.Advance(Backoff);
        var response = await call;

        Assert.Equal("bot-1", response.Value.GetProperty("bot_id").GetString());
        Assert.Equal(2, (await scope.ReceivedAsync()).Count);
    }

    [Fact]
    public async Task Get_TotalTimeoutShorterThanRetries_ThrowsTimeoutNamingTotalTimeout()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/bots/bot-1/status", 200, StatusBody, options: NeverInTime);
        var time = new FakeTimeProvider();
        var total = TimeSpan.FromMilliseconds(500);
        using var client = TestClients.Create(scope, o => TimeoutsOnFakeClock(o, time, attempt: AttemptTimeout, total: total, maxRetries: 5));

        var call = GetStatus(client);
        await TimerArmedAsync(time, total, count: 1);
        await ReceivedWithAttemptTimerAsync(scope, time, requests: 1);
        time.Advance(AttemptTimeout);
        await TimerArmedAsync(time, Backoff, count: 1);
        time.Advance(total - AttemptTimeout); // the total timeout ends the backoff wait before a second attempt
        var ex = await Assert.ThrowsAsync<MeetStreamTimeoutException>(() => call);

        Assert.Contains("TotalTimeout", ex.Message, StringComparison.Ordinal);
        Assert.Single(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task Get_CallerCancels_ThrowsOperationCanceledNotWrapped()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/bots/bot-1/status", 200, StatusBody, options: NeverInTime);
        using var client = TestClients.Create(scope);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(200);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => GetStatus(client, cts.Token));
    }

    [Fact]
    public async Task Get_ConnectionRefused_ThrowsConnectionException()
    {
        var port = FreePort();
        using var client = new MeetStreamClient(new MeetStreamClientOptions { ApiKey = TestClients.ApiKey, BaseUrl = new Uri($"http://127.0.0.1:{port}/api/v1"), Retry = { BaseDelay = TimeSpan.FromMilliseconds(1) } });

        var ex = await Assert.ThrowsAsync<MeetStreamConnectionException>(() => GetStatus(client));

        Assert.Contains("127.0.0.1", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestClients.ApiKey, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_EmitsRetryMetricAndLogLineWithoutSecrets()
    {
        var scope = wireMock.CreateScope();
        await scope.StubSequenceAsync("GET", "/bots/bot-1/status", (503, null, null), (200, StatusBody, null));
        using var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        long retries = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "MeetStream.Client" && instrument.Name == "meetstream.client.request.retries")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "url.template" && (string?)tag.Value == "/bots/{bot_id}/status")
                {
                    Interlocked.Add(ref retries, value);
                }
            }
        });
        listener.Start();
        using var client = TestClients.Create(scope, loggerFactory: loggerFactory);

        await GetStatus(client);

        Assert.True(Interlocked.Read(ref retries) >= 1);
        Assert.Contains(logs.Lines, l => l.Contains("retry 1", StringComparison.Ordinal) && l.Contains("/bots/{bot_id}/status", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Contains("answered 200", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains(TestClients.ApiKey, StringComparison.Ordinal));
    }

    private static async Task<bool> ReplaceFirstWithFault(WireMockScope scope, string fault)
    {
        await scope.StubAsync("GET", "/bots/bot-1/status", 200, options: Fault(fault) with
        {
            Scenario = scope.Prefix + "GET/bots/bot-1/status",
            WhenState = StubOptions.StartState,
            SetState = "s1",
            Priority = 1,
        });
        return true;
    }

    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Backoff = TimeSpan.FromSeconds(1);

    private static void TimeoutsOnFakeClock(MeetStreamClientOptions options, FakeTimeProvider time, TimeSpan attempt, TimeSpan total, int maxRetries)
    {
        options.TimeProvider = time;
        options.AttemptTimeout = attempt;
        options.TotalTimeout = total;
        options.Retry.MaxRetries = maxRetries;
        options.Retry.BaseDelay = Backoff;
        options.Retry.UseJitter = false;
    }

    // Waits for events, not for time: the server has logged the Nth request and the Nth attempt timer is armed.
    private static async Task ReceivedWithAttemptTimerAsync(WireMockScope scope, FakeTimeProvider time, int requests)
    {
        for (var i = 0; i < 12_000 && (await scope.ReceivedAsync()).Count < requests; i++) // a hang guard of at least 60 s
        {
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }

        Assert.Equal(requests, (await scope.ReceivedAsync()).Count);
        await TimerArmedAsync(time, AttemptTimeout, requests);
    }

    private static async Task TimerArmedAsync(FakeTimeProvider time, TimeSpan dueTime, int count)
    {
        for (var i = 0; i < 12_000 && time.ArmedDelays.Count(d => d == dueTime) < count; i++) // a hang guard of at least 60 s
        {
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }

        Assert.True(time.ArmedDelays.Count(d => d == dueTime) >= count, $"expected {count} timer(s) of {dueTime}; armed: {string.Join(", ", time.ArmedDelays)}");
    }

    private static Task ReplaceFirstWithDelay(WireMockScope scope, int delayMs) =>
        scope.StubAsync("GET", "/bots/bot-1/status", 200, StatusBody, options: new StubOptions
        {
            Delay = TimeSpan.FromMilliseconds(delayMs),
            Scenario = scope.Prefix + "GET/bots/bot-1/status",
            WhenState = StubOptions.StartState,
            SetState = "s1",
            Priority = 1,
        });

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
