using System.Globalization;
using StackExchange.Redis;

namespace MeetStream.Client.Benchmarks.WebhookInbox;

/// <summary>
/// The redis-server's own cost, read with <c>INFO</c> over a separate connection: CPU seconds (user + system) so far and
/// memory in use, plus the inbox stream's length.
/// </summary>
internal sealed class RedisStats(IConnectionMultiplexer connection)
{
    /// <summary>The inbox stream's default key.</summary>
    public const string InboxStream = "meetstream:webhooks:inbox";

    /// <summary>Reads the server's CPU seconds so far, its used memory in bytes and the inbox stream's length.</summary>
    public async Task<(double CpuSeconds, long UsedMemory, long StreamLength)> ReadAsync()
    {
        var database = connection.GetDatabase();
        var cpu = (string?)await database.ExecuteAsync("INFO", "cpu") ?? string.Empty;
        var memory = (string?)await database.ExecuteAsync("INFO", "memory") ?? string.Empty;
        var length = await database.StreamLengthAsync(InboxStream);
        return (Field(cpu, "used_cpu_user") + Field(cpu, "used_cpu_sys"), (long)Field(memory, "used_memory"), length);
    }

    private static double Field(string info, string name)
    {
        foreach (var line in info.Split('\n'))
        {
            if (line.StartsWith(name + ":", StringComparison.Ordinal))
            {
                return double.Parse(line.AsSpan(name.Length + 1).Trim(), CultureInfo.InvariantCulture);
            }
        }

        return double.NaN;
    }
}
