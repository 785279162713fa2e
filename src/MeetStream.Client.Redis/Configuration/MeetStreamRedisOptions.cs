using MeetStream.Client.Redis.Deduplication;
using MeetStream.Client.Redis.Inbox;
using StackExchange.Redis;

namespace MeetStream.Client.Redis.Configuration;

/// <summary>
/// Settings of the Redis scale-out for the MeetStream webhook endpoint, set through <c>UseRedis(...)</c>: the
/// connection, the key prefix, shared deduplication, status fan-out, the durable inbox (<see cref="Inbox"/>) and the
/// one outage rule (<see cref="DeliveryTimeout"/>). Every setting of every feature is validated at start-up in one
/// <c>OptionsValidationException</c>. <see cref="ToString"/> never shows the connection string (it can hold a password).
/// </summary>
public sealed class MeetStreamRedisOptions
{
    private string _keyPrefix = RedisPackage.DefaultKeyPrefix;

    /// <summary>
    /// Gets or sets the StackExchange.Redis configuration string, e.g. <c>redis:6379,password=…,ssl=true</c>.
    /// Required unless <c>UseRedis</c> was given the application's own <see cref="IConnectionMultiplexer"/>.
    /// <c>abortConnect=false</c> and <see cref="BacklogPolicy.FailFast"/> are always applied: the application starts
    /// while Redis is down, reconnects on its own, and no command waits in a queue behind a dead connection.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Gets or sets the prefix of every key and channel this package uses (default <see cref="RedisPackage.DefaultKeyPrefix"/>),
    /// including the inbox's streams unless set there; give each application sharing one Redis its own.
    /// </summary>
    public string KeyPrefix
    {
        get => _keyPrefix;
        set
        {
            _keyPrefix = value;
            Inbox.KeyPrefix = value;
        }
    }

    /// <summary>
    /// Gets or sets the outage rule of everything a webhook delivery waits on in Redis (the deduplication claim and
    /// the inbox append): the longest a delivery waits, in total, for a connection and for Redis's answer before it is
    /// refused with <b>503</b> and <c>Retry-After</c>. Default 2 seconds; between 10 milliseconds and 30 seconds.
    /// </summary>
    /// <remarks>
    /// <para>A command is never queued behind a dead connection (<see cref="BacklogPolicy.FailFast"/>): while Redis is
    /// unreachable a delivery waits for the client to reconnect, at most this long, then gets 503 — so a delivery refused
    /// during an outage is not written to Redis later (a command already sent to a server that then stops answering has
    /// an unknown outcome, as with any client). MeetStream does not retry deliveries, so a short wait
    /// rides out a brief blip (a restart, a fail-over, a dropped socket) instead of losing the event, while a real
    /// outage answers every sender within this bound instead of hanging it for the client's default timeouts. Set it
    /// lower to fail faster; keep it well under the sender's own timeout.</para>
    /// <para>This bound replaces the webhook options' <c>EnqueueTimeout</c> for the inbox append. With an application-owned
    /// multiplexer whose backlog policy queues commands, a command issued just as the connection drops can still be
    /// written after the 503; set <see cref="BacklogPolicy.FailFast"/> on it for the same guarantee.</para>
    /// </remarks>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets or sets a value indicating whether the webhook deduplication store is replaced by the shared one on Redis (default <see langword="true"/>).</summary>
    public bool EnableDeduplication { get; set; } = true;

    /// <summary>
    /// Gets or sets how long a received event's key is remembered in Redis; <see langword="null"/> (the default) uses
    /// the webhook options' <c>DeduplicationExpiry</c>.
    /// </summary>
    public TimeSpan? DeduplicationExpiry { get; set; }

    /// <summary>
    /// Gets or sets what a delivery gets while Redis cannot answer the deduplication claim (default
    /// <see cref="RedisUnavailableBehavior.Reject"/>: 503). <see cref="RedisUnavailableBehavior.Process"/> only helps
    /// with the inbox off: with it on, Redis cannot store the delivery either and it is refused anyway.
    /// </summary>
    public RedisUnavailableBehavior WhenDeduplicationUnavailable { get; set; } = RedisUnavailableBehavior.Reject;

    /// <summary>
    /// Gets or sets a value indicating whether bot status changes seen in webhooks are published to every replica, so
    /// <c>BotStatusWaiter.WaitForStatusAsync</c> on any replica hears a webhook that reached another (default <see langword="true"/>).
    /// </summary>
    public bool EnableStatusFanOut { get; set; } = true;

    /// <summary>
    /// Gets or sets a value indicating whether the in-memory webhook queue is replaced by the durable inbox on a Redis
    /// Stream (default <see langword="true"/>): each delivery is stored before the 200 and handled at least once by any
    /// replica. Its settings are in <see cref="Inbox"/>.
    /// </summary>
    public bool EnableInbox { get; set; } = true;

    /// <summary>Gets the durable inbox's settings (used when <see cref="EnableInbox"/> is on).</summary>
    public RedisWebhookInboxOptions Inbox { get; } = new();

    /// <summary>Gets or sets this replica's name in published messages (default: machine name, process id and a random suffix).</summary>
    public string ReplicaId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";

    /// <summary>Gets or sets the application's own multiplexer factory (the <c>UseRedis</c> overload taking one).</summary>
    internal Func<IServiceProvider, IConnectionMultiplexer>? ConnectionFactory { get; set; }

    /// <summary>Describes the options without the connection string.</summary>
    /// <returns>A description safe for logs.</returns>
    public override string ToString() =>
        $"MeetStreamRedisOptions {{ ConnectionString = {(ConnectionString is null ? "(not set)" : "(set, hidden)")}, OwnMultiplexer = {ConnectionFactory is not null}, KeyPrefix = {KeyPrefix}, DeliveryTimeout = {DeliveryTimeout}, EnableDeduplication = {EnableDeduplication}, DeduplicationExpiry = {DeduplicationExpiry?.ToString() ?? "(webhook options)"}, WhenDeduplicationUnavailable = {WhenDeduplicationUnavailable}, EnableStatusFanOut = {EnableStatusFanOut}, EnableInbox = {EnableInbox}, ReplicaId = {ReplicaId} }}";
}
