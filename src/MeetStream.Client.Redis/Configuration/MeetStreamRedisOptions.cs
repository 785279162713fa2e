using MeetStream.Client.Redis.Deduplication;

namespace MeetStream.Client.Redis.Configuration;

/// <summary>
/// Settings of the Redis scale-out for the MeetStream webhook endpoint, set through <c>UseRedis(...)</c> and
/// validated at start-up. <see cref="ToString"/> never shows the connection string (it can hold a password).
/// </summary>
public sealed class MeetStreamRedisOptions
{
    /// <summary>
    /// Gets or sets the StackExchange.Redis configuration string, e.g. <c>redis:6379,password=…,ssl=true</c>.
    /// Required. <c>abortConnect=false</c> is always applied: the application starts while Redis is down and
    /// reconnects on its own.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Gets or sets the prefix of every key and channel this package uses (default <see cref="RedisPackage.DefaultKeyPrefix"/>); give each application sharing one Redis its own.</summary>
    public string KeyPrefix { get; set; } = RedisPackage.DefaultKeyPrefix;

    /// <summary>Gets or sets a value indicating whether the webhook deduplication store is replaced by the shared one on Redis (default <see langword="true"/>).</summary>
    public bool EnableDeduplication { get; set; } = true;

    /// <summary>
    /// Gets or sets how long a received event's key is remembered in Redis; <see langword="null"/> (the default) uses
    /// the webhook options' <c>DeduplicationExpiry</c>.
    /// </summary>
    public TimeSpan? DeduplicationExpiry { get; set; }

    /// <summary>Gets or sets what a delivery gets while Redis cannot answer (default <see cref="RedisUnavailableBehavior.Reject"/>: 503).</summary>
    public RedisUnavailableBehavior WhenDeduplicationUnavailable { get; set; } = RedisUnavailableBehavior.Reject;

    /// <summary>
    /// Gets or sets a value indicating whether bot status changes seen in webhooks are published to every replica, so
    /// <c>BotStatusWaiter.WaitForStatusAsync</c> on any replica hears a webhook that reached another (default <see langword="true"/>).
    /// </summary>
    public bool EnableStatusFanOut { get; set; } = true;

    /// <summary>Gets or sets this replica's name in published messages (default: machine name, process id and a random suffix).</summary>
    public string ReplicaId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";

    /// <summary>Describes the options without the connection string.</summary>
    /// <returns>A description safe for logs.</returns>
    public override string ToString() =>
        $"MeetStreamRedisOptions {{ ConnectionString = {(ConnectionString is null ? "(not set)" : "(set, hidden)")}, KeyPrefix = {KeyPrefix}, EnableDeduplication = {EnableDeduplication}, DeduplicationExpiry = {DeduplicationExpiry?.ToString() ?? "(webhook options)"}, WhenDeduplicationUnavailable = {WhenDeduplicationUnavailable}, EnableStatusFanOut = {EnableStatusFanOut}, ReplicaId = {ReplicaId} }}";
}
