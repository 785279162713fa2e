using System.Net;
using System.Text;
using MeetStream.Client.Redis.Inbox;
using MeetStream.Client.Redis.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace MeetStream.Client.Redis.Tests.Inbox;

/// <summary>The durable inbox end to end: real redis-server, real Kestrel replicas, real HTTP deliveries.</summary>
public sealed class RedisWebhookInboxTests
{
    private const string Stream = "meetstream:webhooks:inbox";
    private const string Group = "meetstream-webhooks";
    private const string DeadStream = "meetstream:webhooks:dead";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Append_HandlerSucceeds_StoredBeforeAckedAfterWithCountOne()
    {
        await using var server = await RedisServer.StartAsync(Ct);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
        await using var replica = await InboxReplica.StartAsync(server.ConnectionString);
        var db = redis.GetDatabase();
        var release = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        replica.Behaviour = async (_, _, _) =>
        {
            started.TrySetResult();
            await release.Task;
        };

        using var response = await replica.PostAsync("m-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entries = await db.StreamRangeAsync(Stream);
        var entry = Assert.Single(entries);
        Assert.Contains("\"message\":\"m-1\"", Encoding.UTF8.GetString((byte[])entry["body"]!), StringComparison.Ordinal);
        Assert.Equal("application/json", (string?)entry["h:content-type"]);
        Assert.True((long)entry["received"] > 0);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);
        Assert.Equal(1, (await db.StreamPendingAsync(Stream, Group)).PendingMessageCount);

        release.SetResult();
        await Eventually.TrueAsync(async () => (await db.StreamPendingAsync(Stream, Group)).PendingMessageCount == 0, "the entry to be acknowledged");
        Assert.Equal([("m-1", 1)], replica.Calls.ToArray());
    }

    [Fact]
    public async Task Consume_ReplicaDiesDuringHandler_OtherReplicaRedeliversWithCountTwo()
    {
        await using var server = await RedisServer.StartAsync(Ct);
        await using var a = await InboxReplica.StartAsync(server.ConnectionString);
        var started = new TaskCompletionSource();
        a.Behaviour = async (_, _, ct) =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        };
        using (var response = await a.PostAsync("m-dies"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await started.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);
        await a.KillAsync();

        await using var b = await InboxReplica.StartAsync(server.ConnectionString, o => o.ClaimIdleTime = TimeSpan.FromMilliseconds(200));
        var redelivered = new TaskCompletionSource<RedisWebhookDelivery>();
        b.Handled = (_, delivery) => redelivered.TrySetResult(delivery);
        var delivery = await redelivered.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);

