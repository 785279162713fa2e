namespace MeetStream.Client.Tests.Infrastructure;

/// <summary>
/// A controllable clock for tests: time moves only when the test calls <see cref="Advance"/>, or, with
/// <see cref="AutoAdvance"/>, jumps straight to each timer's due time the moment the timer is created (so retry and
/// polling delays pass instantly while their lengths are recorded in <see cref="RequestedDelays"/>).
/// </summary>
public sealed class FakeTimeProvider : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<FakeTimer> _timers = [];
    private readonly List<TimeSpan> _requested = [];
    private DateTimeOffset _now;
    private long _ticks;

    public FakeTimeProvider(DateTimeOffset? start = null)
    {
        _now = start ?? new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    }

    /// <summary>Gets or sets whether creating a timer advances the clock to its due time at once.</summary>
    public bool AutoAdvance { get; set; }

    /// <summary>Gets or sets the longest due time <see cref="AutoAdvance"/> jumps over; longer timers (deadlines) wait for <see cref="Advance"/>.</summary>
    public TimeSpan AutoAdvanceLimit { get; set; } = TimeSpan.MaxValue;

    /// <summary>Gets the due times of every timer created, in order.</summary>
    public IReadOnlyList<TimeSpan> RequestedDelays
    {
        get
        {
            lock (_gate)
            {
                return _requested.ToArray();
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp()
    {
        lock (_gate)
        {
            return _ticks;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        lock (_gate)
        {
            // Arm before publishing, under the same lock, so a concurrent Advance never sees an unarmed timer.
            timer.Change(dueTime, period);
            _timers.Add(timer);
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                _requested.Add(dueTime);
            }
        }

        if (AutoAdvance && dueTime != Timeout.InfiniteTimeSpan && dueTime <= AutoAdvanceLimit)
        {
            Advance(dueTime);
        }

        return timer;
    }

    /// <summary>Moves the clock forward and fires every timer that became due.</summary>
    public void Advance(TimeSpan by)
    {
        List<FakeTimer> due;
        lock (_gate)
        {
            _now += by;
            _ticks += by.Ticks;
            due = _timers.Where(t => t.DueAt is { } at && at <= _ticks).OrderBy(t => t.DueAt).ToList();
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    /// <summary>Waits (really, briefly) until a timer with the given due time exists; for tests that advance by hand.</summary>
    public async Task WaitForTimerAsync(Func<TimeSpan, bool> match, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            lock (_gate)
            {
                if (_requested.Any(match))
                {
                    return;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("No matching timer was created.");
            }

            await Task.Delay(5);
        }
    }

    private void Remove(FakeTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private long _period;

        public long? DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : owner._ticks + dueTime.Ticks;
                _period = period == Timeout.InfiniteTimeSpan ? 0 : period.Ticks;
            }

            return true;
        }

        public void Fire()
        {
            lock (owner._gate)
            {
                if (DueAt is null)
                {
                    return;
                }

                DueAt = _period > 0 ? DueAt + _period : null;
            }

            callback(state);
        }

        public void Dispose() => owner.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
