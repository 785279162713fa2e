using System.Diagnostics;
using System.Net;
using MeetStream.Client.Redis.Tests.Infrastructure;
using StackExchange.Redis;

namespace MeetStream.Client.Redis.Tests.Inbox;

/// <summary>
/// The outage proof: redis-server (persistent: append-only file, fsync before every reply) is killed and
/// restarted while deliveries flow to two replicas. Deliveries during the outage get 503, every delivery answered 200
/// is handled, and the inbox resumes after the restart.
/// </summary>
public sealed class RedisWebhookInboxOutageTests
{
    private const string Stream = "meetstream:webhooks:inbox";
    private const string Group = "meetstream-webhooks";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deliveries_RedisKilledAndRestarted_OutageAnswered503NothingAcknowledgedLostInboxResumes()
    {
        await using var server = await RedisServer.StartAsync(persistent: true, Ct);

        // No claiming within the test (10 minutes): a replica must resume its own unfinished entries by itself after
        // the restart, not wait for another replica to claim them.
        static void NoClaims(MeetStream.Client.Redis.Inbox.RedisWebhookInboxOptions o) => o.ClaimIdleTime = TimeSpan.FromMinutes(10);
        await using var a = await InboxReplica.StartAsync(server.ConnectionString, NoClaims);
        await using var b = await InboxReplica.StartAsync(server.ConnectionString, NoClaims);
        a.Behaviour = static async (_, _, _) => await Task.Yield();
        b.Behaviour = a.Behaviour;
        var log = new HandlingLog();
        log.Attach(a, "A");
        log.Attach(b, "B");
        var before = new DeliveryTally();
        var during = new DeliveryTally();
        var after = new DeliveryTally();
        var phase = before;
        var next = -1;
        using var stop = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();

        // 16 senders, each posting distinct events in turn to A and B, counted by the phase they were sent in.
        var senders = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref next);
                await Volatile.Read(ref phase).SendAsync(n % 2 == 0 ? a : b, "m-" + n);
            }
        })).ToArray();

        await Eventually.TrueAsync(() => before.Accepted.Count >= 300, "300 deliveries accepted before the outage");
        Volatile.Write(ref phase, during);
        server.Kill();
        var killedAt = clock.Elapsed;
        await Eventually.TrueAsync(() => during.Unavailable >= 50, "50 deliveries refused during the outage");
        await server.RestartAsync(Ct);
        var restartedAt = clock.Elapsed;
        Volatile.Write(ref phase, after);
        await Eventually.TrueAsync(() => after.Accepted.Count >= 300, "300 deliveries accepted after the restart", hangGuardSeconds: 120);
        await stop.CancelAsync();
        await Task.WhenAll(senders);

        var acknowledged = before.Accepted.Keys.Concat(during.Accepted.Keys).Concat(after.Accepted.Keys).ToArray();
        await Eventually.TrueAsync(() => acknowledged.All(log.Finished), "every delivery answered 200 to be handled", hangGuardSeconds: 120);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
        await Eventually.TrueAsync(async () => (await redis.GetDatabase().StreamPendingAsync(Stream, Group)).PendingMessageCount == 0, "every entry to be acknowledged", hangGuardSeconds: 120);

        var lost = acknowledged.Count(m => !log.Finished(m));
        var twice = log.StartedMoreThanOnce();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"outage: Redis killed at {killedAt.TotalSeconds:F1} s, restarted at {restartedAt.TotalSeconds:F1} s, done at {clock.Elapsed.TotalSeconds:F1} s; " +
            $"before: accepted {before.Accepted.Count}, 503s {before.Unavailable}; during: accepted {during.Accepted.Count}, 503s {during.Unavailable}; " +
            $"after restart: accepted {after.Accepted.Count}, 503s while reconnecting {after.Unavailable}; answered 200 {acknowledged.Length}, handled {log.DistinctFinished}, lost {lost}, handled twice {twice.Length}, redeliveries {log.Redeliveries}");
        Assert.Equal(0, lost);
        Assert.True(during.Unavailable >= 50);
        Assert.True(after.Accepted.Count >= 300);
        Assert.Equal(0, before.Failed + during.Failed + after.Failed);

        // An entry handled while Redis could not take its XACK is acknowledged later, not handled again.
        Assert.Empty(twice);
    }
}
