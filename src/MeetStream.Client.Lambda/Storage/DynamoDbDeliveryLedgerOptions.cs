namespace MeetStream.Client.Lambda;

/// <summary>Settings of <see cref="DynamoDbWebhookDeliveryLedger"/>.</summary>
public sealed class DynamoDbDeliveryLedgerOptions
{
    /// <summary>Gets or sets the deliveries table (partition key <c>delivery_id</c>, string).</summary>
    public required string TableName { get; set; }

    /// <summary>Gets or sets how long a delivery is remembered (<c>expires_at</c>, the TTL attribute). Default 7 days.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Gets or sets how long a claim holds before another invocation may take the delivery over. Default 30 s.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the clock; default the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
