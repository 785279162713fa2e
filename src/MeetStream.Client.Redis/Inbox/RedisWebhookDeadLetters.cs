using System.Globalization;
using System.Runtime.CompilerServices;
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
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty or not a stream entry id (<c>1700000000000-0</c>).</exception>
    public async Task<bool> ReplayAsync(string id)
    {
        ValidateId(id);
        var database = await _connection.GetDatabaseAsync().ConfigureAwait(false);
        return await RedisDeadLetterReplayScript.RunAsync(database, _options.DeadLetterStreamKey, _options.StreamKey, id, _options.MaxLength).ConfigureAwait(false) is not null;
    }

    /// <summary>Deletes a dead-lettered entry for good.</summary>
    /// <param name="id">The dead-letter entry id.</param>
    /// <returns><see langword="true"/> if it existed.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty or not a stream entry id (<c>1700000000000-0</c>).</exception>
    public async Task<bool> DeleteAsync(string id)
    {
        ValidateId(id);
        var database = await _connection.GetDatabaseAsync().ConfigureAwait(false);
        return await database.StreamDeleteAsync(_options.DeadLetterStreamKey, [id]).ConfigureAwait(false) == 1;
    }

    // A Redis stream entry id: milliseconds, optionally "-" and a sequence number. Checked here so a typo is an
    // ArgumentException naming the parameter rather than a Redis error.
    private static void ValidateId(string id, [CallerArgumentExpression(nameof(id))] string? parameter = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id, parameter);
        var dash = id.IndexOf('-', StringComparison.Ordinal);
        var milliseconds = dash < 0 ? id.AsSpan() : id.AsSpan(0, dash);
        var sequence = dash < 0 ? "0".AsSpan() : id.AsSpan(dash + 1);
        if (milliseconds.IsEmpty || sequence.IsEmpty || !ulong.TryParse(milliseconds, NumberStyles.None, CultureInfo.InvariantCulture, out _) || !ulong.TryParse(sequence, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            throw new ArgumentException($"'{id}' is not a dead-letter entry id (a Redis stream id such as 1700000000000-0, from DeadLetteredWebhook.Id).", parameter);
        }
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
