namespace MeetStream.Client.Benchmarks.WebhookInbox;

/// <summary>Which inbox an <see cref="InboxHost"/> runs the webhook endpoint on.</summary>
internal enum InboxKind
{
    /// <summary>The default: the in-memory queue and in-memory deduplication (the baseline).</summary>
    InMemory,

    /// <summary>The durable Redis Stream inbox with Redis deduplication and status fan-out (everything <c>UseRedis</c> turns on).</summary>
    Redis,

    /// <summary>Breakdown: Redis deduplication and status fan-out, but the in-memory queue.</summary>
    RedisDeduplicationOnly,

    /// <summary>Breakdown: the Redis inbox and Redis deduplication with the status fan-out turned off.</summary>
    RedisWithoutFanOut,
}
