using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using MeetStream.Client.Diagnostics;

namespace MeetStream.Client.AspNetCore.Internal;

/// <summary>
/// The webhook endpoint's instruments on the <c>MeetStream.Client</c> meter: deliveries by outcome, queue length and
/// capacity, time spent waiting for room, and dispatches by event and outcome.
/// </summary>
internal static class WebhookMetrics
{
    private static readonly ConcurrentDictionary<WebhookEventQueue, byte> Queues = new();

    public static readonly Counter<long> Deliveries = MeetStreamTelemetry.Meter.CreateCounter<long>(
        "meetstream.webhooks.deliveries", unit: "{delivery}", description: "Webhook deliveries received, by outcome (accepted, duplicate, unauthorized, malformed, too_large, unavailable, aborted); malformed ones also by reason (the WebhookParseError, e.g. MissingEventType).");

    public static readonly Counter<long> Dispatches = MeetStreamTelemetry.Meter.CreateCounter<long>(
        "meetstream.webhooks.dispatches", unit: "{event}", description: "Webhook events handed to handlers, by event type and outcome (success, failure).");

    public static readonly Histogram<double> DispatchDuration = MeetStreamTelemetry.Meter.CreateHistogram<double>(
        "meetstream.webhooks.dispatch.duration", unit: "s", description: "Time to run every handler of one webhook event.");

    public static readonly Histogram<double> EnqueueWait = MeetStreamTelemetry.Meter.CreateHistogram<double>(
        "meetstream.webhooks.queue.wait", unit: "s", description: "Time a delivery waited for room in a full webhook queue.");

    private static readonly ObservableGauge<int> QueueLength = MeetStreamTelemetry.Meter.CreateObservableGauge(
        "meetstream.webhooks.queue.length", ObserveLength, unit: "{event}", description: "Accepted webhook events waiting for handlers.");

    private static readonly ObservableGauge<int> QueueCapacity = MeetStreamTelemetry.Meter.CreateObservableGauge(
        "meetstream.webhooks.queue.capacity", ObserveCapacity, unit: "{event}", description: "Capacity of the webhook queue.");

    public static void Track(WebhookEventQueue queue)
    {
        _ = QueueLength;
        _ = QueueCapacity;
        Queues.TryAdd(queue, 0);
    }

    public static void Untrack(WebhookEventQueue queue) => Queues.TryRemove(queue, out _);

    public static void Delivery(string outcome)
    {
        if (Deliveries.Enabled)
        {
            Deliveries.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        }
    }

    /// <summary>Counts a delivery whose body could not be read, tagged with why (<c>reason</c>: the parse error's name).</summary>
    public static void Malformed(string reason)
    {
        if (Deliveries.Enabled)
        {
            Deliveries.Add(1, new KeyValuePair<string, object?>("outcome", "malformed"), new KeyValuePair<string, object?>("reason", reason));
        }
    }

    private static int ObserveLength() => Queues.Keys.Sum(q => q.Count);

    private static int ObserveCapacity() => Queues.Keys.Sum(q => q.Capacity);
}
