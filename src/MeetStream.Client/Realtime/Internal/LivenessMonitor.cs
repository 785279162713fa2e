namespace MeetStream.Client.Realtime.Internal;

/// <summary>
/// The dead-peer detector of one channel: an idle timeout (a receive has waited that long without a single byte) and
/// a message timeout (a message whose first bytes arrived has not ended within that time), both on the channel's
/// <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>
/// The receive path only writes timestamps (no timer call per message); one timer wakes at the earliest deadline,
/// checks, and re-arms itself. The idle clock runs only while a receive is waiting for the peer, so an application
/// that reads slowly (video read on demand, audio in <see cref="FrameQueueFullMode.Wait"/>) is never taken for a
/// dead peer.
/// </remarks>
internal sealed class LivenessMonitor : IDisposable
{
    private const long None = 0;

    private readonly TimeProvider _time;
    private readonly TimeSpan _idle;
    private readonly TimeSpan _message;
    private readonly Action<RealtimeCloseReason> _expired;
    private readonly object _gate = new();
    private ITimer? _timer;
    private long _waitingSince;
    private long _messageSince;
    private long _dueAt = long.MaxValue;
    private bool _stopped;

    public LivenessMonitor(TimeProvider time, TimeSpan idleTimeout, TimeSpan messageTimeout, Action<RealtimeCloseReason> expired)
    {
        _time = time;
        _idle = IsOn(idleTimeout) ? idleTimeout : TimeSpan.Zero;
        _message = IsOn(messageTimeout) ? messageTimeout : TimeSpan.Zero;
        _expired = expired;
    }

    /// <summary>Gets whether any timeout is on.</summary>
    public bool Enabled => _idle > TimeSpan.Zero || _message > TimeSpan.Zero;

    /// <summary>Gets whether a receive is waiting for the peer (tests wait for this before they move the clock).</summary>
    public bool IsWaiting => Volatile.Read(ref _waitingSince) != None;

    /// <summary>Gets whether a message has started and not ended.</summary>
    public bool MessageInProgress => Volatile.Read(ref _messageSince) != None;

    /// <summary>Zero and <see cref="Timeout.InfiniteTimeSpan"/> turn a timeout off.</summary>
    public static bool IsOn(TimeSpan timeout) => timeout > TimeSpan.Zero;

    /// <summary>Starts watching (after the handshake, which has its own timeout).</summary>
    public void Start()
    {
        if (!Enabled)
        {
            return;
        }

        lock (_gate)
        {
            if (_stopped || _timer is not null)
            {
                return;
            }

            _timer = _time.CreateTimer(static state => ((LivenessMonitor)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            if (_idle > TimeSpan.Zero)
            {
                ArmLocked(Now() + Ticks(_idle));
            }
            else if (Volatile.Read(ref _messageSince) is var since and not None)
            {
                ArmLocked(since + Ticks(_message));
            }
        }
    }

    /// <summary>A receive is about to wait for the peer.</summary>
    public void ReceiveStarting()
    {
        if (_idle > TimeSpan.Zero)
        {
            Volatile.Write(ref _waitingSince, Now());
        }
    }

    /// <summary>A receive returned bytes; <paramref name="endOfMessage"/> when they end the current message.</summary>
    public void ReceiveProgress(bool endOfMessage)
    {
        Volatile.Write(ref _waitingSince, None);
        if (_message <= TimeSpan.Zero)
        {
            return;
        }

        if (endOfMessage)
        {
            Volatile.Write(ref _messageSince, None);
            return;
        }

        if (Volatile.Read(ref _messageSince) != None)
        {
            return;
        }

        long now = Now();
        Volatile.Write(ref _messageSince, now);
        long due = now + Ticks(_message);
        if (due < Volatile.Read(ref _dueAt))
        {
            lock (_gate)
            {
                if (due < _dueAt)
                {
                    ArmLocked(due);
                }
            }
        }
    }

    /// <summary>A receive ended without bytes (close frame, error): nothing is in flight any more.</summary>
    public void ReceiveEnded()
    {
        Volatile.Write(ref _waitingSince, None);
        Volatile.Write(ref _messageSince, None);
    }

    /// <summary>Stops watching for good (the channel is closing).</summary>
    public void Dispose()
    {
        ITimer? timer;
        lock (_gate)
        {
            _stopped = true;
            timer = _timer;
            _timer = null;
        }

        timer?.Dispose();
    }

    private static long Max(long a, long b) => a > b ? a : b;

    private void OnTimer()
    {
        RealtimeCloseReason expired = RealtimeCloseReason.None;
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _dueAt = long.MaxValue;
            long now = Now();
            long waiting = Volatile.Read(ref _waitingSince);
            long message = Volatile.Read(ref _messageSince);
            long next = long.MaxValue;
            if (message != None)
            {
                long due = message + Ticks(_message);
                if (now >= due)
                {
                    expired = RealtimeCloseReason.MessageTimeout;
                }

                next = due;
            }

            if (_idle > TimeSpan.Zero && expired == RealtimeCloseReason.None)
            {
                // Not waiting (the application is slow, or between receives): look again one idle period from now.
                long due = waiting != None ? waiting + Ticks(_idle) : now + Ticks(_idle);
                if (now >= due)
                {
                    expired = RealtimeCloseReason.IdleTimeout;
                }

                next = Math.Min(next, due);
            }

            if (expired != RealtimeCloseReason.None)
            {
                _stopped = true;
            }
            else if (next != long.MaxValue)
            {
                ArmLocked(Max(next, now + 1));
            }
        }

        if (expired != RealtimeCloseReason.None)
        {
            Dispose();
            _expired(expired);
        }
    }

    private void ArmLocked(long due)
    {
        if (_timer is null || _stopped)
        {
            return;
        }

        long now = Now();
        var delay = _time.GetElapsedTime(now, Max(due, now + 1));
        Volatile.Write(ref _dueAt, due);
        _timer.Change(delay, Timeout.InfiniteTimeSpan);
    }

    private long Now()
    {
        // 0 means "not set"; real and fake timestamps are positive.
        long now = _time.GetTimestamp();
        return now == None ? 1 : now;
    }

    private long Ticks(TimeSpan span) => (long)(span.Ticks * ((double)_time.TimestampFrequency / TimeSpan.TicksPerSecond));
}
