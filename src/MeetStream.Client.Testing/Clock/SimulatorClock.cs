namespace MeetStream.Client.Testing;

/// <summary>
/// The simulator's virtual clock. Every scripted step (a status change, a webhook, a transcript becoming ready, a
/// retention expiry) is due at a virtual time. With a positive <see cref="TimeScale"/> the clock runs by itself, that
/// many times faster than real time; with 0 it stands still and only <see cref="AdvanceAsync"/> or
/// <see cref="AdvanceToNextStepAsync"/> move it, which makes tests deterministic.
/// </summary>
public sealed class SimulatorClock
{
    private static readonly TimeSpan MaxRealWait = TimeSpan.FromMinutes(10);
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly PriorityQueue<ScheduledStep, (DateTimeOffset Due, long Sequence)> _steps = new();
    private readonly SemaphoreSlim _runLock = new(1, 1);
    private readonly Func<CancellationToken, Task> _settle;
    private readonly Action<string, Exception> _onStepError;
    private readonly DateTimeOffset _start;
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TimeSpan _offset;
    private double _scale;
    private long _baseline;
    private long _sequence;
    private CancellationTokenSource? _loopStop;
    private Task? _loop;

    internal SimulatorClock(TimeProvider time, DateTimeOffset start, double scale, Func<CancellationToken, Task> settle, Action<string, Exception> onStepError)
    {
        _time = time;
        _start = start;
        _scale = scale;
        _baseline = time.GetTimestamp();
        _settle = settle;
        _onStepError = onStepError;
    }

    /// <summary>Raised (outside any lock) after a batch of steps ran; used to wake waiters.</summary>
    internal event Action? StepsRan;

    /// <summary>Gets the current virtual time.</summary>
    public DateTimeOffset UtcNow
    {
        get
        {
            lock (_gate)
            {
                return NowLocked();
            }
        }
    }

    /// <summary>
    /// Gets or sets how many virtual seconds pass per real second; 0 stops the clock (manual mode). Changing it keeps
    /// the current virtual time.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, NaN or infinite.</exception>
    public double TimeScale
    {
        get
        {
            lock (_gate)
            {
                return _scale;
            }
        }

        set
        {
            if (double.IsNaN(value) || double.IsInfinity(value) || value < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "TimeScale must be 0 (manual clock) or a positive factor.");
            }

            lock (_gate)
            {
                _offset = NowLocked() - _start;
                _baseline = _time.GetTimestamp();
                _scale = value;
            }

            Wake();
        }
    }

    /// <summary>Gets the virtual time the next scripted step is due, or null when nothing is scheduled.</summary>
    public DateTimeOffset? NextStepAt
    {
        get
        {
            lock (_gate)
            {
                return _steps.TryPeek(out _, out var key) ? key.Due : null;
            }
        }
    }

    /// <summary>Gets how many scripted steps are waiting.</summary>
    public int PendingSteps
    {
        get
        {
            lock (_gate)
            {
                return _steps.Count;
            }
        }
    }

    /// <summary>
    /// Moves virtual time forward, runs every step that falls due on the way (in order), and waits until the webhooks
    /// they sent have been delivered. Works in both manual and scaled mode.
    /// </summary>
    /// <param name="by">How far to move; must not be negative.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the steps ran and their webhooks were delivered.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="by"/> is negative.</exception>
    public async Task AdvanceAsync(TimeSpan by, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_gate)
        {
            target = NowLocked() + by;
        }

        await RunUntilAsync(target, cancellationToken).ConfigureAwait(false);
        await _settle(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Moves virtual time to the next scripted step, runs every step due then, and waits for their webhooks.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>True when a step ran; false when nothing is scheduled.</returns>
    public async Task<bool> AdvanceToNextStepAsync(CancellationToken cancellationToken = default)
    {
        DateTimeOffset target;
        lock (_gate)
        {
            if (!_steps.TryPeek(out _, out var key))
            {
                return false;
            }

            target = key.Due > NowLocked() ? key.Due : NowLocked();
        }

        await RunUntilAsync(target, cancellationToken).ConfigureAwait(false);
        await _settle(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"SimulatorClock {{ UtcNow = {UtcNow:O}, TimeScale = {TimeScale}, PendingSteps = {PendingSteps} }}";

    internal void Schedule(DateTimeOffset due, string label, Action action)
    {
        lock (_gate)
        {
            _steps.Enqueue(new ScheduledStep(label, action), (due, _sequence++));
        }

        Wake();
    }

    internal void Start()
    {
        _loopStop = new CancellationTokenSource();
        _loop = Task.Run(() => RunLoopAsync(_loopStop.Token));
    }

    internal async Task StopAsync()
    {
        if (_loopStop is null || _loop is null)
        {
            return;
        }

        await _loopStop.CancelAsync().ConfigureAwait(false);
        Wake();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _loopStop.Dispose();
        _loopStop = null;
        _loop = null;
    }

    private DateTimeOffset NowLocked()
    {
        var scaled = _scale == 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)(_time.GetElapsedTime(_baseline).Ticks * _scale));
        return _start + _offset + scaled;
    }

    private void MoveToLocked(DateTimeOffset target)
    {
        var now = NowLocked();
        if (target > now)
        {
            _offset += target - now;
        }
    }

    private async Task RunUntilAsync(DateTimeOffset target, CancellationToken cancellationToken)
    {
        await _runLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        var ran = false;
        try
        {
            while (true)
            {
                ScheduledStep? step = null;
                lock (_gate)
                {
                    if (_steps.TryPeek(out var next, out var key) && key.Due <= target)
                    {
                        _steps.Dequeue();
                        MoveToLocked(key.Due);
                        step = next;
                    }
                }

                if (step is null)
                {
                    break;
                }

                Run(step);
                ran = true;
            }

            lock (_gate)
            {
                MoveToLocked(target);
            }
        }
        finally
        {
            _runLock.Release();
        }

        Wake();
        if (ran)
        {
            StepsRan?.Invoke();
        }
    }

    private async Task RunDueAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset now;
        lock (_gate)
        {
            now = NowLocked();
        }

        await RunUntilAsync(now, cancellationToken).ConfigureAwait(false);
    }

    private void Run(ScheduledStep step)
    {
        try
        {
            step.Action();
        }
        catch (Exception ex)
        {
            _onStepError(step.Label, ex);
        }
    }

    private void Wake()
    {
        TaskCompletionSource wake;
        lock (_gate)
        {
            wake = _wake;
            _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        wake.TrySetResult();
    }

    private async Task RunLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Task wake;
            TimeSpan? wait = null;
            lock (_gate)
            {
                wake = _wake.Task;
                if (_scale > 0 && _steps.TryPeek(out _, out var key))
                {
                    var remaining = key.Due - NowLocked();
                    wait = remaining <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromTicks(Math.Min((long)(remaining.Ticks / _scale) + 1, MaxRealWait.Ticks));
                }
            }

            if (wait == TimeSpan.Zero)
            {
                await RunDueAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            using var stopDelay = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = wait is { } w ? Task.Delay(w, _time, stopDelay.Token) : Task.Delay(Timeout.Infinite, stopDelay.Token);
            await Task.WhenAny(delay, wake).ConfigureAwait(false);
            await stopDelay.CancelAsync().ConfigureAwait(false);
        }
    }

    private sealed record ScheduledStep(string Label, Action Action);
}
