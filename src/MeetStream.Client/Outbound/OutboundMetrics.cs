using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using MeetStream.Client.Diagnostics;

namespace MeetStream.Client.Outbound;

/// <summary>
/// The outbound sinks' instruments on the <c>MeetStream.Client</c> meter, tagged with the sink's name (<c>sink</c>):
/// payloads by final outcome, retries, and queue length.
/// </summary>
internal static class OutboundMetrics
{
    private static readonly ConcurrentDictionary<SignedWebhookSink, byte> Sinks = new();

    public static readonly Counter<long> Payloads = MeetStreamTelemetry.Meter.CreateCounter<long>(
        "meetstream.outbound.payloads", unit: "{payload}", description: "Payloads handled by outbound webhook sinks, by sink and outcome (delivered, failed, dropped).");

    public static readonly Counter<long> Retries = MeetStreamTelemetry.Meter.CreateCounter<long>(
        "meetstream.outbound.retries", unit: "{retry}", description: "Retried attempts of outbound webhook sinks, by sink.");

    public static readonly Histogram<double> DeliveryDuration = MeetStreamTelemetry.Meter.CreateHistogram<double>(
        "meetstream.outbound.delivery.duration", unit: "s", description: "Time from enqueue to the final outcome of a payload, retries included, by sink and outcome.");

    private static readonly ObservableGauge<int> QueueLength = MeetStreamTelemetry.Meter.CreateObservableGauge(
        "meetstream.outbound.queue.length", ObserveLength, unit: "{payload}", description: "Payloads waiting in outbound webhook sinks' queues, by sink.");

    public static void Track(SignedWebhookSink sink)
    {
        _ = QueueLength;
        Sinks.TryAdd(sink, 0);
    }

    public static void Untrack(SignedWebhookSink sink) => Sinks.TryRemove(sink, out _);

    public static void Outcome(string sink, string outcome, long count = 1)
    {
        if (Payloads.Enabled && count > 0)
        {
            Payloads.Add(count, new KeyValuePair<string, object?>("sink", sink), new KeyValuePair<string, object?>("outcome", outcome));
        }
    }

    public static void Retry(string sink)
    {
        if (Retries.Enabled)
        {
            Retries.Add(1, new KeyValuePair<string, object?>("sink", sink));
        }
    }

    public static void Duration(string sink, string outcome, TimeSpan elapsed)
    {
        if (DeliveryDuration.Enabled)
        {
            DeliveryDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("sink", sink), new KeyValuePair<string, object?>("outcome", outcome));
        }
    }

    private static IEnumerable<Measurement<int>> ObserveLength()
    {
        foreach (var sink in Sinks.Keys)
        {
            yield return new Measurement<int>(sink.QueueLength, new KeyValuePair<string, object?>("sink", sink.Name));
        }
    }
}