        Assert.Equal(2, delivery.DeliveryCount);
        Assert.True(delivery.IsRedelivery);
        Assert.Equal([("m-dies", 1)], a.Calls.ToArray());
        Assert.Equal([("m-dies", 2)], b.Calls.ToArray());
    }

    [Fact]
    public async Task Consume_HandlerAlwaysFails_DeadLetteredAfterMaxAttemptsThenReplayHandlesIt()
    {
        await using var server = await RedisServer.StartAsync(Ct);
        await using var replica = await InboxReplica.StartAsync(server.ConnectionString, o =>
        {
            o.MaxDeliveryAttempts = 3;
            o.ClaimIdleTime = TimeSpan.FromMilliseconds(100);
        });
        var failing = true;
        replica.Behaviour = (_, _, _) => Volatile.Read(ref failing) ? throw new InvalidOperationException("poison") : Task.CompletedTask;
        var deadLetters = replica.App.Services.GetRequiredService<RedisWebhookDeadLetters>();

        using (var response = await replica.PostAsync("m-poison"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await Eventually.TrueAsync(async () => await deadLetters.CountAsync() == 1, "the entry to be dead-lettered");
        Assert.Equal([("m-poison", 1), ("m-poison", 2), ("m-poison", 3)], replica.Calls.ToArray());
        var dead = Assert.Single(await deadLetters.ListAsync());
        Assert.Equal(3, dead.DeliveryCount);
        Assert.Equal("UnknownWebhookEvent", dead.EventType);
        Assert.Contains("3", dead.Reason, StringComparison.Ordinal);
        Assert.Contains("m-poison", Encoding.UTF8.GetString(dead.Body.Span), StringComparison.Ordinal);
        Assert.NotEqual(default, dead.ReceivedAt);

        Volatile.Write(ref failing, false);
        var handled = new TaskCompletionSource<RedisWebhookDelivery>();
        replica.Handled = (_, delivery) => handled.TrySetResult(delivery);
        Assert.True(await deadLetters.ReplayAsync(dead.Id));
        var replayed = await handled.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);

        Assert.Equal(1, replayed.DeliveryCount);
        Assert.Equal(0, await deadLetters.CountAsync());
        Assert.False(await deadLetters.ReplayAsync(dead.Id));
    }

    [Fact]
    public async Task Append_RedisKilled_Answers503ThenResumesAfterRestart()
    {
        await using var server = await RedisServer.StartAsync(Ct);
        await using var replica = await InboxReplica.StartAsync(server.ConnectionString);
        var handled = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>();
        replica.Handled = (message, _) => handled[message] = true;
        using (var before = await replica.PostAsync("m-before"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await Eventually.TrueAsync(() => handled.ContainsKey("m-before"), "the first event");

        server.Kill();
        using (var during = await replica.PostAsync("m-during"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
            var problem = await during.Content.ReadAsStringAsync(Ct);
            Assert.Contains("InboxUnavailable", problem, StringComparison.Ordinal);
            Assert.DoesNotContain(InboxReplica.Secret, problem, StringComparison.Ordinal);
            Assert.NotNull(during.Headers.RetryAfter);
        }

        await server.RestartAsync(Ct);

        // MeetStream's sender retries a 503; do the same until the reconnected inbox stores it.
        var status = HttpStatusCode.ServiceUnavailable;
        await Eventually.TrueAsync(
            async () =>
            {
                using var retry = await replica.PostAsync("m-after");
                status = retry.StatusCode;
                return status != HttpStatusCode.ServiceUnavailable;
            },
            "the inbox to accept deliveries again");
        Assert.Equal(HttpStatusCode.OK, status);
        await Eventually.TrueAsync(() => handled.ContainsKey("m-after"), "the event accepted after the restart");
        Assert.False(handled.ContainsKey("m-during"));
    }

    [Fact]
    public async Task Consume_TwoReplicas_EveryDeliveryHandledExactlyOnce()
    {
        const int Count = 200;
        await using var server = await RedisServer.StartAsync(Ct);
        await using var a = await InboxReplica.StartAsync(server.ConnectionString);
        await using var b = await InboxReplica.StartAsync(server.ConnectionString);

        await Parallel.ForEachAsync(Enumerable.Range(0, Count), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = Ct }, async (i, _) =>
        {
            using var response = await (i % 2 == 0 ? a : b).PostAsync("m-" + i);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        });

        await Eventually.TrueAsync(() => a.Calls.Count + b.Calls.Count >= Count, "every event to be handled");
        var all = a.Calls.Concat(b.Calls).ToArray();
        Assert.Equal(Count, all.Length);
        Assert.Equal(Count, all.Select(c => c.Message).Distinct().Count());
        Assert.All(all, c => Assert.Equal(1, c.DeliveryCount));
    }

    [Fact]
    public async Task Start_InvalidOptions_FailsNamingEverySetting()
    {
        await using var server = await RedisServer.StartAsync(Ct);
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => InboxReplica.StartAsync(server.ConnectionString, o =>
        {
            o.MaxDeliveryAttempts = 0;
            o.ClaimIdleTime = TimeSpan.Zero;
            o.DeadLetterStreamKey = o.StreamKey;
            o.ReadBatchSize = 0;
        }));

        Assert.Contains("MaxDeliveryAttempts", error.Message, StringComparison.Ordinal);
        Assert.Contains("ClaimIdleTime", error.Message, StringComparison.Ordinal);
        Assert.Contains("DeadLetterStreamKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("ReadBatchSize", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeadLetters_BadArguments_ThrowTypedErrors()
    {
        await using var server = await RedisServer.StartAsync(Ct);
        await using var replica = await InboxReplica.StartAsync(server.ConnectionString);
        var deadLetters = replica.App.Services.GetRequiredService<RedisWebhookDeadLetters>();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => deadLetters.ListAsync(0));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => deadLetters.ReplayAsync(" "));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => deadLetters.DeleteAsync(string.Empty));
        Assert.False(await deadLetters.DeleteAsync("1-0"));
        Assert.False(await deadLetters.ReplayAsync("1"));
        var malformed = await Assert.ThrowsAsync<ArgumentException>(() => deadLetters.ReplayAsync("not-an-id"));
        Assert.Equal("id", malformed.ParamName);
        Assert.Contains("not-an-id", malformed.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => deadLetters.DeleteAsync("12-"));
        await Assert.ThrowsAsync<ArgumentException>(() => deadLetters.ReplayAsync("-1"));
        Assert.Empty(await deadLetters.ListAsync());
    }

    [Fact]
    public async Task ReplayAsync_SameDeadLetterReplayedConcurrently_AppendedOnce()
    {
        await using var server = await RedisServer.StartAsync(Ct);
        await using var replica = await InboxReplica.StartAsync(server.ConnectionString);
        var deadLetters = replica.App.Services.GetRequiredService<RedisWebhookDeadLetters>();
        await using var redis = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
        var database = redis.GetDatabase();
        // Two dead letters, so the stream is not emptied by the first replay (a "stream not empty" guard is not enough).
        var body = InboxReplica.Body("m-dead");
        var id = (string)(await database.StreamAddAsync(DeadStream, [new("body", body), new("event", "test.inbox"), new("dl:count", 5), new("dl:reason", "test")]))!;
        await database.StreamAddAsync(DeadStream, [new("body", InboxReplica.Body("m-other")), new("event", "test.inbox"), new("dl:count", 5)]);
        var handled = new TaskCompletionSource<RedisWebhookDelivery>(TaskCreationOptions.RunContinuationsAsynchronously);
        replica.Handled = (message, delivery) =>
        {
            if (message == "m-dead")
            {
                handled.TrySetResult(delivery);
            }
        };

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => deadLetters.ReplayAsync(id), Ct)));

        Assert.Single(results, replayed => replayed);
        Assert.Equal(1, await database.StreamLengthAsync(Stream));
        Assert.Equal(1, await deadLetters.CountAsync());
        Assert.Equal(1, (await handled.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct)).DeliveryCount);
    }
}
