using MeetStream.Client.Redis.Configuration;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace MeetStream.Client.Redis.Inbox;

/// <summary>
/// The operator's view of the dead-letter stream: list the entries, replay one into the inbox (it is delivered again
/// as a new entry, delivery count 1) or delete it. Registered as a singleton by <c>UseRedis</c>.
/// </summary>
public sealed class RedisWebhookDeadLetters
{
    private readonly RedisConnection _connection;
    private readonly RedisWebhookInboxOptions _options;

    internal RedisWebhookDeadLetters(RedisConnection connection, IOptions<RedisWebhookInboxOptions> options)
    {
        _connection = connection;
        _options = options.Value;
    }

    /// <summary>Counts the dead-lettered entries.</summary>
    /// <returns>The length of the dead-letter stream.</returns>
    public async Task<long> CountAsync()
    {
        var database = await _connection.GetDatabaseAsync().ConfigureAwait(false);
        return await database.StreamLengthAsync(_options.DeadLetterStreamKey).ConfigureAwait(false);
    }

    /// <summary>Lists dead-lettered entries, oldest first.</summary>
    /// <param name="count">How many at most (1–10,000).</param>
    /// <param name="after">Lists entries after this id (for paging); <see langword="null"/> from the start.</param>
    /// <returns>The entries.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is out of range.</exception>
    public async Task<IReadOnlyList<DeadLetteredWebhook>> ListAsync(int count = 100, string? after = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 10_000);
        var database = await _connection.GetDatabaseAsync().ConfigureAwait(false);
        var entries = await database.StreamRangeAsync(_options.DeadLetterStreamKey, after is null ? "-" : "(" + after, "+", count).ConfigureAwait(false);
        return entries.Select(ToDeadLetter).ToArray();
    }

    /// <summary>Appends a dead-lettered delivery to the inbox again and removes it from the dead-letter stream (atomically).</summary>
    /// <param name="id">The dead-letter entry id (<see cref="DeadLetteredWebhook.Id"/>).</param>
    /// <returns><see langword="true"/> if it was replayed; <see langword="false"/> if no such entry exists.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty.</exception>
    public async Task<bool> ReplayAsync(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var database = await _connection.GetDatabaseAsync().ConfigureAwait(false);
        var entries = await database.StreamRangeAsync(_options.DeadLetterStreamKey, id, id, 1).ConfigureAwait(false);
        if (entries.Length == 0)
        {
            return false;
        }

        var original = entries[0].Values.Where(v => !((string)v.Name!).StartsWith("dl:", StringComparison.Ordinal)).ToArray();
        var transaction = database.CreateTransaction();
        transaction.AddCondition(Condition.StreamLengthGreaterThan(_options.DeadLetterStreamKey, 0));
        _ = transaction.StreamAddAsync(_options.StreamKey, original, maxLength: _options.MaxLength, useApproximateMaxLength: true);
        var deleted = transaction.StreamDeleteAsync(_options.DeadLetterStreamKey, [id]);
        if (!await transaction.ExecuteAsync().ConfigureAwait(false))
        {
            return false;
        }

        return await deleted.ConfigureAwait(false) == 1;
    }

    /// <summary>Deletes a dead-lettered entry for good.</summary>
    /// <param name="id">The dead-letter entry id.</param>
    /// <returns><see langword="true"/> if it existed.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty.</exception>
    public async Task<bool> DeleteAsync(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var database = await _connection.GetDatabaseAsync().ConfigureAwait(false);
        return await database.StreamDeleteAsync(_options.DeadLetterStreamKey, [id]).ConfigureAwait(false) == 1;
    }

    private static DeadLetteredWebhook ToDeadLetter(StreamEntry entry)
    {
        var values = entry.Values;
        var body = (byte[]?)RedisInboxFields.Get(values, RedisInboxFields.Body) ?? [];
        var count = RedisInboxFields.Get(values, RedisInboxFields.DeliveryCount);
        return new DeadLetteredWebhook(
            (string)entry.Id!,
            (string?)RedisInboxFields.Get(values, RedisInboxFields.OriginalId) ?? string.Empty,
            (string?)RedisInboxFields.Get(values, RedisInboxFields.EventType),
            body,
            RedisInboxFields.GetTime(values, RedisInboxFields.ReceivedAt),
            RedisInboxFields.GetTime(values, RedisInboxFields.DeadLetteredAt),
            count.TryParse(out int parsed) ? parsed : 0,
            (string?)RedisInboxFields.Get(values, RedisInboxFields.Reason) ?? string.Empty);
    }
}
