using System.Collections.Concurrent;

namespace MeetStream.Client.Redis.Tests.Inbox;

/// <summary>
/// What the handlers of a set of replicas did, per event: every start (replica, delivery count) and every successful
/// finish, for the proofs' counts (lost, handled twice, redeliveries).
/// </summary>
internal sealed class HandlingLog
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(string Replica, int DeliveryCount)>> _starts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _finished = new(StringComparer.Ordinal);

    /// <summary>Gets how many distinct events a handler finished successfully.</summary>
    public int DistinctFinished => _finished.Count;

    /// <summary>Records every handler start and finish of <paramref name="replica"/> under <paramref name="name"/>.</summary>
    public void Attach(InboxReplica replica, string name)
    {
        var behaviour = replica.Behaviour;
        replica.Behaviour = (message, delivery, ct) =>
        {
            _starts.GetOrAdd(message, static _ => new()).Enqueue((name, delivery.DeliveryCount));
            return behaviour(message, delivery, ct);
        };
        replica.Handled = (message, _) => _finished.AddOrUpdate(message, 1, static (_, n) => n + 1);
    }

    /// <summary>Gets whether a handler finished <paramref name="message"/>.</summary>
    public bool Finished(string message) => _finished.ContainsKey(message);

    /// <summary>Gets every handler start of <paramref name="message"/>, in order.</summary>
    public (string Replica, int DeliveryCount)[] Starts(string message) =>
        _starts.TryGetValue(message, out var starts) ? [.. starts] : [];

    /// <summary>Gets the events whose handlers started more than once.</summary>
    public string[] StartedMoreThanOnce() => [.. _starts.Where(p => p.Value.Count > 1).Select(p => p.Key)];

    /// <summary>Gets how many handler starts were marked as redeliveries (delivery count above 1).</summary>
    public int Redeliveries => _starts.Values.Sum(s => s.Count(c => c.DeliveryCount > 1));

    /// <summary>Gets how many handler starts there were in all.</summary>
    public int StartCount => _starts.Values.Sum(s => s.Count);
}
