using System.Globalization;
using Microsoft.Extensions.Logging;

namespace MeetStream.Client.AspNetCore.Internal;

/// <summary>
/// Logs failed bridge handshakes once each, but bounded under a flood: the first <see cref="PerWindow"/> of every
/// <see cref="Window"/> are logged individually (event 2103), the rest are counted and reported in one summary
/// (event 2110) when the window ends. Every failure is still counted exactly in <c>meetstream.bridge.connections</c>.
/// The window runs on the bridge's <see cref="TimeProvider"/>.
/// </summary>
internal sealed class BridgeHandshakeFailureLog
{
    /// <summary>How many failures per window are logged one by one.</summary>
    public const int PerWindow = 10;

    /// <summary>The length of a window.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private readonly ITimer _flush;
    private long _windowStart;
    private bool _windowOpen;
    private int _logged;
    private long _suppressed;
    private bool _flushArmed;

    public BridgeHandshakeFailureLog(ILogger logger, TimeProvider time)
    {
        _logger = logger;
        _time = time;
        _flush = time.CreateTimer(static state => ((BridgeHandshakeFailureLog)state!).Flush(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Reports one failed handshake.</summary>
    public void Failed(string channel, string? remoteAddress, string reason)
    {
        bool log;
        lock (_gate)
        {
            long now = _time.GetTimestamp();
            if (!_windowOpen || _time.GetElapsedTime(_windowStart, now) >= Window)
            {
                FlushLocked(now);
                _windowStart = now;
                _windowOpen = true;
                _logged = 0;
            }

            log = _logged < PerWindow;
            if (log)
            {
                _logged++;
            }
            else
            {
                _suppressed++;
                if (!_flushArmed)
                {
                    _flushArmed = true;
                    var left = Window - _time.GetElapsedTime(_windowStart, now);
                    _flush.Change(left > TimeSpan.Zero ? left : TimeSpan.FromTicks(1), Timeout.InfiniteTimeSpan);
                }
            }
        }

        if (log)
        {
            BridgeLog.HandshakeFailed(_logger, channel, remoteAddress, reason);
        }
    }

    private void Flush()
    {
        lock (_gate)
        {
            FlushLocked(_time.GetTimestamp());
            _windowOpen = false;
        }
    }

    private void FlushLocked(long now)
    {
        _flushArmed = false;
        if (_suppressed == 0)
        {
            return;
        }

        long count = _suppressed;
        _suppressed = 0;
        var span = _time.GetElapsedTime(_windowStart, now);
        BridgeLog.HandshakeFailuresSuppressed(_logger, count, Math.Round(span.TotalSeconds, 1).ToString("0.#", CultureInfo.InvariantCulture), PerWindow);
    }
}
