namespace MeetStream.Client.AspNetCore.Internal;

/// <summary>
/// Remembers which bots' analytics are in progress or done, so they run once per bot although both
/// <c>transcription.processed</c> and <c>bot.done</c> (and duplicates) arrive. Bounded: the oldest bots are forgotten first.
/// </summary>
internal sealed class MeetingAnalyticsTracker(int capacity)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, LinkedListNode<string>> _bots = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _order = new();

    /// <summary>Gets how many bots are remembered.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _bots.Count;
            }
        }
    }

    /// <summary>Claims a bot; <see langword="false"/> when its analytics are done or in progress.</summary>
    public bool TryBegin(string botId)
    {
        lock (_gate)
        {
            if (_bots.ContainsKey(botId))
            {
                return false;
            }

            _bots.Add(botId, _order.AddLast(botId));
            while (_order.Count > capacity)
            {
                _bots.Remove(_order.First!.Value);
                _order.RemoveFirst();
            }

            return true;
        }
    }

    /// <summary>Gives a claim back (the analytics could not be computed yet), so a later event may try again.</summary>
    public void Release(string botId)
    {
        lock (_gate)
        {
            if (_bots.Remove(botId, out var node))
            {
                _order.Remove(node);
            }
        }
    }
}
