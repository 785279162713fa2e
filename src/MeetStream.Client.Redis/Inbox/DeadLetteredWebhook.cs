namespace MeetStream.Client.Redis.Inbox;

/// <summary>
/// One entry of the dead-letter stream: a delivery whose handlers failed too often (or whose body could not be parsed),
/// as an operator sees it before replaying or deleting it.
/// </summary>
/// <param name="Id">The dead-letter stream entry id (pass it to <see cref="RedisWebhookDeadLetters.ReplayAsync"/>).</param>
/// <param name="OriginalId">The id the delivery had in the inbox stream.</param>
/// <param name="EventType">The event's .NET type name recorded at receipt (e.g. <c>BotDoneEvent</c>).</param>
/// <param name="Body">The raw body as received.</param>
/// <param name="ReceivedAt">When the endpoint received it.</param>
/// <param name="DeadLetteredAt">When it was moved to the dead-letter stream.</param>
/// <param name="DeliveryCount">How many times it had been delivered.</param>
/// <param name="Reason">Why it was dead-lettered.</param>
public sealed record DeadLetteredWebhook(
    string Id,
    string OriginalId,
    string? EventType,
    ReadOnlyMemory<byte> Body,
    DateTimeOffset ReceivedAt,
    DateTimeOffset DeadLetteredAt,
    int DeliveryCount,
    string Reason);
