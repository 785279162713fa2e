using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using MeetStream.Client.Diagnostics;
using MeetStream.Client.Redis.Tests.Configuration;
using MeetStream.Client.Redis.Tests.Infrastructure;
using MeetStream.Client.Tests.Webhooks;

namespace MeetStream.Client.Redis.Tests.Deduplication;

/// <summary>Shared deduplication reports its outcomes on the existing <c>MeetStream.Client</c> meter.</summary>
public sealed class RedisDeduplicationMetricsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deliver_NewDuplicateAndOutage_CountedByOutcomeOnTheMeetStreamMeter()
    {
        var outcomes = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == MeetStreamTelemetry.Name && instrument.Name == "meetstream.redis.deduplication")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "outcome")
                {
                    outcomes.AddOrUpdate((string)tag.Value!, value, (_, n) => n + value);
                }
            }
        });
        listener.Start();
        await using var redis = await RedisServer.StartAsync(Ct);
        await using var a = await RedisReplicaHost.StartAsync(redis.ConnectionString);
        var json = WebhookPayloads.Lifecycle("bot.inmeeting", "InMeeting", "metrics", timestamp: "2026-03-01T00:00:00+00:00");

        using var first = await a.Client.SendAsync(RedisReplicaHost.Signed(json), Ct);
        using var second = await a.Client.SendAsync(RedisReplicaHost.Signed(json), Ct);
        redis.Kill();
        using var third = await a.Client.SendAsync(RedisReplicaHost.Signed(WebhookPayloads.Lifecycle("bot.inmeeting", "InMeeting", "metrics 2")), Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, third.StatusCode);
        Assert.True(outcomes.GetValueOrDefault("claimed") >= 1);
        Assert.True(outcomes.GetValueOrDefault("duplicate") >= 1);
        Assert.True(outcomes.GetValueOrDefault("unavailable") >= 1);
    }
}
