using Microsoft.Extensions.Logging;

namespace MeetStream.Client.Realtime;

/// <summary>
/// Settings of a <see cref="BotSessionRegistry"/> and the <see cref="BotSession"/>s it creates.
/// </summary>
public sealed class BotSessionOptions
{
    /// <summary>
    /// Gets or sets how long a session waits, once its audio and control channels have closed, for one to reconnect before
    /// it ends. Default: zero (it ends as soon as the last channel closes, as MeetStream's bridge guide describes).
    /// </summary>
    public TimeSpan EndGracePeriod { get; set; } = TimeSpan.Zero;

    /// <summary>Gets or sets the clock for the grace period and start times. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets where reconnects are logged; none by default.</summary>
    public ILogger? Logger { get; set; }

    internal void Validate()
    {
        if (EndGracePeriod < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(EndGracePeriod), EndGracePeriod, "EndGracePeriod must not be negative.");
        }

        if (TimeProvider is null)
        {
            throw new ArgumentNullException(nameof(TimeProvider), "TimeProvider must not be null; use TimeProvider.System.");
        }
    }
}
