namespace MeetStream.Client.Testing;

/// <summary>
/// Everything the simulator received (REST calls, WebSocket commands) and sent (webhooks, participant events, live
/// transcript chunks, WebSocket messages), in order, for assertions. Thread-safe; the lists returned are snapshots.
/// </summary>
public sealed class SimulatorJournal
{
    private readonly object _gate = new();
    private readonly List<SimulatorRequestRecord> _requests = [];
    private readonly List<SimulatorWebhookRecord> _webhooks = [];
    private readonly List<string> _errors = [];
    private readonly List<SimulatorRealtimeRecord> _realtime = [];
    private readonly List<(Func<SimulatorRealtimeRecord, bool> Match, TaskCompletionSource<SimulatorRealtimeRecord> Done)> _realtimeWaiters = [];
    private readonly List<(Func<SimulatorWebhookRecord, bool> Match, TaskCompletionSource<SimulatorWebhookRecord> Done)> _waiters = [];
    private long _sequence;

    internal SimulatorJournal()
    {
    }

    /// <summary>Gets the REST calls received, oldest first.</summary>
    public IReadOnlyList<SimulatorRequestRecord> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <summary>Gets the deliveries made, oldest first.</summary>
    public IReadOnlyList<SimulatorWebhookRecord> Webhooks
    {
        get
        {
            lock (_gate)
            {
                return _webhooks.ToArray();
            }
        }
    }

    /// <summary>Gets what happened on the simulated bots' WebSockets, oldest first.</summary>
    public IReadOnlyList<SimulatorRealtimeRecord> Realtime
    {
        get
        {
            lock (_gate)
            {
                return _realtime.ToArray();
            }
        }
    }

    /// <summary>Gets internal errors of the simulator itself (a scripted step that threw); empty in a healthy run.</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_gate)
            {
                return _errors.ToArray();
            }
        }
    }

    /// <summary>Gets the deliveries of one bot on one channel (all channels when <paramref name="channel"/> is null), oldest first.</summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="channel">The channel, or null for all.</param>
    /// <returns>The matching deliveries.</returns>
    public IReadOnlyList<SimulatorWebhookRecord> WebhooksFor(string botId, SimulatorWebhookChannel? channel = null)
    {
        ArgumentNullException.ThrowIfNull(botId);
        lock (_gate)
        {
            return _webhooks.Where(w => w.BotId == botId && (channel is null || w.Channel == channel)).ToArray();
        }
    }

    /// <summary>Waits until a delivery matching <paramref name="match"/> has been made (returns at once if one already was).</summary>
    /// <param name="match">The condition.</param>
    /// <param name="timeout">How long to wait in real time; default 30 s.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The first matching delivery.</returns>
    /// <exception cref="TimeoutException">No matching delivery was made in time.</exception>
    public async Task<SimulatorWebhookRecord> WaitForWebhookAsync(Func<SimulatorWebhookRecord, bool> match, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(match);
        TaskCompletionSource<SimulatorWebhookRecord> done;
        lock (_gate)
        {
            var existing = _webhooks.FirstOrDefault(match);
            if (existing is not null)
            {
                return existing;
            }

            done = new TaskCompletionSource<SimulatorWebhookRecord>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, done));
        }

        try
        {
            return await done.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No matching webhook delivery within {(timeout ?? TimeSpan.FromSeconds(30)).TotalSeconds:0.#} s; deliveries so far: {string.Join(", ", Webhooks.Select(w => w.ToString()))}.");
        }
        finally
        {
            lock (_gate)
            {
                _waiters.RemoveAll(w => w.Done == done);
            }
        }
    }

    /// <summary>Waits until a WebSocket record matching <paramref name="match"/> exists (returns at once if one already does).</summary>
    /// <param name="match">The condition.</param>
    /// <param name="timeout">How long to wait in real time; default 30 s.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The first matching record.</returns>
    /// <exception cref="TimeoutException">No matching record appeared in time.</exception>
    public async Task<SimulatorRealtimeRecord> WaitForRealtimeAsync(Func<SimulatorRealtimeRecord, bool> match, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(match);
        TaskCompletionSource<SimulatorRealtimeRecord> done;
        lock (_gate)
        {
            var existing = _realtime.FirstOrDefault(match);
            if (existing is not null)
            {
                return existing;
            }

            done = new TaskCompletionSource<SimulatorRealtimeRecord>(TaskCreationOptions.RunContinuationsAsynchronously);
            _realtimeWaiters.Add((match, done));
        }

        try
        {
            return await done.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No matching WebSocket record within {(timeout ?? TimeSpan.FromSeconds(30)).TotalSeconds:0.#} s; records so far: {string.Join(", ", Realtime.Select(r => r.ToString()))}.");
        }
        finally
        {
            lock (_gate)
            {
                _realtimeWaiters.RemoveAll(w => w.Done == done);
            }
        }
    }

    /// <summary>Forgets every record (not the simulator's state).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _requests.Clear();
            _webhooks.Clear();
            _errors.Clear();
            _realtime.Clear();
        }
    }

    internal long NextSequence() => Interlocked.Increment(ref _sequence);

    internal void Add(SimulatorRequestRecord record)
    {
        lock (_gate)
        {
            _requests.Add(record);
        }
    }

    internal void Add(SimulatorWebhookRecord record)
    {
        List<TaskCompletionSource<SimulatorWebhookRecord>> completed = [];
        lock (_gate)
        {
            _webhooks.Add(record);
            foreach (var waiter in _waiters.ToArray())
            {
                if (waiter.Match(record))
                {
                    completed.Add(waiter.Done);
                    _waiters.Remove(waiter);
                }
            }
        }

        foreach (var done in completed)
        {
            done.TrySetResult(record);
        }
    }

    internal void Add(SimulatorRealtimeRecord record)
    {
        List<TaskCompletionSource<SimulatorRealtimeRecord>> completed = [];
        lock (_gate)
        {
            _realtime.Add(record);
            foreach (var waiter in _realtimeWaiters.ToArray())
            {
                if (waiter.Match(record))
                {
                    completed.Add(waiter.Done);
                    _realtimeWaiters.Remove(waiter);
                }
            }
        }

        foreach (var done in completed)
        {
            done.TrySetResult(record);
        }
    }

    internal void AddError(string error)
    {
        lock (_gate)
        {
            _errors.Add(error);
        }
    }
}
