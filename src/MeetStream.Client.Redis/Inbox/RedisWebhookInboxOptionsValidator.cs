namespace MeetStream.Client.Redis.Inbox;

/// <summary>
/// Checks <see cref="RedisWebhookInboxOptions"/> and names every wrong setting (as <c>MeetStreamRedisOptions.Inbox.…</c>);
/// called by the start-up validation of <c>MeetStreamRedisOptions</c>, so all problems surface in one exception.
/// </summary>
internal static class RedisWebhookInboxOptionsValidator
{
    /// <summary>Lists the problems of the inbox settings.</summary>
    /// <param name="options">The inbox settings.</param>
    /// <returns>One message per problem, each naming the setting; empty when valid.</returns>
    public static IEnumerable<string> Validate(RedisWebhookInboxOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.StreamKey))
        {
            failures.Add("StreamKey must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.DeadLetterStreamKey))
        {
            failures.Add("DeadLetterStreamKey must not be empty.");
        }
        else if (string.Equals(options.DeadLetterStreamKey, options.StreamKey, StringComparison.Ordinal))
        {
            failures.Add("DeadLetterStreamKey must differ from StreamKey.");
        }

        if (string.IsNullOrWhiteSpace(options.ConsumerGroup))
        {
            failures.Add("ConsumerGroup must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.ConsumerName))
        {
            failures.Add("ConsumerName must not be empty.");
        }

        if (options.ClaimIdleTime < TimeSpan.FromMilliseconds(10))
        {
            failures.Add($"ClaimIdleTime must be at least 10 milliseconds (was {options.ClaimIdleTime}).");
        }

        Positive(failures, options.ClaimInterval, nameof(options.ClaimInterval));
        Positive(failures, options.PollInterval, nameof(options.PollInterval));
        if (options.MaxDeliveryAttempts < 1)
        {
            failures.Add($"MaxDeliveryAttempts must be at least 1 (was {options.MaxDeliveryAttempts}).");
        }

        if (options.ReadBatchSize is < 1 or > 10_000)
        {
            failures.Add($"ReadBatchSize must be between 1 and 10000 (was {options.ReadBatchSize}).");
        }

        if (options.MaxLength < 1)
        {
            failures.Add($"MaxLength must be at least 1 (was {options.MaxLength}).");
        }

        if (options.DeadLetterMaxLength < 1)
        {
            failures.Add($"DeadLetterMaxLength must be at least 1 (was {options.DeadLetterMaxLength}).");
        }

        return failures.Select(f => "MeetStreamRedisOptions.Inbox." + f);
    }

    private static void Positive(List<string> failures, TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{name} must be positive (was {value}).");
        }
    }
}
