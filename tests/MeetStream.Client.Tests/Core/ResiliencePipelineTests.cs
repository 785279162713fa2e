using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using MeetStream.Client.Resilience;
using MeetStream.Client.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeetStream.Client.Tests.Core;

/// <summary>
/// The resilience pipeline built on Microsoft.Extensions.Http.Resilience: the DI pipeline (<c>AddMeetStreamClient</c>)
/// and the pipeline of <c>new MeetStreamClient(options)</c> behave the same, users adjust it through
/// <c>ConfigureMeetStreamResilience</c> or options binding, and bodies are handled inside the attempt.
/// </summary>
public sealed class ResiliencePipelineTests(WireMockServer wireMock)
{
    private static readonly JsonObject StatusBody = new() { ["bot_id"] = "bot-1", ["status"] = "InMeeting" };

    public static TheoryData<string> Pipelines => new() { "di", "owned" };

    /// <summary>Settings shared by both pipelines: a fake clock that jumps over retry delays, no timeouts, no jitter.</summary>
    private static Action<MeetStreamClientOptions> Settings(WireMockScope scope, FakeTimeProvider clock) => o =>
    {
        o.ApiKey = TestClients.ApiKey;
        o.BaseUrl = scope.BaseUrl;
        o.TimeProvider = clock;
        o.AttemptTimeout = Timeout.InfiniteTimeSpan;
        o.TotalTimeout = Timeout.InfiniteTimeSpan;
        o.Retry.UseJitter = false;
        o.Retry.BaseDelay = TimeSpan.FromSeconds(1);
    };

    private static Task<(IMeetStreamClient Client, IAsyncDisposable Owner)> CreateAsync(string pipeline, Action<MeetStreamClientOptions> settings, Action<IHttpClientBuilder>? customise = null)
    {
        if (pipeline == "owned")
        {
            var options = new MeetStreamClientOptions();
            settings(options);
            var client = new MeetStreamClient(options);
            return Task.FromResult<(IMeetStreamClient, IAsyncDisposable)>((client, new Disposer(client)));
        }

        var services = new ServiceCollection();
        var builder = services.AddMeetStreamClient(settings);
        customise?.Invoke(builder);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return Task.FromResult<(IMeetStreamClient, IAsyncDisposable)>((provider.GetRequiredService<IMeetStreamClient>(), provider));
    }

