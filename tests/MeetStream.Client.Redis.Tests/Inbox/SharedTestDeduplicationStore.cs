using MeetStream.Client.Webhooks;
using StackExchange.Redis;

namespace MeetStream.Client.Redis.Tests.Inbox;

/// <summary>
/// A test-only shared deduplication store (SET NX with expiry on the test's redis-server), so a sender duplicate
/// routed to the other replica is recognised. The package's own Redis deduplication store is a separate part of
/// issue 12; this one only lets the inbox proof separate sender duplicates from inbox redeliveries.
/// </summary>
internal sealed class SharedTestDeduplicationStore(IConnectionMultiplexer redis) : IWebhookDeduplicationStore
{
    public async ValueTask<bool> TryClaimAsync(string key, CancellationToken cancellationToken = default) =>
        await redis.GetDatabase().StringSetAsync("test:dedup:" + key, 1, TimeSpan.FromMinutes(10), When.NotExists);

    public async ValueTask ReleaseAsync(string key, CancellationToken cancellationToken = default) =>
        await redis.GetDatabase().KeyDeleteAsync("test:dedup:" + key);
}
