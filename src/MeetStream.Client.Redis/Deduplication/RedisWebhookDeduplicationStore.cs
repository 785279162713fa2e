using MeetStream.Client.Redis.Configuration;
using MeetStream.Client.Webhooks;
using StackExchange.Redis;

namespace MeetStream.Client.Redis.Deduplication;

/// <summary>
/// The <see cref="IWebhookDeduplicationStore"/> every replica shares: a claim is one atomic <c>SET key 1 NX PX
/// expiry</c> under <c>{prefix}dedup:</c>, so of two deliveries of one event reaching any replicas exactly one wins.
/// Claims follow the package's one outage rule (<see cref="MeetStreamRedisOptions.DeliveryTimeout"/>): while Redis
/// cannot answer within it, a claim throws (the endpoint answers 503) or, when configured, claims anyway.
/// </summary>
internal sealed class RedisWebhookDeduplicationStore(RedisConnection connection, TimeSpan expiry) : IWebhookDeduplicationStore
{
    private readonly RedisUnavailableBehavior _whenUnavailable = connection.Options.WhenDeduplicationUnavailable;

    public async ValueTask<bool> TryClaimAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        try
        {
            var claimed = await connection.RunForDeliveryAsync(
                database => database.StringSetAsync(KeyOf(key), "1", expiry, When.NotExists),
                connection.Options.DeliveryTimeout,
                cancellationToken).ConfigureAwait(false);
            RedisMetrics.Dedup(claimed ? "claimed" : "duplicate");
            return claimed;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            if (_whenUnavailable == RedisUnavailableBehavior.Process)
            {
                RedisMetrics.Dedup("processed_unavailable");
                return true;
            }

            RedisMetrics.Dedup("unavailable");
            throw;
        }
    }

    public async ValueTask ReleaseAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        try
        {
            await connection.RunForDeliveryAsync(database => database.KeyDeleteAsync(KeyOf(key)), connection.Options.DeliveryTimeout, cancellationToken).ConfigureAwait(false);
            RedisMetrics.Dedup("released");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Best effort: the key then expires on its own; a redelivery before that is reported as a duplicate.
            RedisMetrics.Dedup("release_failed");
        }
    }

    /// <summary>Gets the Redis key that claims <paramref name="key"/> (shared with the inbox's claim-and-append script).</summary>
    /// <param name="connection">The package's connection (its key prefix).</param>
    /// <param name="key">The delivery's deduplication key.</param>
    /// <returns><c>{prefix}dedup:{key}</c>.</returns>
    internal static RedisKey KeyFor(RedisConnection connection, string key) => connection.Key("dedup:" + key);

    private RedisKey KeyOf(string key) => KeyFor(connection, key);
}
