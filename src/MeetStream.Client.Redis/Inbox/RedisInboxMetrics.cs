using System.Diagnostics.Metrics;
using MeetStream.Client.Diagnostics;

namespace MeetStream.Client.Redis.Inbox;

/// <summary>The durable inbox's instruments on the SDK's <see cref="MeetStreamTelemetry.Meter"/>.</summary>
/// <remarks>
/// The gauges are observed from each replica's cached <see cref="RedisInboxSnapshot"/> (tags <c>stream</c>: the inbox
/// stream key, <c>consumer</c>: the replica's consumer name). Every replica reports the same shared stream, so aggregate
/// them across replicas with a maximum or the latest value, not a sum.
/// </remarks>
internal static class RedisInboxMetrics
{
    public static readonly Counter<long> AppendFailures = MeetStreamTelemetry.Meter.CreateCounter<long>(
        "meetstream.redis.inbox.append_failures", "{delivery}", "Deliveries answered 503 because Redis could not store them.");

    public static readonly Counter<long> Redeliveries = MeetStreamTelemetry.Meter.CreateCounter<long>(
        "meetstream.redis.inbox.redeliveries", "{delivery}", "Inbox entries delivered to handlers again (claimed after a consumer died or a handler failed).");

    public static readonly Counter<long> DeadLetters = MeetStreamTelemetry.Meter.CreateCounter<long>(
        "meetstream.redis.inbox.dead_letters", "{entry}", "Inbox entries moved to the dead-letter stream.");

    public static readonly Counter<long> Acknowledged = MeetStreamTelemetry.Meter.CreateCounter<long>(
        "meetstream.redis.inbox.acknowledged", "{entry}", "Inbox entries acknowledged after their handlers succeeded.");

    public static readonly ObservableGauge<long> StreamLength = MeetStreamTelemetry.Meter.CreateObservableGauge(
        "meetstream.redis.inbox.stream_length", static () => RedisInboxSnapshot.Measure(static v => v.StreamLength), "{entry}", "Entries in the inbox stream (XLEN: unread, pending and acknowledged entries not yet trimmed).");

    public static readonly ObservableGauge<long> Pending = MeetStreamTelemetry.Meter.CreateObservableGauge(
        "meetstream.redis.inbox.pending", static () => RedisInboxSnapshot.Measure(static v => v.Pending), "{entry}", "Inbox entries delivered to a consumer and not yet acknowledged (XPENDING).");

    public static readonly ObservableGauge<long> DeadLetterLength = MeetStreamTelemetry.Meter.CreateObservableGauge(
        "meetstream.redis.inbox.dead_letter_length", static () => RedisInboxSnapshot.Measure(static v => v.DeadLetterLength), "{entry}", "Entries in the dead-letter stream (XLEN) waiting for an operator.");

    /// <summary>Gets a value indicating whether any listener observes the gauges (the consumer refreshes them only then).</summary>
    public static bool GaugesEnabled => StreamLength.Enabled || Pending.Enabled || DeadLetterLength.Enabled;
}
