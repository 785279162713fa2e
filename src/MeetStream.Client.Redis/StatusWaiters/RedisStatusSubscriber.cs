using MeetStream.Client.Redis.Configuration;
using MeetStream.Client.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace MeetStream.Client.Redis.StatusWaiters;

/// <summary>
/// Subscribes this replica to the <c>{prefix}bot-status</c> channel and feeds each status published by another
/// replica to the local <see cref="BotStatusWaiter"/> (only when the REST client is registered, as the endpoint does).
/// The waiter's polling fallback is unchanged; StackExchange.Redis re-subscribes on its own after a reconnect.
/// </summary>
internal sealed class RedisStatusSubscriber(RedisConnection connection, IServiceProvider services) : IHostedService
{
    private readonly BotStatusWaiter? _waiter = services.GetService<IBotsClient>() is null ? null : services.GetRequiredService<BotStatusWaiter>();
    private readonly CancellationTokenSource _stopping = new();
    private ChannelMessageQueue? _subscription;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_waiter is null || !connection.Options.EnableStatusFanOut)
        {
            return;
        }

        var redis = await connection.GetAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _subscription = await redis.GetSubscriber().SubscribeAsync(StatusMessage.Channel(connection)).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Redis down at start: subscribe in the background once it answers; waits meanwhile poll.
            _ = RetrySubscribeAsync(redis);
            return;
        }

        _subscription.OnMessage(Receive);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_subscription is { } subscription)
        {
            await subscription.UnsubscribeAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RetrySubscribeAsync(IConnectionMultiplexer redis)
    {
        while (_subscription is null && !_stopping.IsCancellationRequested)
        {
            try
            {
                _subscription = await redis.GetSubscriber().SubscribeAsync(StatusMessage.Channel(connection)).ConfigureAwait(false);
                _subscription.OnMessage(Receive);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), _stopping.Token).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            }
        }
    }

    private void Receive(ChannelMessage message)
    {
        byte[]? body = message.Message;
        if (body is null || !StatusMessage.TryRead(body, out var origin, out var webhookEvent) || webhookEvent is null)
        {
            RedisMetrics.FanOut("malformed");
            return;
        }

        if (string.Equals(origin, connection.Options.ReplicaId, StringComparison.Ordinal))
        {
            return;
        }

        RedisMetrics.FanOut("received");
        _waiter?.Observe(webhookEvent);
    }
}
