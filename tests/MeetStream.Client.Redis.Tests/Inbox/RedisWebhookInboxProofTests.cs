using System.Collections.Concurrent;
using System.Net;
using MeetStream.Client.Redis.Tests.Infrastructure;

namespace MeetStream.Client.Redis.Tests.Inbox;

/// <summary>
/// The proof: 10,000 signed deliveries (64 concurrent, 10% duplicates, shuffled) spread across two replicas
/// sharing one redis-server, one replica killed mid-run. Expect 0 lost.
/// </summary>
public sealed class RedisWebhookInboxProofTests
{
    private const int Distinct = 10_000;

    [Fact]
    public async Task TwoReplicas_OneKilledMidRun_NoEventLost()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RedisServer.StartAsync(ct);
        void Claiming(MeetStream.Client.Redis.Inbox.RedisWebhookInboxOptions o) => o.ClaimIdleTime = TimeSpan.FromMilliseconds(500);
        await using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
        var shared = new SharedTestDeduplicationStore(redis);
        await using var a = await InboxReplica.StartAsync(server.ConnectionString, Claiming, deduplicate: true, deduplicationStore: shared);
        await using var b = await InboxReplica.StartAsync(server.ConnectionString, Claiming, deduplicate: true, deduplicationStore: shared);
        var handled = new ConcurrentDictionary<string, ConcurrentBag<int>>();
        void Record(string message, MeetStream.Client.Redis.Inbox.RedisWebhookDelivery delivery) => handled.GetOrAdd(message, _ => []).Add(delivery.DeliveryCount);
        a.Handled = Record;
        b.Handled = Record;
        a.Behaviour = static async (_, _, ct) => await Task.Yield();
        b.Behaviour = a.Behaviour;

        // Every event once, 10% twice, shuffled; sender duplicates are recognised by a shared deduplication store.
        var sends = Enumerable.Range(0, Distinct).Select(i => "m-" + i).Concat(Enumerable.Range(0, Distinct / 10).Select(i => "m-" + (i * 10))).ToArray();
        Random.Shared.Shuffle(sends);
        var killed = 0;
        var resent = new ConcurrentDictionary<string, bool>();
        var accepted = 0;
        var handledBeforeKill = -1;
        await Parallel.ForEachAsync(sends, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = ct }, async (message, _) =>
        {
            var number = int.Parse(message.AsSpan(2), System.Globalization.CultureInfo.InvariantCulture);
            var target = number % 2 == 0 ? a : b;
            if (Volatile.Read(ref accepted) >= sends.Length / 4 && Interlocked.Exchange(ref killed, 1) == 0)
            {
                handledBeforeKill = handled.Count;
                await a.KillAsync();
            }

            if (target == a && Volatile.Read(ref killed) == 1)
            {
                target = b;
            }

            try
            {
                using var response = await target.PostAsync(message);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref accepted);
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }

            // Like a load balancer after a failed attempt: send it to the surviving replica.
            resent[message] = true;
            using var retry = await b.PostAsync(message);
            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
            Interlocked.Increment(ref accepted);
        });

        await Eventually.TrueAsync(() => handled.Count == Distinct, "every distinct event to be handled", hangGuardSeconds: 300);

        var lost = Enumerable.Range(0, Distinct).Count(i => !handled.ContainsKey("m-" + i));
        var duplicates = handled.Values.Sum(c => c.Count - 1);
        var firstTimeTwice = handled.Where(p => !resent.ContainsKey(p.Key) && p.Value.Count(c => c == 1) > 1).Select(p => p.Key).ToArray();
        var markedRedeliveries = handled.Values.Sum(c => c.Count(n => n > 1));
        TestContext.Current.TestOutputHelper?.WriteLine($"killed replica A after {sends.Length / 4} accepted deliveries ({handledBeforeKill} handled so far); sent {sends.Length}, accepted {accepted}, resent after the kill {resent.Count}, distinct handled {handled.Count}, lost {lost}, handled more than once {duplicates}, of them marked as redeliveries {markedRedeliveries}");
        Assert.Equal(1, killed);
        Assert.Equal(0, lost);
        Assert.Empty(firstTimeTwice);
    }
}
