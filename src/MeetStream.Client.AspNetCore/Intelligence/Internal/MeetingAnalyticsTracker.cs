namespace MeetStream.Client.AspNetCore.Internal;

/// <summary>
/// Remembers which bots' analytics are in progress or done, so they run once per bot although both
/// <c>transcription.processed</c> and <c>bot.done</c> (and duplicates) arrive. Bounded: the oldest bots are forgotten first.
/// </summary>
internal sealed class MeetingAnalyticsTracker(int capacity)
{
    private readonly object _gate = new();
    private readonly HashSet<string> _bots = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>Claims a bot; <see langword="false"/> when its analytics are done or in progress.</summary>
    public bool TryBegin(string botId)
    {
        lock (_gate)
        {
            if (!_bots.Add(botId))
            {
                return false;
            }

            _order.Enqueue(botId);
            while (_order.Count > capacity)
            {
                _bots.Remove(_order.Dequeue());
            }

            return true;
        }
    }

    /// <summary>Gives a claim back (the analytics could not be computed yet), so a later event may try again.</summary>
    public void Release(string botId)
    {
        lock (_gate)
        {
            _bots.Remove(botId); // its stale entry in _order only makes a later eviction a no-op
        }
    }
}
