namespace MeetStream.Client.Webhooks;

/// <summary>
/// The default <see cref="IWebhookDeduplicationStore"/>: keys kept in memory for a limited time (default 24 hours)
/// and in limited number (default 50,000; the oldest are forgotten first), like MeetStream's own webhook sample.
/// Thread-safe; every operation is O(1). One process only: use a shared store when you run several instances.
/// </summary>
public sealed class InMemoryWebhookDeduplicationStore : IWebhookDeduplicationStore
{
    /// <summary>The default number of keys kept.</summary>
    public const int DefaultCapacity = 50_000;

    private readonly object _gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _byAge = new();
    private readonly int _capacity;
    private readonly long _expiryTicks;
    private readonly TimeProvider _time;

    /// <summary>Initializes a store.</summary>
    /// <param name="capacity">The most keys kept; the oldest are forgotten first. Default <see cref="DefaultCapacity"/>.</param>
    /// <param name="expiry">How long a key is kept. Default <see cref="DefaultExpiry"/>.</param>
    /// <param name="timeProvider">The clock. Default <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The capacity or the expiry is not positive.</exception>
    public InMemoryWebhookDeduplicationStore(int capacity = DefaultCapacity, TimeSpan? expiry = null, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        var ttl = expiry ?? DefaultExpiry;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero, nameof(expiry));
        _capacity = capacity;
        _time = timeProvider ?? TimeProvider.System;
        _expiryTicks = (long)(ttl.TotalSeconds * _time.TimestampFrequency);
    }

    /// <summary>Gets the default time a key is kept: 24 hours.</summary>
    public static TimeSpan DefaultExpiry { get; } = TimeSpan.FromHours(24);

    /// <summary>Gets the number of keys currently kept (expired keys count until the next call removes them).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> TryClaimAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<bool>(TryClaim(key));
    }

    /// <inheritdoc />
    public ValueTask ReleaseAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            if (_entries.Remove(key, out var node))
            {
                _byAge.Remove(node);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Records a key if it is new.</summary>
    /// <param name="key">The key.</param>
    /// <returns><see langword="true"/> the first time; <see langword="false"/> while the key is remembered.</returns>
    public bool TryClaim(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = _time.GetTimestamp();
        lock (_gate)
        {
            while (_byAge.First is { } oldest && now - oldest.Value.ClaimedAt >= _expiryTicks)
            {
                _byAge.RemoveFirst();
                _entries.Remove(oldest.Value.Key);
            }

            if (_entries.ContainsKey(key))
            {
                return false;
            }

            _entries[key] = _byAge.AddLast(new Entry(key, now));
            if (_entries.Count > _capacity && _byAge.First is { } evicted)
            {
                _byAge.RemoveFirst();
                _entries.Remove(evicted.Value.Key);
            }

            return true;
        }
    }

    private readonly record struct Entry(string Key, long ClaimedAt);
}
