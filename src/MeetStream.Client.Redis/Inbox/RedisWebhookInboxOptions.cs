namespace MeetStream.Client.Redis.Inbox;

/// <summary>
/// The settings of the durable webhook inbox on a Redis Stream: key names, the consumer group, redelivery and
/// dead-lettering, and trimming. Set through <c>UseRedis(..., redis =&gt; redis.Inbox.…)</c>
/// (<c>MeetStreamRedisOptions.Inbox</c>) and validated at start-up with every other Redis setting.
/// </summary>
/// <remarks>
/// <para><b>Trimming.</b> Every append is <c>XADD … MAXLEN ~ <see cref="MaxLength"/></c>: Redis keeps at least about
/// that many newest entries and drops older ones in whole nodes (cheap, approximate). Acknowledged entries are not
/// deleted one by one, so the stream doubles as a short history. Size <see cref="MaxLength"/> well above the largest
/// backlog you expect (unhandled plus pending entries): an entry trimmed before a consumer read it is lost, and a
/// trimmed pending entry is dropped from the pending list by <c>XAUTOCLAIM</c>. The dead-letter stream is trimmed the
/// same way with <see cref="DeadLetterMaxLength"/>.</para>
/// </remarks>
public sealed class RedisWebhookInboxOptions
{
    private string? _streamKey;
    private string? _deadLetterStreamKey;

    /// <summary>
    /// Gets or sets the key of the inbox stream. Default <c>{KeyPrefix}webhooks:inbox</c>, i.e.
    /// <c>meetstream:webhooks:inbox</c> with the default <c>MeetStreamRedisOptions.KeyPrefix</c>.
    /// </summary>
    public string StreamKey
    {
        get => _streamKey ?? KeyPrefix + "webhooks:inbox";
        set => _streamKey = value;
    }

    /// <summary>
    /// Gets or sets the key of the dead-letter stream. Default <c>{KeyPrefix}webhooks:dead</c>, i.e.
    /// <c>meetstream:webhooks:dead</c> with the default <c>MeetStreamRedisOptions.KeyPrefix</c>.
    /// </summary>
    public string DeadLetterStreamKey
    {
        get => _deadLetterStreamKey ?? KeyPrefix + "webhooks:dead";
        set => _deadLetterStreamKey = value;
    }

    /// <summary>Gets or sets the prefix the default stream keys start with (set by <c>MeetStreamRedisOptions.KeyPrefix</c>).</summary>
    internal string KeyPrefix { get; set; } = RedisPackage.DefaultKeyPrefix;

    /// <summary>Gets or sets the consumer group every replica reads through. Default <c>meetstream-webhooks</c>.</summary>
    public string ConsumerGroup { get; set; } = "meetstream-webhooks";

    /// <summary>
    /// Gets or sets this replica's consumer name, unique per running process. Default: machine name, process id and a
    /// random suffix, so a restarted replica never inherits a dead one's entries by name (they are claimed instead).
    /// </summary>
    public string ConsumerName { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";

    /// <summary>
    /// Gets or sets how long an entry must stay unacknowledged before another consumer claims it with
    /// <c>XAUTOCLAIM</c> (its consumer died, or its handler failed and it is retried). Default 30 seconds.
    /// </summary>
    public TimeSpan ClaimIdleTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets how often this replica looks for idle entries to claim. Default 5 seconds. While a replica works
    /// on entries it renews its hold on them every third of <see cref="ClaimIdleTime"/>, so only a dead (or stalled)
    /// replica's entries are claimed.
    /// </summary>
    public TimeSpan ClaimInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gets or sets how long the consumer waits before reading again when the stream had nothing new for it (entries
    /// this replica appends wake it at once). Default 100 milliseconds.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Gets or sets how many deliveries an entry gets before it goes to the dead-letter stream. Default 5.</summary>
    public int MaxDeliveryAttempts { get; set; } = 5;

    /// <summary>Gets or sets how many entries one read or claim returns at most. Default 32.</summary>
    public int ReadBatchSize { get; set; } = 32;

    /// <summary>Gets or sets the approximate maximum length of the inbox stream (<c>MAXLEN ~</c>). Default 100,000.</summary>
    public int MaxLength { get; set; } = 100_000;

    /// <summary>Gets or sets the approximate maximum length of the dead-letter stream. Default 10,000.</summary>
    public int DeadLetterMaxLength { get; set; } = 10_000;

    /// <summary>
    /// Gets the request headers stored with each delivery (case-insensitive names). Default: <c>Content-Type</c>,
    /// <c>X-MeetStream-Signature</c>, <c>X-MeetStream-Timestamp</c>. Never add headers that carry secrets.
    /// </summary>
    public IList<string> StoredHeaders { get; } = ["Content-Type", "X-MeetStream-Signature", "X-MeetStream-Timestamp"];
}
