using StackExchange.Redis;

namespace MeetStream.Client.Redis.Inbox;

/// <summary>
/// The Lua script that claims a delivery's deduplication key and appends the delivery to the inbox stream in one atomic
/// Redis step, so a key is never held for an event that was not stored, and a stored event always holds its key. It
/// looks the key up first and appends before writing the key: if the append fails (e.g. the stream key holds another
/// type), the script stops before anything was written. Redis caches the script by its SHA1 (StackExchange.Redis sends
/// <c>EVALSHA</c> once it is known and falls back to <c>EVAL</c> after a restart emptied the cache).
/// </summary>
internal static class RedisClaimAndAppendScript
{
    /// <summary>
    /// The script. <c>KEYS[1]</c>: the deduplication key; <c>KEYS[2]</c>: the stream. <c>ARGV[1]</c>: the key's expiry
    /// in milliseconds; <c>ARGV[2]</c>: the stream's approximate maximum length; <c>ARGV[3…]</c>: the entry's field/value
    /// pairs. Returns the new entry's id, or nil when the key was already claimed (a duplicate: nothing written).
    /// </summary>
    public const string Source = """
        if redis.call('EXISTS', KEYS[1]) == 1 then
          return false
        end
        local id = redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', unpack(ARGV, 3))
        redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
        return id
        """;

    /// <summary>Runs the script.</summary>
    /// <param name="database">The database.</param>
    /// <param name="deduplicationKey">The full Redis key that claims the delivery.</param>
    /// <param name="stream">The inbox stream.</param>
    /// <param name="expiry">How long the claim lasts (at least 1 ms).</param>
    /// <param name="maxLength">The stream's approximate maximum length.</param>
    /// <param name="fields">The entry's fields.</param>
    /// <returns>The new entry's id, or <see langword="null"/> for a duplicate.</returns>
    public static async Task<string?> RunAsync(IDatabase database, RedisKey deduplicationKey, RedisKey stream, TimeSpan expiry, int maxLength, IReadOnlyList<NameValueEntry> fields)
    {
        var values = new RedisValue[2 + (fields.Count * 2)];
        values[0] = Math.Max(1L, (long)Math.Ceiling(expiry.TotalMilliseconds));
        values[1] = maxLength;
        for (var i = 0; i < fields.Count; i++)
        {
            values[2 + (i * 2)] = fields[i].Name;
            values[3 + (i * 2)] = fields[i].Value;
        }

        var result = await database.ScriptEvaluateAsync(Source, [deduplicationKey, stream], values).ConfigureAwait(false);
        return result.IsNull ? null : (string?)result;
    }
}
