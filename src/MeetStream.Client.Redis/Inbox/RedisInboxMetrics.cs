using System.Diagnostics.Metrics;
using MeetStream.Client.Diagnostics;

namespace MeetStream.Client.Redis.Inbox;

/// <summary>The durable inbox's instruments on the SDK's <see cref="MeetStreamTelemetry.Meter"/>.</summary>
internal static class RedisInboxMetrics
{
    public static readonly Counter<long> AppendFailures = MeetStreamTelemetry.Meter.CreateCounter<long>(
        "meetstream.webhook.inbox.append_failures", "{delivery}", "Deliveries answered 503 because Redis could not store them.");

    public static readonly Counter<long> Redeliveries = MeetStreamTelemetry.Meter.CreateCounter<long>(
        "meetstream.webhook.inbox.redeliveries", "{delivery}", "Inbox entries delivered to handlers again (claimed after a consumer died or a handler failed).");

    public static readonly Counter<long> DeadLetters = MeetStreamTelemetry.Meter.CreateCounter<long>(
        "meetstream.webhook.inbox.dead_letters", "{entry}", "Inbox entries moved to the dead-letter stream.");

    public static readonly Counter<long> Acknowledged = MeetStreamTelemetry.Meter.CreateCounter<long>(
        "meetstream.webhook.inbox.acknowledged", "{entry}", "Inbox entries acknowledged after their handlers succeeded.");
}
