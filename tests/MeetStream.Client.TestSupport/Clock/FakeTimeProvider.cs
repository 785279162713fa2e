namespace MeetStream.Client.Tests.Infrastructure;

/// <summary>
/// The test clock: Microsoft's <see cref="Microsoft.Extensions.Time.Testing.FakeTimeProvider"/> (time moves only when a
/// test calls <c>Advance</c> or <c>SetUtcNow</c>, timers fire in due order) plus the few things the suite relies on:
/// a fixed default start, <see cref="AutoAdvance"/> (a timer's creation jumps the clock to its due time, so retry and
/// polling delays pass instantly), <see cref="RequestedDelays"/> (the due time of every timer created, in order) and
/// <see cref="WaitForTimerAsync"/> (for tests that advance by hand once the code under test armed its timer).
/// </summary>
public sealed class FakeTimeProvider : Microsoft.Extensions.Time.Testing.FakeTimeProvider
{
    /// <summary>The start of every test clock unless a test names another: 2026-11-21 12:00 UTC.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private readonly object _gate = new();
    private readonly List<TimeSpan> _requested = [];
    private readonly List<TimeSpan> _armed = [];

    public FakeTimeProvider(DateTimeOffset? start = null)
        : base(start ?? DefaultStart)
    {
    }

    /// <summary>Gets or sets whether creating a timer advances the clock to its due time at once.</summary>
    public bool AutoAdvance { get; set; }

    /// <summary>Gets or sets the longest due time <see cref="AutoAdvance"/> jumps over; longer timers (deadlines) wait for <c>Advance</c>.</summary>
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

    /// <summary>
    /// Gets the due time of every arming of a timer, in order: at creation and at each later <c>Change</c> (a
    /// <see cref="CancellationTokenSource"/> on this clock creates its timer unarmed and arms it in <c>CancelAfter</c>).
    /// </summary>
    public IReadOnlyList<TimeSpan> ArmedDelays
    {
        get
        {
            lock (_gate)
            {
                return _armed.ToArray();
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        // Arm first, then record: a test that sees the delay in RequestedDelays and advances finds the timer armed.
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_gate)
            {
                _requested.Add(dueTime);
                _armed.Add(dueTime);
            }
        }

        if (AutoAdvance && dueTime != Timeout.InfiniteTimeSpan && dueTime <= AutoAdvanceLimit)
        {
            Advance(dueTime);
        }

        return new ArmingTimer(timer, this);
    }

    private void RecordArming(TimeSpan dueTime)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_gate)
            {
                _armed.Add(dueTime);
            }
        }
    }

    /// <summary>Forwards to the fake clock's timer and records each re-arming in <see cref="ArmedDelays"/>.</summary>
    private sealed class ArmingTimer(ITimer inner, FakeTimeProvider owner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period); // arm first, then record (see CreateTimer)
            owner.RecordArming(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }

    /// <summary>Waits (really, briefly) until a timer with the given due time exists; for tests that advance by hand.</summary>
    public async Task WaitForTimerAsync(Func<TimeSpan, bool> match, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
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
}
