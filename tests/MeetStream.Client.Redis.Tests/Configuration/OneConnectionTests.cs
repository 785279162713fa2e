using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using MeetStream.Client.Redis.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace MeetStream.Client.Redis.Tests.Configuration;

/// <summary>
/// One application, one Redis connection: the webhook side (<c>UseRedis</c>) and the bridge (<c>UseRedisSessions</c>)
/// share it, an application's own multiplexer is used and never disposed, and the wiring mistakes fail the start-up
/// with a plain sentence. Real redis-server, real Kestrel.
/// </summary>
public sealed class OneConnectionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_WebhooksAndSessionsOnRedis_OneMultiplexerOnTheServer()
    {
        await using var redis = await RedisServer.StartAsync(Ct);
        var connectionString = redis.ConnectionString + ",name=one-app";
        await using var host = ScaleOutHost.Build((webhooks, bridge) =>
        {
            webhooks.UseRedis(connectionString);
            ScaleOutHost.Handler(bridge).UseRedisSessions(o => o.ReplicaId = "replica-one");
        });
        await host.StartAsync();

        using (var response = await host.PostAsync("m-1"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await host.Handled.WaitForAsync(1); // dedup claim, inbox append and consumer all ran
        Assert.Null(await host.Commands.FindReplicaAsync("no-such-bot", Ct)); // the session directory ran too

        await using var probe = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",name=probe,allowAdmin=true");
        var clients = (await probe.GetServer(probe.GetEndPoints()[0]).ClientListAsync()).Where(c => c.Name == "one-app").ToArray();

        // One multiplexer is one interactive connection plus one pub/sub connection (three slices used to open three).
        Assert.Equal(2, clients.Length);
        Assert.Single(clients, c => c.SubscriptionCount > 0);
        Assert.Same(host.App.Services.GetRequiredService<Redis.Configuration.RedisConnection>(), host.App.Services.GetRequiredService<Redis.Configuration.RedisConnection>());
    }

    [Fact]
    public async Task UseRedis_OwnMultiplexer_UsedForEverythingAndNeverDisposed()
    {
        await using var redis = await RedisServer.StartAsync(Ct);
        await using var own = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",name=own-mux,allowAdmin=true");
        var calls = 0;
        var host = ScaleOutHost.Build((webhooks, bridge) =>
        {
            webhooks.UseRedis(_ =>
            {
                Interlocked.Increment(ref calls);
                return own;
            });
            ScaleOutHost.Handler(bridge).UseRedisSessions(o => o.ReplicaId = "replica-own");
        });
        await host.StartAsync();
        using (var response = await host.PostAsync("m-own"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await host.Handled.WaitForAsync(1);
        await host.DisposeAsync();

        Assert.Equal(1, calls);
        Assert.True(own.IsConnected);
        Assert.True(await own.GetDatabase().KeyExistsAsync(RedisPackage.DefaultKeyPrefix + "webhooks:inbox"));
        var clients = await own.GetServer(own.GetEndPoints()[0]).ClientListAsync();
        Assert.Equal(2, clients.Count(c => c.Name == "own-mux")); // nobody opened another connection
    }

    [Fact]
    public async Task Start_UseRedisSessionsWithoutConnectionStringOrUseRedis_FailsSayingUseRedisIsMissing()
    {
        await using var host = ScaleOutHost.Build((_, bridge) => ScaleOutHost.Handler(bridge).UseRedisSessions(o => o.ReplicaId = "alone"));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(host.StartAsync);

        Assert.Contains("UseRedis was not called", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_AddHandlerAfterUseRedisSessions_FailsNamingTheOrder()
    {
        await using var host = ScaleOutHost.Build((webhooks, bridge) =>
        {
            webhooks.UseRedis("127.0.0.1:1");
            ScaleOutHost.Handler(bridge).UseRedisSessions();
            bridge.AddHandler((_, _) => Task.CompletedTask); // replaces the directory's wrapper
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(host.StartAsync);

        Assert.Contains("AddHandler was called after UseRedisSessions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_DifferentConnectionStringsForWebhooksAndSessions_FailsWithoutEchoingThem()
    {
        await using var host = ScaleOutHost.Build((webhooks, bridge) =>
        {
            webhooks.UseRedis("127.0.0.1:1,password=webhook-s3cret");
            ScaleOutHost.Handler(bridge).UseRedisSessions("127.0.0.1:2,password=session-s3cret");
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(host.StartAsync);

        Assert.Contains("one Redis connection", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SameConnectionStringForWebhooksAndSessions_StartsWithOneConnection()
    {
        await using var redis = await RedisServer.StartAsync(Ct);
        var connectionString = redis.ConnectionString + ",name=same-app";
        await using var host = ScaleOutHost.Build((webhooks, bridge) =>
        {
            webhooks.UseRedis(connectionString);
            ScaleOutHost.Handler(bridge).UseRedisSessions(connectionString, o => o.ReplicaId = "replica-same");
        });

        await host.StartAsync();
        Assert.Null(await host.Commands.FindReplicaAsync("no-such-bot", Ct));

        await using var probe = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",allowAdmin=true");
        Assert.Equal(2, (await probe.GetServer(probe.GetEndPoints()[0]).ClientListAsync()).Count(c => c.Name == "same-app"));
    }

    [Fact]
    public async Task Start_OwnMultiplexerAndConnectionString_FailsNamingTheSetting()
    {
        await using var host = ScaleOutHost.Build((webhooks, bridge) =>
        {
            webhooks.UseRedis(_ => throw new InvalidOperationException("never called"), o => o.ConnectionString = "127.0.0.1:1,password=s3cret");
            ScaleOutHost.Handler(bridge);
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(host.StartAsync);

        Assert.Contains("MeetStreamRedisOptions.ConnectionString must not be set", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_RedisDown_WebhooksAndSessionsHostStartsRefuses503ThenWorksOnceRedisIsUp()
    {
        await using var redis = await RedisServer.StartAsync(Ct);
        redis.Kill();
        await using var a = ScaleOutHost.Build((webhooks, bridge) =>
        {
            webhooks.UseRedis(redis.ConnectionString);
            ScaleOutHost.Handler(bridge).UseRedisSessions(o => o.ReplicaId = "replica-down");
        });

        var clock = Stopwatch.StartNew();
        await a.StartAsync(); // must not fail nor hang while Redis is down
        var started = clock.Elapsed;
        clock.Restart();
        using (var during = await a.PostAsync("m-during"))
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"Redis down: host started in {started.TotalMilliseconds:F0} ms; first delivery answered {(int)during.StatusCode} in {clock.Elapsed.TotalMilliseconds:F0} ms");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
            Assert.NotNull(during.Headers.RetryAfter);
        }

        await redis.RestartAsync(Ct);
        await Inbox.Eventually.TrueAsync(
            async () =>
            {
                using var retry = await a.PostAsync("m-after");
                return retry.StatusCode == HttpStatusCode.OK;
            },
            "the webhook side to accept deliveries once Redis is up");
        await a.Handled.WaitForAsync(1);
        Assert.Equal(1, a.Handled.Counts.GetValueOrDefault("m-after"));
        Assert.False(a.Handled.Counts.ContainsKey("m-during"));

        // The command channel subscribed while Redis was down works now: a command from another replica reaches the bot.
        await using var b = ScaleOutHost.Build((_, bridge) => ScaleOutHost.Handler(bridge).UseRedisSessions(redis.ConnectionString, o => o.ReplicaId = "replica-up"));
        await b.StartAsync();
        await using var probe = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",allowAdmin=true");
        var commands = RedisChannel.Literal(RedisPackage.DefaultKeyPrefix + "sessions:replica:replica-down:commands");
        await Inbox.Eventually.TrueAsync(
            async () => await probe.GetServer(probe.GetEndPoints()[0]).SubscriptionSubscriberCountAsync(commands) == 1,
            "replica-down to subscribe its command channel once Redis is up");
        using var bot = await a.ConnectBotAsync("bot-down");
        await Inbox.Eventually.TrueAsync(async () => await b.Commands.FindReplicaAsync("bot-down", Ct) == "replica-down", "the bot to be listed under replica-down");
        await b.Commands.SendMessageAsync("bot-down", "hello across replicas", Ct).WaitAsync(TimeSpan.FromMinutes(1), Ct);

        Assert.Contains("hello across replicas", await ReceiveTextAsync(bot, "hello across replicas"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_RedisDown_BridgeOnlyHostStartsAndListsItsBotOnceRedisIsUp()
    {
        await using var redis = await RedisServer.StartAsync(Ct);
        redis.Kill();
        await using var a = ScaleOutHost.Build((_, bridge) => ScaleOutHost.Handler(bridge).UseRedisSessions(redis.ConnectionString, o =>
        {
            o.ReplicaId = "bridge-only";
            o.HeartbeatInterval = TimeSpan.FromSeconds(1);
        }));

        await a.StartAsync(); // must not fail nor hang while Redis is down
        using var bot = await a.ConnectBotAsync("bot-early"); // attached while Redis is down: the directory write fails
        await redis.RestartAsync(Ct);

        // The heartbeat keeps trying, so the bot is listed once Redis answers.
        await Inbox.Eventually.TrueAsync(
            async () =>
            {
                try
                {
                    return await a.Commands.FindReplicaAsync("bot-early", Ct) == "bridge-only";
                }
                catch (RemoteBotCommandException ex) when (ex.Failure == RemoteBotCommandFailure.RedisUnavailable)
                {
                    return false;
                }
            },
            "the bot to be listed once Redis is up");
    }

    // Reads control frames until one contains the text (the hang guard is the test's timeout).
    private static async Task<string> ReceiveTextAsync(ClientWebSocket socket, string expected)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        guard.CancelAfter(TimeSpan.FromMinutes(1));
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, guard.Token);
            var text = Encoding.UTF8.GetString(buffer, 0, result.Count);
            if (text.Contains(expected, StringComparison.Ordinal))
            {
                return text;
            }
        }
    }
}
