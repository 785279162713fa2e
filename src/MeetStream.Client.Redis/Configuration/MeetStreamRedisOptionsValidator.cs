using MeetStream.Client.Redis.Inbox;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace MeetStream.Client.Redis.Configuration;

/// <summary>
/// Checks <see cref="MeetStreamRedisOptions"/> at start-up, every feature at once (connection, deduplication, status
/// fan-out, the inbox's <see cref="MeetStreamRedisOptions.Inbox"/>): one failure lists every problem. Messages name the
/// setting and why it is wrong, never its value: a connection string can hold a password.
/// </summary>
internal sealed class MeetStreamRedisOptionsValidator(RedisConnectionSources sources) : IValidateOptions<MeetStreamRedisOptions>
{
    public ValidateOptionsResult Validate(string? name, MeetStreamRedisOptions options)
    {
        var failures = new List<string>();
        if (options.ConnectionFactory is not null)
        {
            if (options.ConnectionString is not null)
            {
                failures.Add("MeetStreamRedisOptions.ConnectionString must not be set when UseRedis is given the application's own IConnectionMultiplexer (one connection: use one or the other).");
            }
        }
        else if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add("MeetStreamRedisOptions.ConnectionString is required (a StackExchange.Redis configuration string such as 'redis:6379').");
        }
        else if (TryParse(options.ConnectionString) is { } problem)
        {
            failures.Add($"MeetStreamRedisOptions.ConnectionString is not a valid StackExchange.Redis configuration string: {problem} (the value is not shown: it can hold a password).");
        }

        if (sources.SessionsConnectionString is { } sessions && (options.ConnectionFactory is not null || !string.Equals(sessions, options.ConnectionString, StringComparison.Ordinal)))
        {
            failures.Add("MeetStreamRedisOptions.ConnectionString differs from the connection string given to UseRedisSessions: an application shares one Redis connection. Call UseRedisSessions(configure) without a connection string to reuse UseRedis's.");
        }

        if (options.DeliveryTimeout < TimeSpan.FromMilliseconds(10) || options.DeliveryTimeout > TimeSpan.FromSeconds(30))
        {
            failures.Add($"MeetStreamRedisOptions.DeliveryTimeout must be between 10 milliseconds and 30 seconds (was {options.DeliveryTimeout}).");
        }

        if (string.IsNullOrWhiteSpace(options.KeyPrefix) || options.KeyPrefix.Any(char.IsWhiteSpace))
        {
            failures.Add("MeetStreamRedisOptions.KeyPrefix must be non-empty and contain no white space.");
        }

        if (options.DeduplicationExpiry is { } expiry && expiry <= TimeSpan.Zero)
        {
            failures.Add($"MeetStreamRedisOptions.DeduplicationExpiry must be positive (was {expiry}).");
        }

        if (!Enum.IsDefined(options.WhenDeduplicationUnavailable))
        {
            failures.Add($"MeetStreamRedisOptions.WhenDeduplicationUnavailable has an undefined value ({(int)options.WhenDeduplicationUnavailable}).");
        }

        if (string.IsNullOrWhiteSpace(options.ReplicaId))
        {
            failures.Add("MeetStreamRedisOptions.ReplicaId must be non-empty.");
        }

        if (options.EnableInbox)
        {
            failures.AddRange(RedisWebhookInboxOptionsValidator.Validate(options.Inbox));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // Returns why the string is not usable, in words that never quote it; null when it is.
    private static string? TryParse(string connectionString)
    {
        ConfigurationOptions parsed;
        try
        {
            parsed = ConfigurationOptions.Parse(connectionString);
        }
        catch (ArgumentException)
        {
            return "an unknown option or a malformed value";
        }
        catch (FormatException)
        {
            return "a malformed value";
        }

        return parsed.EndPoints.Count == 0 ? "it names no server endpoint (host:port)" : null;
    }
}
