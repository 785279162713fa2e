using MeetStream.Client.Redis.Configuration;
using MeetStream.Client.Webhooks;
using StackExchange.Redis;

namespace MeetStream.Client.Redis.StatusWaiters;

/// <summary>
/// Publishes every accepted webhook that reports a bot status to the <c>{prefix}bot-status</c> channel, so
/// <see cref="RedisStatusSubscriber"/> on every other replica can complete its waits. Fire-and-forget: never blocks
/// nor throws on the request path; a lost message leaves the waiter's polling fallback to finish the wait.
/// </summary>
internal sealed class RedisStatusPublisher(RedisConnection connection) : IWebhookEventObserver
{
    public void Observe(WebhookEvent webhookEvent)
    {
        if (!connection.Options.EnableStatusFanOut || webhookEvent?.BotId is not { Length: > 0 } || BotStatusWaiter.StatusOf(webhookEvent) is null)
        {
            return;
        }

        var message = StatusMessage.Write(connection.Options.ReplicaId, webhookEvent);
        _ = PublishAsync(message);
    }

    private async Task PublishAsync(byte[] message)
    {
        try
        {
            var redis = await connection.GetAsync().ConfigureAwait(false);
            await redis.GetSubscriber().PublishAsync(StatusMessage.Channel(connection), message).ConfigureAwait(false);
            RedisMetrics.FanOut("published");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            // Redis down or the application stopping: the waiters' polling fallback finishes their waits.
            RedisMetrics.FanOut("publish_failed");
        }
    }
}
