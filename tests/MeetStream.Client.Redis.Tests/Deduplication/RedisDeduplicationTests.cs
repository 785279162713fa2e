using System.Net;
using MeetStream.Client.Redis.Deduplication;
using MeetStream.Client.Redis.Tests.Configuration;
using MeetStream.Client.Redis.Tests.Infrastructure;
using MeetStream.Client.Tests.Webhooks;
using StackExchange.Redis;

namespace MeetStream.Client.Redis.Tests.Deduplication;

/// <summary>Two real Kestrel replicas sharing one real redis-server: a duplicate reaching either replica is handled once.</summary>
public sealed class RedisDeduplicationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Event(int i) =>
        WebhookPayloads.Lifecycle("bot.inmeeting", "InMeeting", $"Bot joined {i}", timestamp: $"2026-02-27T07:11:{i % 60:00}.{i:000000}+00:00");

    [Fact]
    public async Task Deliver_SameEventToBothReplicas_HandledOnceAndSecondAnsweredDuplicate()
    {
        await using var redis = await RedisServer.StartAsync(Ct);
        var handled = new HandledEvents();
        await using var a = await RedisReplicaHost.StartAsync(redis.ConnectionString, handled);
        await using var b = await RedisReplicaHost.StartAsync(redis.ConnectionString, handled);

        using var first = await a.Client.SendAsync(RedisReplicaHost.Signed(Event(1)), Ct);
        using var second = await b.Client.SendAsync(RedisReplicaHost.Signed(Event(1)), Ct);
        using var other = await b.Client.SendAsync(RedisReplicaHost.Signed(Event(2)), Ct);
        await handled.WaitForAsync(2);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("accepted", await first.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("duplicate", await second.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(2, handled.Counts.Count);
        Assert.All(handled.Counts.Values, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task Deliver_ConcurrentDuplicatesSpreadOverReplicas_EachEventHandledExactlyOnce()
    {
        const int Distinct = 200;
        const int Copies = 3;
        await using var redis = await RedisServer.StartAsync(Ct);
        var handled = new HandledEvents();
        await using var a = await RedisReplicaHost.StartAsync(redis.ConnectionString, handled);
        await using var b = await RedisReplicaHost.StartAsync(redis.ConnectionString, handled);
        var deliveries = Enumerable.Range(0, Distinct).SelectMany(i => Enumerable.Range(0, Copies).Select(c => (Event: i, Copy: c))).ToArray();
        Random.Shared.Shuffle(deliveries);

        var statuses = new HttpStatusCode[deliveries.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, deliveries.Length), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = Ct }, async (n, ct) =>
        {
            var replica = (n + deliveries[n].Copy) % 2 == 0 ? a : b;
            using var response = await replica.Client.SendAsync(RedisReplicaHost.Signed(Event(deliveries[n].Event)), ct);
            statuses[n] = response.StatusCode;
        });
        await handled.WaitForAsync(Distinct);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(Distinct, handled.Counts.Count);
        Assert.All(handled.Counts.Values, n => Assert.Equal(1, n));
        Assert.Equal(Distinct, handled.Total);
    }

    [Fact]
    public async Task Deliver_KeyPrefixConfigured_ClaimStoredUnderThePrefixWithExpiry()
    {
        await using var redis = await RedisServer.StartAsync(Ct);
        await using var a = await RedisReplicaHost.StartAsync(redis.ConnectionString, redis: o =>
        {
            o.KeyPrefix = "tenant-a:";
            o.DeduplicationExpiry = TimeSpan.FromMinutes(7);
        });

        using var response = await a.Client.SendAsync(RedisReplicaHost.Signed(Event(3)), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var keys = connection.GetServer(connection.GetEndPoints()[0]).Keys(pattern: "*").Select(k => k.ToString()).ToArray();
        Assert.All(keys, k => Assert.StartsWith("tenant-a:", k, StringComparison.Ordinal));
        Assert.Contains("tenant-a:webhooks:inbox", keys); // the inbox follows the prefix too
        var key = Assert.Single(keys, k => k.Contains(":dedup:", StringComparison.Ordinal));
        Assert.StartsWith("tenant-a:dedup:", key, StringComparison.Ordinal);
        var ttl = await connection.GetDatabase().KeyTimeToLiveAsync(key);
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromMinutes(6), TimeSpan.FromMinutes(7));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Deliver_RedisDown_Answers503ThenAcceptsAfterRestart(bool inbox)
    {
        await using var redis = await RedisServer.StartAsync(Ct);
        var handled = new HandledEvents();
        await using var a = await RedisReplicaHost.StartAsync(redis.ConnectionString, handled, o => o.EnableInbox = inbox);
        using (var before = await a.Client.SendAsync(RedisReplicaHost.Signed(Event(10)), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await handled.WaitForAsync(1); // with the inbox, stored entries live in Redis (no persistence here) until handled

        redis.Kill();
        using var during = await a.Client.SendAsync(RedisReplicaHost.Signed(Event(11)), Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Contains("DeduplicationUnavailable", await during.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.True(during.Headers.RetryAfter is not null);

        await redis.RestartAsync(Ct);
        var after = await SendUntilNot503Async(a, Event(11));
        Assert.Equal(HttpStatusCode.OK, after);
        await handled.WaitForAsync(2);
        Assert.Equal(2, handled.Counts.Count);
    }

    [Fact]
    public async Task Deliver_RedisDownWithProcessBehavior_AcceptsAndHandles()
    {
        await using var redis = await RedisServer.StartAsync(Ct);
        var handled = new HandledEvents();
        await using var a = await RedisReplicaHost.StartAsync(redis.ConnectionString, handled, o =>
        {
            o.WhenDeduplicationUnavailable = RedisUnavailableBehavior.Process;
            o.EnableInbox = false; // deduplication only: with the inbox on, Redis could not store the delivery either
        });
        using (var before = await a.Client.SendAsync(RedisReplicaHost.Signed(Event(20)), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        redis.Kill();
        using var during = await a.Client.SendAsync(RedisReplicaHost.Signed(Event(21)), Ct);
        await handled.WaitForAsync(2);

        Assert.Equal(HttpStatusCode.OK, during.StatusCode);
        Assert.Equal(2, handled.Counts.Count);
    }

    [Fact]
    public async Task StartAsync_RedisDownAtStart_HostStartsRefusesWith503ThenAcceptsOnceRedisIsUp()
    {
        await using var redis = await RedisServer.StartAsync(Ct);
        redis.Kill();
        var handled = new HandledEvents();
        await using var a = await RedisReplicaHost.StartAsync(redis.ConnectionString, handled);

        using var during = await a.Client.SendAsync(RedisReplicaHost.Signed(Event(30)), Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);

        await redis.RestartAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, await SendUntilNot503Async(a, Event(30)));
        await handled.WaitForAsync(1);
        Assert.Equal(1, handled.Total);
    }

    // After a restart the multiplexer reconnects on its own schedule: retry a delivery until it is no longer refused
    // (each 503 leaves nothing claimed), with a hang guard only.
    private static async Task<HttpStatusCode> SendUntilNot503Async(RedisReplicaHost host, string json)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        guard.CancelAfter(TimeSpan.FromSeconds(60));
        while (true)
        {
            using var response = await host.Client.SendAsync(RedisReplicaHost.Signed(json), guard.Token);
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
            {
                return response.StatusCode;
            }

            await Task.Yield();
        }
    }
}
