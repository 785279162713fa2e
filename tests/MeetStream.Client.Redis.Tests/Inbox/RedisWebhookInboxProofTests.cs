using System.Diagnostics;
using System.Net;
using MeetStream.Client.Redis.Tests.Infrastructure;
using StackExchange.Redis;

namespace MeetStream.Client.Redis.Tests.Inbox;

/// <summary>
/// The proof: 10,000 signed deliveries (64 concurrent, 10% duplicates, shuffled) spread across two replicas
/// that share one redis-server for both the durable inbox and the deduplication (the package's own <c>UseRedis</c>);
/// once with both alive, once with one replica killed mid-run while its handler runs. Expect 0 lost.
/// </summary>
public sealed class RedisWebhookInboxProofTests
{
    private const int Distinct = 10_000;
    private const string Stream = "meetstream:webhooks:inbox";
    private const string Group = "meetstream-webhooks";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoReplicas_SharedDeduplication_EveryEventHandledExactlyOnce()
    {
        await using var server = await RedisServer.StartAsync(Ct);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
        await using var a = await InboxReplica.StartAsync(server.ConnectionString, deduplicate: true);
        await using var b = await InboxReplica.StartAsync(server.ConnectionString, deduplicate: true);
        var log = new HandlingLog();
        log.Attach(a, "A");
        log.Attach(b, "B");
        var tally = new DeliveryTally();
        var sends = Sends();
        var clock = Stopwatch.StartNew();

        // Spread by position in the shuffled order: a duplicate reaches either replica, whichever got the first copy.
        await Parallel.ForEachAsync(Enumerable.Range(0, sends.Length), new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = Ct }, async (i, _) =>
            Assert.Equal(HttpStatusCode.OK, await tally.SendAsync(i % 2 == 0 ? a : b, sends[i])));
        var sent = clock.Elapsed;
        await Eventually.TrueAsync(() => log.DistinctFinished == Distinct, "every distinct event to be handled", hangGuardSeconds: 300);
        await NothingPendingAsync(redis);

