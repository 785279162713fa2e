using System.Net.WebSockets;
using System.Text;
using MeetStream.Client.Redis.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace MeetStream.Client.Redis.Tests.Sessions;

/// <summary><c>UseRedisSessions</c>: argument and option checks, and the heartbeat that renews directory entries (fake clock).</summary>
public sealed class RedisSessionsSetupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void UseRedisSessions_BeforeAddHandler_ThrowsInvalidOperation()
    {
        var services = new ServiceCollection();
        var bridge = services.AddMeetStreamBridge(o => o.AllowAnonymous = true);

        var error = Assert.Throws<InvalidOperationException>(() => bridge.UseRedisSessions("127.0.0.1:6379"));

        Assert.Contains("AddHandler", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UseRedisSessions_CalledTwice_ThrowsInvalidOperation()
    {
        var bridge = new ServiceCollection().AddMeetStreamBridge(o => o.AllowAnonymous = true).AddHandler((_, _) => Task.CompletedTask);
        bridge.UseRedisSessions("127.0.0.1:6379");

        Assert.Throws<InvalidOperationException>(() => bridge.UseRedisSessions("127.0.0.1:6379"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void UseRedisSessions_BlankConnectionString_ThrowsArgument(string connectionString)
    {
        var bridge = new ServiceCollection().AddMeetStreamBridge(o => o.AllowAnonymous = true).AddHandler((_, _) => Task.CompletedTask);

        Assert.Throws<ArgumentException>(() => bridge.UseRedisSessions(connectionString));
    }

    [Fact]
    public void UseRedisSessions_InvalidConnectionString_ThrowsArgumentWithoutThePassword()
    {
        var bridge = new ServiceCollection().AddMeetStreamBridge(o => o.AllowAnonymous = true).AddHandler((_, _) => Task.CompletedTask);

        var error = Assert.Throws<ArgumentException>(() => bridge.UseRedisSessions("127.0.0.1:6379,password=s3cret-pass,connectTimeout=soon"));

        Assert.DoesNotContain("s3cret-pass", error.Message, StringComparison.Ordinal);
        Assert.Equal("connectionString", error.ParamName);
    }

    [Theory]
    [InlineData("", 30, 10, 60)]
    [InlineData("has space", 30, 10, 60)]
    [InlineData("a", 10, 10, 60)]
    [InlineData("a", 0.5, 0.1, 60)]
    [InlineData("a", 30, 0, 60)]
    [InlineData("a", 30, 10, 0)]
    public async Task Start_InvalidOptions_FailsWithOptionsValidation(string replicaId, double ttlSeconds, double heartbeatSeconds, double commandSeconds)
    {
        var builder = WebApplication.CreateSlimBuilder();
        MeetStream.Client.TestSupport.Hosting.LoopbackKestrel.Listen(builder);
        builder.Services.AddMeetStreamBridge(o => o.AllowAnonymous = true)
            .AddHandler((_, _) => Task.CompletedTask)
            .UseRedisSessions("127.0.0.1:1", o =>
            {
                o.ReplicaId = replicaId;
                o.EntryTimeToLive = TimeSpan.FromSeconds(ttlSeconds);
                o.HeartbeatInterval = TimeSpan.FromSeconds(heartbeatSeconds);
                o.CommandTimeout = TimeSpan.FromSeconds(commandSeconds);
            });
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(Ct));

        Assert.Contains("RedisBotSessionOptions.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Heartbeat_EntryDeletedThenIntervalPasses_EntryWrittenAgainWithExpiry()
    {
        await using var redis = await RedisServer.StartAsync(Ct);
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        await using var replica = await ReplicaHost.StartAsync(redis.ConnectionString, "replica-hb", o =>
        {
            o.HeartbeatInterval = TimeSpan.FromSeconds(10);
            o.EntryTimeToLive = TimeSpan.FromSeconds(30);
        }, time);
        using var socket = await ConnectBotAsync(replica, "hb-bot");
        await replica.SessionAsync("hb-bot");
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var db = connection.GetDatabase();
        var key = RedisPackage.DefaultKeyPrefix + "sessions:bot:hb-bot";
        await WaitUntilAsync(async () => (await db.StringGetAsync(key)).HasValue); // written once the control channel attached
        Assert.Equal("replica-hb", (string?)await db.StringGetAsync(key));
        Assert.True(await db.KeyDeleteAsync(key));

        time.Advance(TimeSpan.FromSeconds(10));
        await WaitUntilAsync(async () => (await db.StringGetAsync(key)).HasValue);

        Assert.Equal("replica-hb", (string?)await db.StringGetAsync(key));
        var ttl = await db.KeyTimeToLiveAsync(key);
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task InterruptAsync_OwnerNeverAnswers_ThrowsTimedOutWhenTheFakeClockPassesTheTimeout()
    {
        await using var redis = await RedisServer.StartAsync(Ct);
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        await using var replica = await ReplicaHost.StartAsync(redis.ConnectionString, "replica-caller", o => o.CommandTimeout = TimeSpan.FromSeconds(5), time);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await connection.GetSubscriber().SubscribeAsync(
            RedisChannel.Literal(RedisPackage.DefaultKeyPrefix + "sessions:replica:replica-silent:commands"),
            (_, value) => received.TrySetResult(value.ToString()));
        await connection.GetDatabase().StringSetAsync(RedisPackage.DefaultKeyPrefix + "sessions:bot:silent-bot", "replica-silent", TimeSpan.FromMinutes(5));

        var interrupt = replica.Commands.InterruptAsync("silent-bot", Ct);
        var command = await received.Task.WaitAsync(TimeSpan.FromMinutes(1), Ct);
        Assert.False(interrupt.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(5));
        var error = await Assert.ThrowsAsync<RemoteBotCommandException>(() => interrupt.WaitAsync(TimeSpan.FromMinutes(1), Ct));

        Assert.Equal(RemoteBotCommandFailure.TimedOut, error.Failure);
        Assert.Equal("replica-silent", error.ReplicaId);
        Assert.Contains("\"kind\":\"interrupt\"", command, StringComparison.Ordinal);
        Assert.Contains("\"reply_to\":\"replica-caller\"", command, StringComparison.Ordinal);
    }

    // Waits for a condition that a real event makes true; the deadline is a hang guard only.
    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not become true within the 60 s hang guard.");
            await Task.Delay(20, Ct);
        }
    }

    // A bot's control socket: connect to the replica and send ready, as MeetStream's bot does.
    private static async Task<ClientWebSocket> ConnectBotAsync(ReplicaHost replica, string botId)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(replica.Endpoints.Control.WebSocketUrl!), Ct);
        var ready = Encoding.UTF8.GetBytes($$"""{"type":"ready","bot_id":"{{botId}}","message":"ready"}""");
        await socket.SendAsync(ready, WebSocketMessageType.Text, endOfMessage: true, Ct);
        return socket;
    }
}
