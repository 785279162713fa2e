namespace MeetStream.Client.Redis;

/// <summary>
/// Settings of the live-session scale-out on Redis: this replica's identity, the bot directory's expiry and heartbeat,
/// and how long a command sent to another replica may take. Validated at start-up.
/// </summary>
public sealed class RedisBotSessionOptions
{
    /// <summary>
    /// Gets or sets this replica's id, unique among the replicas sharing the Redis server. Default: the machine name
    /// and a random suffix (so two processes on one machine never collide).
    /// </summary>
    public string ReplicaId { get; set; } = Environment.MachineName + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Gets or sets the prefix of every Redis key and channel. Default <see cref="RedisPackage.DefaultKeyPrefix"/>.</summary>
    public string KeyPrefix { get; set; } = RedisPackage.DefaultKeyPrefix;

    /// <summary>
    /// Gets or sets how long a directory entry (bot id → replica) lives without a heartbeat: a dead replica's entries
    /// vanish after this. Default 30 seconds; at least one second and more than <see cref="HeartbeatInterval"/>.
    /// </summary>
    public TimeSpan EntryTimeToLive { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how often a replica renews the directory entries of its live sessions. Default 10 seconds.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Gets or sets how long a command sent to another replica may take before the caller gets a timeout error
    /// (a speech command lasts until every chunk was sent). Default 60 seconds.
    /// </summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Checks every setting.</summary>
    /// <returns>The problems found, empty when valid.</returns>
    internal List<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(ReplicaId) || ReplicaId.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            errors.Add($"{nameof(ReplicaId)} must be a non-empty id without whitespace.");
        }

        if (string.IsNullOrWhiteSpace(KeyPrefix))
        {
            errors.Add($"{nameof(KeyPrefix)} must not be empty.");
        }

        if (HeartbeatInterval <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(HeartbeatInterval)} must be positive; got {HeartbeatInterval}.");
        }

        if (EntryTimeToLive < TimeSpan.FromSeconds(1) || EntryTimeToLive <= HeartbeatInterval)
        {
            errors.Add($"{nameof(EntryTimeToLive)} must be at least 1 second and longer than {nameof(HeartbeatInterval)} ({HeartbeatInterval}); got {EntryTimeToLive}.");
        }

        if (CommandTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(CommandTimeout)} must be positive; got {CommandTimeout}.");
        }

        return errors;
    }
}
