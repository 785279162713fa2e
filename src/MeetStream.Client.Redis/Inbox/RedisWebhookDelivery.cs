namespace MeetStream.Client.Redis.Inbox;

/// <summary>
/// The delivery a webhook handler is running for, when the durable Redis inbox dispatches it: its stream entry id and
/// how many times it has been delivered (at-least-once: a count above 1 is a redelivery, e.g. after a replica died or
/// a handler failed). Resolve it from the event's DI scope (inject it into a handler class, or
/// <c>services.GetRequiredService&lt;RedisWebhookDelivery&gt;()</c> in a delegate handler).
/// </summary>
public sealed class RedisWebhookDelivery
{
    /// <summary>Gets the id of the inbox stream entry (e.g. <c>1733540000000-0</c>); empty outside a dispatch.</summary>
    public string EntryId { get; internal set; } = string.Empty;

    /// <summary>Gets how many times this entry has been delivered to a handler, this time included (1 the first time).</summary>
    public int DeliveryCount { get; internal set; }

    /// <summary>Gets a value indicating whether this is not the first delivery of the entry.</summary>
    public bool IsRedelivery => DeliveryCount > 1;

    /// <summary>Gets when the endpoint received the delivery (before it answered 200).</summary>
    public DateTimeOffset ReceivedAt { get; internal set; }
}
