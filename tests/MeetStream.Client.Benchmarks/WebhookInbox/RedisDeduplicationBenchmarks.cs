using System.Globalization;
using BenchmarkDotNet.Attributes;
using MeetStream.Client.Redis.Tests.Infrastructure;
using MeetStream.Client.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace MeetStream.Client.Benchmarks.WebhookInbox;

/// <summary>
/// Claiming a new deduplication key: the Redis store (one <c>SET {prefix}dedup:{key} 1 NX PX expiry</c> round trip to a
/// real redis-server on loopback, resolved from <c>AddMeetStreamWebhooks(...).UseRedis(...)</c> as an application gets
/// it) against the in-memory store (the default) in the same run. Every call claims a key not seen before in the run.
/// </summary>
[MemoryDiagnoser]
public class RedisDeduplicationBenchmarks
{
    private const int Keys = 1 << 20;
    private readonly string[] _keys = new string[Keys];
    private RedisServer _server = null!;
    private ServiceProvider _services = null!;
    private IWebhookDeduplicationStore _redis = null!;
    private InMemoryWebhookDeduplicationStore _memory = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < Keys; i++)
        {
            // The parser's shape for keyed events: a short prefix and a hash.
            _keys[i] = "k1:" + Guid.NewGuid().ToString("N") + i.ToString("x", CultureInfo.InvariantCulture);
        }

        _server = RedisServer.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMeetStreamWebhooks(o => o.SigningSecrets.Add("whsec_benchmark")).UseRedis(_server.ConnectionString);
        _services = services.BuildServiceProvider();
        _redis = _services.GetRequiredService<IWebhookDeduplicationStore>();
        _memory = new InMemoryWebhookDeduplicationStore();
        if (!_redis.TryClaimAsync("warm-up", CancellationToken.None).AsTask().GetAwaiter().GetResult())
        {
            throw new InvalidOperationException("The Redis store did not claim a new key.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "In-memory store: claim a new key")]
    public ValueTask<bool> InMemoryClaim() => _memory.TryClaimAsync(NextKey());

    [Benchmark(Description = "Redis store: SET NX PX round trip")]
    public ValueTask<bool> RedisClaim() => _redis.TryClaimAsync(NextKey());

    private string NextKey() => _keys[(_next++) & (Keys - 1)];
}
