namespace MeetStream.Client.Lambda;

/// <summary>Settings of <see cref="DynamoDbIdempotencyLedger"/>.</summary>
public sealed class DynamoDbIdempotencyLedgerOptions
{
    /// <summary>Gets or sets the idempotency table (partition key <c>idempotency_id</c>, string).</summary>
    public required string TableName { get; set; }

    /// <summary>Gets or sets how long a completed operation is remembered (<c>expires_at</c>, the TTL attribute). Default 7 days.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Gets or sets how long a claim holds before another invocation may take the operation over. Default 30 s.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the clock; default the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
