using MeetStream.Client.Webhooks;
using Microsoft.AspNetCore.Http;

namespace MeetStream.Client.AspNetCore.Internal;

/// <summary>
/// Where a verified, parsed, non-duplicate delivery goes before the endpoint answers 200. The default is the
/// in-memory <see cref="WebhookEventQueue"/>; a durable store (e.g. a Redis Stream in MeetStream.Client.Redis) replaces
/// it and then also replaces the <see cref="WebhookDispatcher"/> with its own consumer. Only
/// <see cref="WebhookInboxResult.Accepted"/> is answered with 200: anything else is 503, so MeetStream's send fails
/// visibly instead of a delivery being acknowledged that was not stored.
/// </summary>
internal interface IWebhookInbox
{
    /// <summary>
    /// Gets a value indicating whether this inbox claims the delivery's deduplication key in the same atomic step as
    /// the append (a shared store, e.g. Redis). When <see langword="true"/> and deduplication is on, the endpoint does
    /// not claim separately: it passes <see cref="WebhookInboxDelivery.DeduplicationKey"/>, answers
    /// <see cref="WebhookInboxResult.Duplicate"/> as a duplicate and releases nothing on failure (nothing was written
    /// unless both were). <see cref="AppendAsync"/> then throws when the store cannot answer and a delivery must not be
    /// handled without a claim, and the endpoint answers exactly as for a failed claim. The in-memory queue: <see langword="false"/>.
    /// </summary>
    bool DeduplicatesOnAppend { get; }

    /// <summary>Stores one delivery.</summary>
    /// <param name="delivery">The delivery; its body is only valid until the returned task completes (copy it to keep it).</param>
    /// <param name="timeout">How long the endpoint may wait for room or for the store (<c>EnqueueTimeout</c>).</param>
    /// <param name="requestAborted">Cancelled when the sender goes away.</param>
    /// <returns>Whether it was stored.</returns>
    ValueTask<WebhookInboxResult> AppendAsync(WebhookInboxDelivery delivery, TimeSpan timeout, CancellationToken requestAborted);
}

/// <summary>The outcome of <see cref="IWebhookInbox.AppendAsync"/>.</summary>
internal enum WebhookInboxResult
{
    /// <summary>Stored: answer 200.</summary>
    Accepted,

    /// <summary>No room came within the timeout (a full in-memory queue): 503.</summary>
    TimedOut,

    /// <summary>The sender went away first.</summary>
    Aborted,

    /// <summary>The inbox is shutting down: 503.</summary>
    Closed,

    /// <summary>The durable store failed or did not answer in time (e.g. Redis is down): 503.</summary>
    Unavailable,

    /// <summary>
    /// The delivery's <see cref="WebhookInboxDelivery.DeduplicationKey"/> was already claimed, so nothing was stored
    /// (only from an inbox that <see cref="IWebhookInbox.DeduplicatesOnAppend"/>): answered as a duplicate (200).
    /// </summary>
    Duplicate,
}

/// <summary>One verified delivery as the endpoint received it.</summary>
/// <param name="Event">The parsed event.</param>
/// <param name="Body">The raw body (pooled: valid only during <see cref="IWebhookInbox.AppendAsync"/>).</param>
/// <param name="Headers">The request headers (the inbox keeps the ones that matter).</param>
/// <param name="ReceivedAt">When the endpoint received it.</param>
internal readonly record struct WebhookInboxDelivery(WebhookEvent Event, ReadOnlyMemory<byte> Body, IHeaderDictionary Headers, DateTimeOffset ReceivedAt)
{
    /// <summary>
    /// Gets the key to claim in the same step as the append, or <see langword="null"/> to store without claiming (set
    /// only for an inbox that <see cref="IWebhookInbox.DeduplicatesOnAppend"/>, when deduplication is on and the event has a key).
    /// </summary>
    public string? DeduplicationKey { get; init; }
}