        var lost = Enumerable.Range(0, Distinct).Count(i => !log.Finished("m-" + i));
        var twice = log.StartedMoreThanOnce();
        Report($"no kill: sent {sends.Length} ({Distinct} distinct) in {sent.TotalSeconds:F1} s, all handled after {clock.Elapsed.TotalSeconds:F1} s; accepted {tally.Accepted.Count}, answered duplicate {tally.Duplicates}, 503s {tally.Unavailable}, no answer {tally.Failed}; handled {log.DistinctFinished}, lost {lost}, handled twice {twice.Length}, redeliveries {log.Redeliveries}");
        Assert.Equal(0, lost);
        Assert.Equal(Distinct, tally.Accepted.Count);
        Assert.Equal(sends.Length - Distinct, tally.Duplicates);
        Assert.Equal(0, tally.Unavailable);
        Assert.Empty(twice);
        Assert.Equal(0, log.Redeliveries);
        Assert.Equal(Distinct, log.StartCount);
    }

    [Fact]
    public async Task TwoReplicas_OneKilledWhileItsHandlerRuns_NoEventLostRepeatsOnlyMarkedRedeliveries()
    {
        await using var server = await RedisServer.StartAsync(Ct);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);

        // B claims the killed replica's entries once they are idle 10 s: long enough that a loaded machine never
        // makes a live replica's entries look abandoned (each renews its hold every 3.3 s).
        void Claiming(MeetStream.Client.Redis.Inbox.RedisWebhookInboxOptions o) => o.ClaimIdleTime = TimeSpan.FromSeconds(10);
        await using var a = await InboxReplica.StartAsync(server.ConnectionString, Claiming, deduplicate: true);
        await using var b = await InboxReplica.StartAsync(server.ConnectionString, Claiming, deduplicate: true);

        // Once the kill is armed, A's next handler runs until it is cancelled: the kill always interrupts a handler.
        var stall = 0;
        var stalled = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        a.Behaviour = async (message, _, ct) =>
        {
            if (Volatile.Read(ref stall) == 1)
            {
                stalled.TrySetResult(message);
                await Task.Delay(Timeout.Infinite, ct);
            }

            await Task.Yield();
        };
        b.Behaviour = static async (_, _, _) => await Task.Yield();
        var log = new HandlingLog();
        log.Attach(a, "A");
        log.Attach(b, "B");
        var tally = new DeliveryTally();
        var sends = Sends();
        var killAfter = sends.Length / 4;
        var killing = 0;
        var killed = 0;
        var resent = 0;
        var stalledMessage = string.Empty;
        var clock = Stopwatch.StartNew();

        await Parallel.ForEachAsync(Enumerable.Range(0, sends.Length), new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = Ct }, async (i, _) =>
        {
            if (tally.Accepted.Count >= killAfter && Interlocked.Exchange(ref killing, 1) == 0)
            {
                Volatile.Write(ref stall, 1);
                stalledMessage = await stalled.Task.WaitAsync(TimeSpan.FromSeconds(120), Ct);
                await a.KillAsync();
                Volatile.Write(ref killed, 1);
            }

            var target = i % 2 == 0 && Volatile.Read(ref killed) == 0 ? a : b;
            if (await tally.SendAsync(target, sends[i]) != HttpStatusCode.OK)
            {
                // Like a load balancer after a failed attempt: the surviving replica gets it.
                Interlocked.Increment(ref resent);
                Assert.Equal(HttpStatusCode.OK, await tally.SendAsync(b, sends[i]));
            }
        });
        var sent = clock.Elapsed;
        await Eventually.TrueAsync(() => log.DistinctFinished == Distinct, "every distinct event to be handled", hangGuardSeconds: 300);
        await NothingPendingAsync(redis);

        var lost = Enumerable.Range(0, Distinct).Count(i => !log.Finished("m-" + i));
        var twice = log.StartedMoreThanOnce();
        Report($"kill: replica A killed after {killAfter} accepted deliveries while handling {stalledMessage}; sent {sends.Length} ({Distinct} distinct) in {sent.TotalSeconds:F1} s, all handled after {clock.Elapsed.TotalSeconds:F1} s; accepted {tally.Accepted.Count}, answered duplicate {tally.Duplicates}, 503s {tally.Unavailable}, no answer {tally.Failed}, resent to B {resent}; handled {log.DistinctFinished}, lost {lost}, handled twice {twice.Length}, redeliveries {log.Redeliveries}");
        Assert.Equal(1, Volatile.Read(ref killed));
        Assert.Equal(0, lost);

        // Sender duplicates never run twice (shared deduplication); an event runs again only after its handler on the
        // killed replica A was interrupted, and every repeat is marked as a redelivery.
        foreach (var message in twice)
        {
            var starts = log.Starts(message);
            var first = Assert.Single(starts, s => s.DeliveryCount == 1);
            Assert.Equal("A", first.Replica);
            Assert.All(starts.Where(s => s != first), s => Assert.True(s.DeliveryCount > 1, $"{message}: a repeat not marked as a redelivery"));
        }

        // A runs one handler at a time and it was stalled when killed: that interrupted handler's event is the only one
        // that ran twice, and it ran again on B, marked. The rest of A's unfinished batch is redelivered, handled once.
        Assert.Equal([stalledMessage], twice);
        Assert.Contains(log.Starts(stalledMessage), s => s.Replica == "B" && s.DeliveryCount > 1);
        Assert.True(log.Finished(stalledMessage));
    }

    // Every event once, 10% twice, shuffled.
    private static string[] Sends()
    {
        var sends = Enumerable.Range(0, Distinct).Select(i => "m-" + i).Concat(Enumerable.Range(0, Distinct / 10).Select(i => "m-" + (i * 10))).ToArray();
        Random.Shared.Shuffle(sends);
        return sends;
    }

    // Nothing left unacknowledged, so no redelivery can still come after the counts are taken.
    private static Task NothingPendingAsync(ConnectionMultiplexer redis) =>
        Eventually.TrueAsync(async () => (await redis.GetDatabase().StreamPendingAsync(Stream, Group)).PendingMessageCount == 0, "every entry to be acknowledged", hangGuardSeconds: 120);

    private static void Report(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);
}
