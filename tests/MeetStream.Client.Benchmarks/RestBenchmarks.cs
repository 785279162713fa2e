using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using MeetStream.Client.Benchmarks.Rest;
using MeetStream.Client.Resilience;
using MeetStream.Client.Serialization;

namespace MeetStream.Client.Benchmarks;

/// <summary>
/// REST calls through the SDK against raw <see cref="HttpClient"/> + System.Text.Json source generation (the same JSON
/// types through <see cref="MeetStreamJsonContext"/>), each category with its raw baseline in the same run:
/// <list type="bullet">
/// <item><c>Loopback*</c>: one call at a time to a Kestrel stub on 127.0.0.1 in another process (time and allocated
/// bytes per call; the stub's own allocations are not counted).</item>
/// <item><c>InFlight32</c>: 32 status calls in flight (loopback), 16 each; time per call, so the throughput ratio is
/// the inverse of the time ratio.</item>
/// <item><c>InMemory*</c>: a canned primary handler, isolating the client's own CPU and allocations; the SDK runs
/// with its default resilience pipeline on.</item>
/// </list>
/// Run: <c>dotnet run -c Release --project tests/MeetStream.Client.Benchmarks -- --filter '*RestBenchmarks*' --job short</c>
/// (add <c>--inProcess</c> when the machine is too busy to build the generated project within BenchmarkDotNet's limit).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class RestBenchmarks
{
    private const int InFlight = 32;
    private const int CallsPerWorker = 16;
    private const string Authorization = "Token " + RestStub.ApiKey;

    private static readonly CreateBotRequest CreateRequest = new()
    {
        MeetingLink = "https://meet.google.com/abc-defg-hij",
        BotName = "Notetaker",
        BotMessage = "Hi, I'm taking notes for this meeting.",
        CallbackUrl = "https://hooks.example.com/meetstream",
        VideoRequired = false,
        CustomAttributes = new Dictionary<string, string> { ["tenant"] = "acme", ["meeting_ref"] = "mtg-42" },
    };

    private StubProcess? _stub;
    private HttpClient _raw = null!;
    private MeetStreamClient _sdk = null!;
    private HttpClient _rawInMemory = null!;
    private MeetStreamClient _sdkInMemory = null!;
    private HttpClient _sdkInMemoryHttp = null!;
    private string _statusUrl = null!;
    private string _createUrl = null!;

    [GlobalSetup]
    public async Task SetUp()
    {
        _stub = RestStub.Start();
        var baseUrl = _stub.BaseUrl.AbsoluteUri.TrimEnd('/');
        _statusUrl = baseUrl + "/bots/" + RestStub.BotId + "/status";
        _createUrl = baseUrl + "/bots/create_bot";

        // Raw: one HttpClient over a SocketsHttpHandler with the SDK's connection settings.
        _raw = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AutomaticDecompression = DecompressionMethods.All });

        // SDK: default options (retries, attempt and total timeouts on), its own HTTP stack.
        _sdk = new MeetStreamClient(new MeetStreamClientOptions { ApiKey = RestStub.ApiKey, BaseUrl = _stub.BaseUrl });

        // In memory: the same clients over a canned primary handler.
        var inMemoryBase = new Uri("http://api.invalid/api/v1");
        _rawInMemory = new HttpClient(new CannedHandler());
        var options = new MeetStreamClientOptions { ApiKey = RestStub.ApiKey, BaseUrl = inMemoryBase };
        _sdkInMemoryHttp = new HttpClient(SdkHandlerChain(options, new CannedHandler())) { Timeout = Timeout.InfiniteTimeSpan };
        // The SDK's own client path (what new MeetStreamClient(options) and AddMeetStreamClient use): routes send
        // straight through the client, headers set once on it.
        _sdkInMemory = new MeetStreamClient(options.Freeze(), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, _sdkInMemoryHttp);

        // Warm the connections so the first measured call does not pay for the TCP handshake.
        await RawStatusAsync(_raw, _statusUrl);
        await _sdk.Bots.GetStatusAsync(RestStub.BotId);
    }

    [GlobalCleanup]
    public void CleanUp()
    {
        _sdk.Dispose();
        _raw.Dispose();
        _sdkInMemory.Dispose();
        _sdkInMemoryHttp.Dispose();
        _rawInMemory.Dispose();
        _stub?.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Raw status")]
    [BenchmarkCategory("LoopbackStatus")]
    public Task<BotStatusInfo> LoopbackStatusRaw() => RawStatusAsync(_raw, _statusUrl);

    [Benchmark(Description = "SDK status")]
    [BenchmarkCategory("LoopbackStatus")]
    public Task<BotStatusInfo> LoopbackStatusSdk() => _sdk.Bots.GetStatusAsync(RestStub.BotId);

    [Benchmark(Baseline = true, Description = "Raw create")]
    [BenchmarkCategory("LoopbackCreate")]
    public Task<BotCreated> LoopbackCreateRaw() => RawCreateAsync(_raw, _createUrl);

    [Benchmark(Description = "SDK create")]
    [BenchmarkCategory("LoopbackCreate")]
    public Task<BotCreated> LoopbackCreateSdk() => _sdk.Bots.CreateAsync(CreateRequest);

    [Benchmark(Baseline = true, Description = "Raw status x32 in flight", OperationsPerInvoke = InFlight * CallsPerWorker)]
    [BenchmarkCategory("InFlight32")]
    public Task InFlightRaw() => InFlightAsync(() => RawStatusAsync(_raw, _statusUrl));

    [Benchmark(Description = "SDK status x32 in flight", OperationsPerInvoke = InFlight * CallsPerWorker)]
    [BenchmarkCategory("InFlight32")]
    public Task InFlightSdk() => InFlightAsync(() => _sdk.Bots.GetStatusAsync(RestStub.BotId));

    [Benchmark(Baseline = true, Description = "Raw status (canned handler)")]
    [BenchmarkCategory("InMemoryStatus")]
    public Task<BotStatusInfo> InMemoryStatusRaw() => RawStatusAsync(_rawInMemory, "http://api.invalid/api/v1/bots/" + RestStub.BotId + "/status");

    [Benchmark(Description = "SDK status (canned handler)")]
    [BenchmarkCategory("InMemoryStatus")]
    public Task<BotStatusInfo> InMemoryStatusSdk() => _sdkInMemory.Bots.GetStatusAsync(RestStub.BotId);

    [Benchmark(Baseline = true, Description = "Raw create (canned handler)")]
    [BenchmarkCategory("InMemoryCreate")]
    public Task<BotCreated> InMemoryCreateRaw() => RawCreateAsync(_rawInMemory, "http://api.invalid/api/v1/bots/create_bot");

    [Benchmark(Description = "SDK create (canned handler)")]
    [BenchmarkCategory("InMemoryCreate")]
    public Task<BotCreated> InMemoryCreateSdk() => _sdkInMemory.Bots.CreateAsync(CreateRequest);

    /// <summary>
    /// The SDK's resilience handler over a primary handler, as <c>new MeetStreamClient(options)</c> builds it. The one
    /// place that knows how the SDK assembles its handler chain: adjust it when that changes.
    /// </summary>
    internal static HttpMessageHandler SdkHandlerChain(MeetStreamClientOptions options, HttpMessageHandler primary) =>
        new MeetStreamResilienceHandler(options) { InnerHandler = primary };

    /// <summary>What a careful raw caller writes: the same headers as the SDK sends that matter to the API, STJ source-gen.</summary>
    private static async Task<BotStatusInfo> RawStatusAsync(HttpClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Authorization", Authorization);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        return (await JsonSerializer.DeserializeAsync(body, MeetStreamJsonContext.Default.BotStatusInfo).ConfigureAwait(false))!;
    }

    /// <summary>Raw create with an Idempotency-Key (as the SDK sends one), the body streamed by <see cref="JsonContent"/>.</summary>
    private static async Task<BotCreated> RawCreateAsync(HttpClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = JsonContent.Create(CreateRequest, MeetStreamJsonContext.Default.CreateBotRequest),
        };
        request.Headers.TryAddWithoutValidation("Authorization", Authorization);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString("D"));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        return (await JsonSerializer.DeserializeAsync(body, MeetStreamJsonContext.Default.BotCreated).ConfigureAwait(false))!;
    }

    private static Task InFlightAsync<T>(Func<Task<T>> call)
    {
        var workers = new Task[InFlight];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = Task.Run(async () =>
            {
                for (var n = 0; n < CallsPerWorker; n++)
                {
                    await call().ConfigureAwait(false);
                }
            });
        }

        return Task.WhenAll(workers);
    }
}
