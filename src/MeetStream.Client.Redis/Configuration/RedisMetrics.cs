using System.Diagnostics.Metrics;
using MeetStream.Client.Diagnostics;

namespace MeetStream.Client.Redis.Configuration;

/// <summary>
/// The Redis package's instruments on the existing <c>MeetStream.Client</c> meter: shared deduplication claims by
/// outcome and status fan-out messages by direction.
/// </summary>
internal static class RedisMetrics
{
    public static readonly Counter<long> Deduplication = MeetStreamTelemetry.Meter.CreateCounter<long>(
        "meetstream.redis.deduplication", unit: "{claim}", description: "Shared webhook deduplication on Redis, by outcome (claimed, duplicate, unavailable, processed_unavailable, released, release_failed).");

    public static readonly Counter<long> StatusFanOut = MeetStreamTelemetry.Meter.CreateCounter<long>(
        "meetstream.redis.status_fanout", unit: "{message}", description: "Bot status changes fanned out between replicas over Redis pub/sub, by direction (published, received, publish_failed, malformed).");

    public static void Dedup(string outcome)
    {
        if (Deduplication.Enabled)
        {
            Deduplication.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        }
    }

    public static void FanOut(string direction)
    {
        if (StatusFanOut.Enabled)
        {
            StatusFanOut.Add(1, new KeyValuePair<string, object?>("direction", direction));
        }
    }
}
