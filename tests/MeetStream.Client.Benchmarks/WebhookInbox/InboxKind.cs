namespace MeetStream.Client.Benchmarks.WebhookInbox;

/// <summary>Which inbox an <see cref="InboxHost"/> runs the webhook endpoint on.</summary>
internal enum InboxKind
{
    /// <summary>The default: the in-memory queue and in-memory deduplication (the baseline).</summary>
    InMemory,

    /// <summary>The durable Redis Stream inbox with Redis deduplication.</summary>
    Redis,
}
