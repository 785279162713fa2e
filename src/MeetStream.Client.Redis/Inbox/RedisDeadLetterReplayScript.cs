using StackExchange.Redis;

namespace MeetStream.Client.Redis.Inbox;

/// <summary>
/// The Lua script that moves one dead letter back to the inbox in one atomic Redis step: it reads the entry, appends its
/// original fields (without the <c>dl:</c> bookkeeping, so the delivery count starts again) to the inbox stream and
/// deletes it from the dead-letter stream. Two replays of the same entry started together cannot both append it: the
/// second finds nothing.
/// </summary>
internal static class RedisDeadLetterReplayScript
{
    /// <summary>
    /// The script. <c>KEYS[1]</c>: the dead-letter stream; <c>KEYS[2]</c>: the inbox stream. <c>ARGV[1]</c>: the dead
    /// letter's id; <c>ARGV[2]</c>: the inbox's approximate maximum length. Returns the new inbox entry's id, or nil when
    /// the dead letter does not exist (already replayed or deleted).
    /// </summary>
    public const string Source = """
        local entries = redis.call('XRANGE', KEYS[1], ARGV[1], ARGV[1])
        if #entries == 0 then
          return false
        end
        local fields = entries[1][2]
        local original = {}
        for i = 1, #fields, 2 do
          if string.sub(fields[i], 1, 3) ~= 'dl:' then
            original[#original + 1] = fields[i]
            original[#original + 1] = fields[i + 1]
          end
        end
        local id = redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', unpack(original))
        redis.call('XDEL', KEYS[1], ARGV[1])
        return id
        """;

    /// <summary>Runs the script.</summary>
    /// <param name="database">The database.</param>
    /// <param name="deadLetters">The dead-letter stream.</param>
    /// <param name="inbox">The inbox stream.</param>
    /// <param name="id">The dead letter's id.</param>
    /// <param name="maxLength">The inbox's approximate maximum length.</param>
    /// <returns>The new inbox entry's id, or <see langword="null"/> when there was no such dead letter.</returns>
    public static async Task<string?> RunAsync(IDatabase database, RedisKey deadLetters, RedisKey inbox, string id, int maxLength)
    {
        var result = await database.ScriptEvaluateAsync(Source, [deadLetters, inbox], [id, maxLength]).ConfigureAwait(false);
        return result.IsNull ? null : (string?)result;
    }
}
