using System.Net;
using MeetStream.Client.Redis.Deduplication;
using MeetStream.Client.Redis.Tests.Configuration;
using MeetStream.Client.Redis.Tests.Infrastructure;
using MeetStream.Client.Tests.Webhooks;
using StackExchange.Redis;

namespace MeetStream.Client.Redis.Tests.Inbox;

/// <summary>
/// The claim and the append in one atomic Redis step (shared deduplication and durable inbox both on): a duplicate is
/// answered as one with nothing appended, and a failed append leaves no claimed key behind.
/// </summary>
public sealed class RedisClaimAndAppendTests
{
    private const string Stream = "meetstream:webhooks:inbox";
    private const string DedupPattern = "meetstream:dedup:*";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deliver_SameEventOnOtherReplica_AnsweredDuplicateWithOneEntry()
    {
        await using var server = await RedisServer.StartAsync(Ct);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
        await using var a = await InboxReplica.StartAsync(server.ConnectionString, deduplicate: true);
        await using var b = await InboxReplica.StartAsync(server.ConnectionString, deduplicate: true);

        using var first = await a.PostAsync("m-twice");
        using var second = await b.PostAsync("m-twice");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("accepted", await first.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("duplicate", await second.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var db = redis.GetDatabase();
        Assert.Equal(1, await db.StreamLengthAsync(Stream));
        var key = Assert.Single(redis.GetServer(redis.GetEndPoints()[0]).Keys(pattern: DedupPattern));
        var ttl = await db.KeyTimeToLiveAsync(key);
        Assert.True(ttl > TimeSpan.Zero, "the claim expires");
        await Eventually.TrueAsync(() => a.Calls.Count + b.Calls.Count >= 1, "the event to be handled");
        Assert.Single(a.Calls.Concat(b.Calls));
    }

    [Fact]
    public async Task Deliver_AppendFails_NoKeyLeftAndRetryAccepted()
    {
        await using var server = await RedisServer.StartAsync(Ct);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
        var db = redis.GetDatabase();
        await using var replica = await InboxReplica.StartAsync(server.ConnectionString, deduplicate: true);
        await db.StringSetAsync(Stream, "not a stream"); // every XADD now fails with WRONGTYPE

        using (var failed = await replica.PostAsync("m-retried"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
            Assert.NotNull(failed.Headers.RetryAfter);
        }

        Assert.Empty(redis.GetServer(redis.GetEndPoints()[0]).Keys(pattern: DedupPattern));
        await db.KeyDeleteAsync(Stream);

        using var retry = await replica.PostAsync("m-retried");
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Contains("accepted", await retry.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(1, await db.StreamLengthAsync(Stream));
        await Eventually.TrueAsync(() => !replica.Calls.IsEmpty, "the retried event to be handled");
        Assert.Equal("m-retried", Assert.Single(replica.Calls).Message);
    }

    [Fact]
    public async Task Deliver_RedisKilledThenRestarted_RetryAcceptedNotDuplicate()
    {
        await using var server = await RedisServer.StartAsync(Ct);
        await using var replica = await InboxReplica.StartAsync(server.ConnectionString, deduplicate: true);

        server.Kill();
        using (var during = await replica.PostAsync("m-outage"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
            var problem = await during.Content.ReadAsStringAsync(Ct);
            Assert.Contains("DeduplicationUnavailable", problem, StringComparison.Ordinal);
            Assert.DoesNotContain(InboxReplica.Secret, problem, StringComparison.Ordinal);
        }

        await server.RestartAsync(Ct);
        string? body = null;
        await Eventually.TrueAsync(
            async () =>
            {
                using var retry = await replica.PostAsync("m-outage");
                body = await retry.Content.ReadAsStringAsync(Ct);
                return retry.StatusCode != HttpStatusCode.ServiceUnavailable;
            },
            "the inbox to accept deliveries again");

        Assert.Contains("accepted", body, StringComparison.Ordinal);
        await Eventually.TrueAsync(() => !replica.Calls.IsEmpty, "the event accepted after the restart");
        Assert.Equal("m-outage", Assert.Single(replica.Calls).Message);
    }

    [Fact]
    public async Task Deliver_ScriptCacheFlushed_StillAccepted()
    {
        await using var server = await RedisServer.StartAsync(Ct);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
        var db = redis.GetDatabase();
        await using var replica = await InboxReplica.StartAsync(server.ConnectionString, deduplicate: true);
        using (var first = await replica.PostAsync("m-before-flush"))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        await db.ExecuteAsync("SCRIPT", "FLUSH");
        using var second = await replica.PostAsync("m-after-flush");
        using var again = await replica.PostAsync("m-after-flush");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("accepted", await second.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("duplicate", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(2, await db.StreamLengthAsync(Stream));
    }

    [Fact]
    public async Task Deliver_RedisDownWithProcessBehavior_Answers503InboxUnavailable()
    {
        await using var redis = await RedisServer.StartAsync(Ct);
        var handled = new HandledEvents();
        await using var a = await RedisReplicaHost.StartAsync(redis.ConnectionString, handled, o => o.WhenDeduplicationUnavailable = RedisUnavailableBehavior.Process);
        var json = WebhookPayloads.Lifecycle("bot.inmeeting", "InMeeting", "process anyway", timestamp: "2026-03-02T00:00:00+00:00");

        redis.Kill();
        using var during = await a.Client.SendAsync(RedisReplicaHost.Signed(json), Ct);

        // Processing without a claim is allowed, but Redis cannot store the delivery either: refused, never acknowledged.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Contains("InboxUnavailable", await during.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Empty(handled.Counts);
    }
}
