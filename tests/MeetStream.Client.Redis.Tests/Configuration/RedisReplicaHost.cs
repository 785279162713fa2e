using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using MeetStream.Client.AspNetCore;
using MeetStream.Client.Redis.Configuration;
using MeetStream.Client.TestSupport.Hosting;
using MeetStream.Client.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeetStream.Client.Redis.Tests.Configuration;

/// <summary>
/// One replica: a real Kestrel host on a free loopback port with the MeetStream webhook endpoint on
/// <c>UseRedis(...)</c>, a real <see cref="HttpClient"/> pointed at it, and the deduplication keys its handler saw
/// (written into a <see cref="HandledEvents"/> that several replicas may share).
/// </summary>
internal sealed class RedisReplicaHost : IAsyncDisposable
{
    public const string Secret = "whsec_redis_test";
    public const string Path = "/webhooks/meetstream";

    private RedisReplicaHost(WebApplication app, Uri address)
    {
        App = app;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public static async Task<RedisReplicaHost> StartAsync(
        string connectionString,
        HandledEvents? handled = null,
        Action<MeetStreamRedisOptions>? redis = null,
        Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var webhooks = builder.Services.AddMeetStreamWebhooks(options => options.SigningSecrets.Add(Secret));
        if (handled is not null)
        {
            webhooks.On<WebhookEvent>((e, _) =>
            {
                handled.Add(e.DeduplicationKey ?? string.Empty);
                return Task.CompletedTask;
            });
        }

        webhooks.UseRedis(connectionString, redis);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapMeetStreamWebhooks(Path);
        try
        {
            await app.StartAsync(TestContext.Current.CancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new RedisReplicaHost(app, LoopbackKestrel.Address(app));
    }

    public static HttpRequestMessage Signed(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(WebhookValidator.SignatureHeaderName, WebhookValidator.ComputeSignature(body, Secret));
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
    }
}

/// <summary>Counts handled events by deduplication key across replicas and signals when a number of them were handled.</summary>
internal sealed class HandledEvents
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];
    private int _total;

    public IReadOnlyDictionary<string, int> Counts => _counts;

    public int Total => Volatile.Read(ref _total);

    public void Add(string key)
    {
        _counts.AddOrUpdate(key, 1, static (_, n) => n + 1);
        var total = Interlocked.Increment(ref _total);
        lock (_waiters)
        {
            foreach (var waiter in _waiters.Where(w => total >= w.Count))
            {
                waiter.Reached.TrySetResult();
            }
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> events were handled (a 60 s hang guard only). Each call waits on its own.</summary>
    public Task WaitForAsync(int count)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            _waiters.Add((count, reached));
            if (Total >= count)
            {
                reached.TrySetResult();
            }
        }

        return reached.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
    }
}