    [Theory]
    [MemberData(nameof(Pipelines))]
    public async Task Get_503Then200_RetriedOnceAfterBaseDelayAndSucceeds(string pipeline)
    {
        var scope = wireMock.CreateScope();
        await scope.StubSequenceAsync("GET", "/bots/bot-1/status", (503, new JsonObject { ["message"] = "busy" }, null), (200, StatusBody, null));
        var clock = new FakeTimeProvider { AutoAdvance = true };
        var (client, owner) = await CreateAsync(pipeline, Settings(scope, clock));
        await using var _ = owner;

        var response = await client.SendAsync(HttpMethod.Get, "/bots/bot-1/status", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("InMeeting", response.GetJson()!.Value.GetProperty("status").GetString());
        Assert.Equal(2, (await scope.ReceivedAsync()).Count);
        Assert.Equal([TimeSpan.FromSeconds(1)], clock.RequestedDelays);
    }

    [Theory]
    [MemberData(nameof(Pipelines))]
    public async Task Post_503WithoutIdempotencyKey_NotRetried(string pipeline)
    {
        var scope = wireMock.CreateScope();
        await scope.StubSequenceAsync("POST", "/bots/bot-1/send_message", (503, new JsonObject { ["message"] = "bot unreachable" }, null), (200, new JsonObject { ["status"] = "accepted" }, null));
        var clock = new FakeTimeProvider { AutoAdvance = true };
        var (client, owner) = await CreateAsync(pipeline, Settings(scope, clock));
        await using var _ = owner;

        var response = await client.SendAsync(HttpMethod.Post, "/bots/bot-1/send_message", new JsonObject { ["message"] = "hi" }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Single(await scope.ReceivedAsync());
        Assert.Empty(clock.RequestedDelays);
    }

    [Theory]
    [MemberData(nameof(Pipelines))]
    public async Task Post_503WithIdempotencyKey_RetriedWithTheSameKey(string pipeline)
    {
        var scope = wireMock.CreateScope();
        await scope.StubSequenceAsync("POST", "/bots/create_bot", (503, null, null), (201, new JsonObject { ["bot_id"] = "b" }, null));
        var (client, owner) = await CreateAsync(pipeline, Settings(scope, new FakeTimeProvider { AutoAdvance = true }));
        await using var _ = owner;

        var response = await client.SendAsync(HttpMethod.Post, "/bots/create_bot", new JsonObject { ["meeting_link"] = "x" }, idempotencyKey: "key-1", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var received = await scope.ReceivedAsync();
        Assert.Equal(2, received.Count);
        Assert.All(received, r => Assert.Equal("key-1", r.Headers["Idempotency-Key"]));
    }

    [Theory]
    [MemberData(nameof(Pipelines))]
    public async Task Get_429WithRetryAfterSeconds_WaitsThatLongOnTheClock(string pipeline)
    {
        var scope = wireMock.CreateScope();
        await scope.StubSequenceAsync("GET", "/bots/bot-1/status", (429, null, new Dictionary<string, string> { ["Retry-After"] = "7" }), (200, StatusBody, null));
        var clock = new FakeTimeProvider { AutoAdvance = true };
        var (client, owner) = await CreateAsync(pipeline, Settings(scope, clock));
        await using var _ = owner;

        var response = await client.SendAsync(HttpMethod.Get, "/bots/bot-1/status", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([TimeSpan.FromSeconds(7)], clock.RequestedDelays);
    }

    [Theory]
    [MemberData(nameof(Pipelines))]
    public async Task Get_400_NotRetried(string pipeline)
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/bots/bot-1/status", 400, new JsonObject { ["message"] = "bad" });
        var clock = new FakeTimeProvider { AutoAdvance = true };
        var (client, owner) = await CreateAsync(pipeline, Settings(scope, clock));
        await using var _ = owner;

        var response = await client.SendAsync(HttpMethod.Get, "/bots/bot-1/status", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Single(await scope.ReceivedAsync());
    }

    [Theory]
    [MemberData(nameof(Pipelines))]
    public async Task Get_Redirect_NotFollowed(string pipeline)
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/bots/bot-1/status", 302, headers: new Dictionary<string, string> { ["Location"] = scope.BaseUrl + "/elsewhere" });
        await scope.StubAsync("GET", "/elsewhere", 200, StatusBody);
        var (client, owner) = await CreateAsync(pipeline, Settings(scope, new FakeTimeProvider { AutoAdvance = true }));
        await using var _ = owner;

        var response = await client.SendAsync(HttpMethod.Get, "/bots/bot-1/status", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.EndsWith("/bots/bot-1/status", Assert.Single(await scope.ReceivedAsync()).Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigureMeetStreamResilience_MoreRetriesAndChainedOnRetry_AppliedWithTheSdkPolicyKept()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/bots/bot-1/status", 503);
        await scope.StubAsync("POST", "/bots/bot-1/send_message", 503);
        var clock = new FakeTimeProvider { AutoAdvance = true };
        var seen = new List<int>();
        using var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddMeetStreamClient(Settings(scope, clock))
            .ConfigureMeetStreamResilience(o =>
            {
                o.Retry!.MaxRetryAttempts = 4;
                o.Retry.MaxDelay = TimeSpan.FromSeconds(3);
                var sdkOnRetry = o.Retry.OnRetry!;
                o.Retry.OnRetry = async args =>
                {
                    await sdkOnRetry(args);
                    lock (seen)
                    {
                        seen.Add(args.AttemptNumber);
                    }
                };
            });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IMeetStreamClient>();

        var get = await client.SendAsync(HttpMethod.Get, "/bots/bot-1/status", cancellationToken: TestContext.Current.CancellationToken);
        var post = await client.SendAsync(HttpMethod.Post, "/bots/bot-1/send_message", new JsonObject(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, get.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, post.StatusCode);
        var received = await scope.ReceivedAsync();
        Assert.Equal(5, received.Count(r => r.Method == "GET"));
        Assert.Equal(1, received.Count(r => r.Method == "POST")); // the unsafe POST is still never repeated
        Assert.Equal([0, 1, 2, 3], seen);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3)], clock.RequestedDelays);
        Assert.Equal(4, logs.Lines.Count(l => l.Contains("retry ", StringComparison.Ordinal) && l.Contains("/bots/bot-1/status", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ConfigureMeetStreamResilience_RetryRemoved_SendsOnce()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/bots/bot-1/status", 503);
        var services = new ServiceCollection();
        services.AddMeetStreamClient(Settings(scope, new FakeTimeProvider { AutoAdvance = true })).ConfigureMeetStreamResilience(o => o.Retry = null);
        await using var provider = services.BuildServiceProvider();

        var response = await provider.GetRequiredService<IMeetStreamClient>().SendAsync(HttpMethod.Get, "/bots/bot-1/status", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Single(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task MeetStreamResilienceOptions_BoundFromConfiguration_ReplaceTheClientOptionDefaults()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/bots/bot-1/status", 503);
        await scope.StubAsync("GET", "/bots/bot-2/status", 429, headers: new Dictionary<string, string> { ["Retry-After"] = "6" });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MeetStream:Resilience:Retry:MaxRetryAttempts"] = "1",
            ["MeetStream:Resilience:TotalTimeout:Timeout"] = "00:02:00",
            ["MeetStream:Resilience:AttemptTimeout:Timeout"] = "00:00:07",
            ["MeetStream:Resilience:MaxRetryAfter"] = "00:00:05",
        }).Build();
        var services = new ServiceCollection();
        services.AddMeetStreamClient(o =>
        {
            Settings(scope, new FakeTimeProvider { AutoAdvance = true, AutoAdvanceLimit = TimeSpan.FromSeconds(5) })(o);
            o.AttemptTimeout = TimeSpan.FromSeconds(30);
            o.TotalTimeout = TimeSpan.FromSeconds(90);
        });
        services.AddOptions<MeetStreamResilienceOptions>(MeetStreamServiceCollectionExtensions.HttpClientName).Bind(configuration.GetSection("MeetStream:Resilience"));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IMeetStreamClient>();

        var bound = provider.GetRequiredService<IOptionsMonitor<MeetStreamResilienceOptions>>().Get(MeetStreamServiceCollectionExtensions.HttpClientName);
        var busy = await client.SendAsync(HttpMethod.Get, "/bots/bot-1/status", cancellationToken: TestContext.Current.CancellationToken);
        var limited = await client.SendAsync(HttpMethod.Get, "/bots/bot-2/status", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, bound.Retry!.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromMinutes(2), bound.TotalTimeout!.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(7), bound.AttemptTimeout!.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(5), bound.MaxRetryAfter);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var received = await scope.ReceivedAsync();
        Assert.Equal(2, received.Count(r => r.Path.EndsWith("/bots/bot-1/status", StringComparison.Ordinal)));
        Assert.Single(received, r => r.Path.EndsWith("/bots/bot-2/status", StringComparison.Ordinal)); // 6 s is above the bound 5 s cap
    }

    [Fact]
    public async Task MeetStreamResilienceHandler_ConfigureAction_AppliesOutsideDependencyInjection()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/bots/bot-1/status", 503);
        var options = new MeetStreamClientOptions();
        Settings(scope, new FakeTimeProvider { AutoAdvance = true })(options);
        using var http = new HttpClient(new MeetStreamResilienceHandler(options, o => o.Retry!.MaxRetryAttempts = 3) { InnerHandler = new SocketsHttpHandler() });
        using var client = new MeetStreamClient(http, options);

        var response = await client.SendAsync(HttpMethod.Get, "/bots/bot-1/status", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(4, (await scope.ReceivedAsync()).Count);
    }

    [Fact]
    public async Task ResponseHeadersRead_TruncatedSuccessBody_RetriedInsideThePipeline()
    {
        var body = "{\"bot_id\":\"bot-1\",\"status\":\"InMeeting\"}";
        await using var server = await RawHttpServer.StartAsync(
            (headers: $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n", body: body[..10], close: true),
            (headers: $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n", body: body, close: true));
        using var http = new HttpClient(new MeetStreamResilienceHandler(RawOptions(server)) { InnerHandler = new SocketsHttpHandler() });

        using var response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, server.Url), HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);

        Assert.Equal(body, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(2, server.Requests);
    }

    [Fact]
    public async Task ResponseHeadersRead_ErrorWithHugeUnfinishedBody_ReturnedWithoutBufferingIt()
    {
        // A 500 announcing 10 MB and sending only 16 KB, connection left open: if the handler buffered error bodies the
        // call would never return.
        await using var server = await RawHttpServer.StartAsync(
            (headers: "HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\nContent-Length: 10000000\r\n\r\n", body: "{\"message\":\"" + new string('x', 16 * 1024), close: false));
        var options = RawOptions(server);
        options.Retry.MaxRetries = 0;
        using var http = new HttpClient(new MeetStreamResilienceHandler(options) { InnerHandler = new SocketsHttpHandler() });
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(TimeSpan.FromSeconds(30)); // failure guard only, never reached when the test passes

        using var response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, server.Url), HttpCompletionOption.ResponseHeadersRead, guard.Token);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(10_000_000L, response.Content.Headers.ContentLength);
    }

    private static MeetStreamClientOptions RawOptions(RawHttpServer server) => new()
    {
        ApiKey = TestClients.ApiKey,
        BaseUrl = server.Url,
        TimeProvider = new FakeTimeProvider { AutoAdvance = true },
        AttemptTimeout = Timeout.InfiniteTimeSpan,
        TotalTimeout = Timeout.InfiniteTimeSpan,
        Retry = { UseJitter = false },
    };

    private sealed class Disposer(IDisposable inner) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            inner.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>A loopback HTTP/1.1 server answering each connection's first request with the next canned reply.</summary>
    private sealed class RawHttpServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly (string Headers, string Body, bool Close)[] _replies;
        private readonly List<TcpClient> _open = [];
        private readonly CancellationTokenSource _stop = new();
        private Task _loop = Task.CompletedTask;
        private int _requests;

        private RawHttpServer((string, string, bool)[] replies) => _replies = replies;

        public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/api/v1/bots/bot-1/status");

        public int Requests => Volatile.Read(ref _requests);

        public static Task<RawHttpServer> StartAsync(params (string headers, string body, bool close)[] replies)
        {
            var server = new RawHttpServer(replies);
            server._listener.Start();
            server._loop = server.RunAsync();
            return Task.FromResult(server);
        }

        private async Task RunAsync()
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    var stream = client.GetStream();
                    var buffer = new byte[8192];
                    var seen = new StringBuilder();
                    while (!seen.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                    {
                        var read = await stream.ReadAsync(buffer, _stop.Token);
                        if (read == 0)
                        {
                            break;
                        }

                        seen.Append(Encoding.ASCII.GetString(buffer, 0, read));
                    }

                    var index = Interlocked.Increment(ref _requests) - 1;
                    var (headers, body, close) = _replies[Math.Min(index, _replies.Length - 1)];
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(headers + body), _stop.Token);
                    await stream.FlushAsync(_stop.Token);
                    if (close)
                    {
                        client.Dispose();
                    }
                    else
                    {
                        _open.Add(client);
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            await _loop.ConfigureAwait(false);
            foreach (var client in _open)
            {
                client.Dispose();
            }

            _stop.Dispose();
        }
    }
}
