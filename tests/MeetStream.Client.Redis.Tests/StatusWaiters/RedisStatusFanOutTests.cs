using System.Net;
using MeetStream.Client.Redis.Tests.Configuration;
using MeetStream.Client.Redis.Tests.Inbox;
using MeetStream.Client.Redis.Tests.Infrastructure;
using MeetStream.Client.Tests.Webhooks;
using MeetStream.Client.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace MeetStream.Client.Redis.Tests.StatusWaiters;

/// <summary><c>WaitForStatusAsync</c> on one replica completes when the webhook reached another (Redis pub/sub), polling unchanged.</summary>
public sealed class RedisStatusFanOutTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // The REST API is unreachable (a closed loopback port): only a webhook can complete a wait.
    private static void RestClient(IServiceCollection services) => services.AddMeetStreamClient(o =>
    {
        o.ApiKey = "k";
        o.BaseUrl = new Uri("http://127.0.0.1:9/api/v1");
        o.Retry.MaxRetries = 0;
    });

    [Fact]
    public async Task WaitForStatusAsync_WebhookReachedOtherReplica_CompletesTheWait()
    {
        await using var redis = await RedisServer.StartAsync(Ct);
        await using var a = await RedisReplicaHost.StartAsync(redis.ConnectionString, services: RestClient);
        await using var b = await RedisReplicaHost.StartAsync(redis.ConnectionString, services: RestClient);
        var waiter = a.App.Services.GetRequiredService<BotStatusWaiter>();

        var wait = waiter.WaitForStatusAsync(WebhookPayloads.BotId, BotStatus.InMeeting, TimeSpan.FromMinutes(5), Ct);
        using var response = await b.Client.SendAsync(RedisReplicaHost.Signed(WebhookPayloads.Lifecycle("bot.inmeeting", "InMeeting", "Bot joined")), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(BotStatus.InMeeting, await wait.WaitAsync(TimeSpan.FromSeconds(60), Ct));
    }

    [Fact]
    public async Task WaitForStatusAsync_StoppedEventWithoutStatusOnOtherReplica_CompletesWithStopped()
    {
        await using var redis = await RedisServer.StartAsync(Ct);
        await using var a = await RedisReplicaHost.StartAsync(redis.ConnectionString, services: RestClient);
        await using var b = await RedisReplicaHost.StartAsync(redis.ConnectionString, services: RestClient);
        var waiter = a.App.Services.GetRequiredService<BotStatusWaiter>();

        var wait = waiter.WaitForStatusAsync(WebhookPayloads.BotId, s => s.HasLeftMeeting, TimeSpan.FromMinutes(5), Ct);
        using var response = await b.Client.SendAsync(RedisReplicaHost.Signed(WebhookPayloads.Lifecycle("bot.stopped", null, "Bot stopped")), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(BotStatus.Stopped, await wait.WaitAsync(TimeSpan.FromSeconds(60), Ct));
    }

    [Fact]
    public async Task WaitForStatusAsync_RedisRestartedAfterBothReplicasStarted_FanOutResumes()
    {
        await using var redis = await RedisServer.StartAsync(Ct);
        await using var a = await RedisReplicaHost.StartAsync(redis.ConnectionString, services: RestClient);
        await using var b = await RedisReplicaHost.StartAsync(redis.ConnectionString, services: RestClient);
        await using var observer = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        await Eventually.TrueAsync(async () => await SubscribersAsync(observer) == 2, "both replicas subscribed");

        redis.Kill();
        await redis.RestartAsync(Ct);

        // A restarted server has no subscriptions: both replicas must subscribe again on their own (StackExchange.Redis
        // restores them after the reconnect); the webhook is sent only once they did, so no message can fall in between.
        await Eventually.TrueAsync(async () => await SubscribersAsync(observer) == 2, "both replicas subscribed again after the restart", hangGuardSeconds: 120);
        var waiter = a.App.Services.GetRequiredService<BotStatusWaiter>();
        var wait = waiter.WaitForStatusAsync(WebhookPayloads.BotId, BotStatus.InMeeting, TimeSpan.FromMinutes(5), Ct);
        using var response = await b.Client.SendAsync(RedisReplicaHost.Signed(WebhookPayloads.Lifecycle("bot.inmeeting", "InMeeting", "Bot joined")), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(BotStatus.InMeeting, await wait.WaitAsync(TimeSpan.FromSeconds(60), Ct));
    }

    [Theory]
    [InlineData(true, 2)]
    [InlineData(false, 0)]
    public async Task StartAsync_TwoReplicas_SubscribeToTheStatusChannelOnlyWhenFanOutEnabled(bool enabled, long subscribers)
    {
        await using var redis = await RedisServer.StartAsync(Ct);
        await using var a = await RedisReplicaHost.StartAsync(redis.ConnectionString, redis: o => o.EnableStatusFanOut = enabled, services: RestClient);
        await using var b = await RedisReplicaHost.StartAsync(redis.ConnectionString, redis: o => o.EnableStatusFanOut = enabled, services: RestClient);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);

        Assert.Equal(subscribers, await SubscribersAsync(connection));
    }

    private static async Task<long> SubscribersAsync(ConnectionMultiplexer observer)
    {
        try
        {
            var pair = (RedisResult[])(await observer.GetDatabase().ExecuteAsync("PUBSUB", "NUMSUB", RedisPackage.DefaultKeyPrefix + "bot-status"))!;
            return (long)pair[1];
        }
        catch (RedisConnectionException)
        {
            return -1; // the observer itself is still reconnecting
        }
    }
}
