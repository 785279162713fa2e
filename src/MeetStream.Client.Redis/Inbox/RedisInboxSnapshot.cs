using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace MeetStream.Client.Redis.Inbox;

/// <summary>
/// The last sizes one replica's consumer observed of its inbox (stream length, pending entries, dead-letter stream
/// length), refreshed in the background by <see cref="RedisWebhookConsumer"/> and read synchronously by the observable
/// gauges of <see cref="RedisInboxMetrics"/>, so an observation never waits on Redis. A snapshot that could not be
/// refreshed (Redis down) reports nothing rather than stale numbers.
/// </summary>
internal sealed class RedisInboxSnapshot : IDisposable
{
    private static readonly ConcurrentDictionary<RedisInboxSnapshot, byte> Live = new();

    private readonly KeyValuePair<string, object?>[] _tags;
    private Values? _values;

    private RedisInboxSnapshot(string stream, string consumer)
    {
        _tags = [new("stream", stream), new("consumer", consumer)];
    }

    /// <summary>Starts reporting a consumer's inbox sizes (none until the first <see cref="Update"/>).</summary>
    public static RedisInboxSnapshot Register(string stream, string consumer)
    {
        var snapshot = new RedisInboxSnapshot(stream, consumer);
        Live.TryAdd(snapshot, 0);
        return snapshot;
    }

    /// <summary>Records freshly read sizes.</summary>
    public void Update(long streamLength, long pending, long deadLetterLength) =>
        Volatile.Write(ref _values, new Values(streamLength, pending, deadLetterLength));

    /// <summary>Stops reporting until the next successful <see cref="Update"/> (the sizes could not be read).</summary>
    public void Clear() => Volatile.Write(ref _values, null);

    /// <summary>Stops reporting this consumer's sizes (it stopped).</summary>
    public void Dispose() => Live.TryRemove(this, out _);

    /// <summary>One measurement per live consumer that has current sizes; called by the gauges' callbacks.</summary>
    public static IEnumerable<Measurement<long>> Measure(Func<Values, long> select)
    {
        foreach (var snapshot in Live.Keys)
        {
            if (Volatile.Read(ref snapshot._values) is { } values)
            {
                yield return new Measurement<long>(select(values), snapshot._tags);
            }
        }
    }

    /// <summary>Sizes read together from Redis.</summary>
    public sealed record Values(long StreamLength, long Pending, long DeadLetterLength);
}
