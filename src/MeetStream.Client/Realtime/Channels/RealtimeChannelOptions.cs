using Microsoft.Extensions.Logging;

namespace MeetStream.Client.Realtime;

/// <summary>
/// Settings shared by the audio, control and video channel sessions. Each session copies what it needs when it
/// starts; changing the object later has no effect on running sessions.
/// </summary>
public abstract class RealtimeChannelOptions
{
    /// <summary>The longest <see cref="IdleTimeout"/> or <see cref="MessageTimeout"/> accepted: one day.</summary>
    public static readonly TimeSpan MaxLivenessTimeout = TimeSpan.FromDays(1);

    private protected RealtimeChannelOptions(int maxMessageBytes, TimeSpan idleTimeout, TimeSpan messageTimeout)
    {
        MaxMessageBytes = maxMessageBytes;
        IdleTimeout = idleTimeout;
        MessageTimeout = messageTimeout;
    }

    /// <summary>
    /// Gets or sets the largest message the channel reassembles, in bytes. Larger messages are handled per
    /// <see cref="OversizedMessageAction"/>. Defaults: 1 MiB for audio and control, 64 MiB for video.
    /// </summary>
    public int MaxMessageBytes { get; set; }

    /// <summary>Gets or sets what happens to a message larger than <see cref="MaxMessageBytes"/>. Default: <see cref="OversizedMessageAction.Skip"/>.</summary>
    public OversizedMessageAction OversizedMessageAction { get; set; } = OversizedMessageAction.Skip;

    /// <summary>Gets or sets how long to wait for the bot's first message (<c>ready</c>, or <c>video_stream_start</c> on video). Default: 30 s.</summary>
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how long a graceful close may take (sending what is queued and the close handshake) before the socket is aborted. Default: 5 s.</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gets or sets how long a receive may wait without a single byte from the peer before the session takes it for
    /// dead: it closes the socket with 1001, drops the connection and ends with <see cref="RealtimeCloseReason.IdleTimeout"/>.
    /// The clock only runs while the session waits for the peer (not while the application is slow to read).
    /// <see cref="TimeSpan.Zero"/> or <see cref="Timeout.InfiniteTimeSpan"/> turns it off. Defaults: 5 minutes for audio
    /// (a bot in a call streams audio continuously, silence included), 5 minutes for video (fragments and latency pings
    /// flow continuously), off for control (a healthy bot can stay silent there for a whole meeting).
    /// </summary>
    public TimeSpan IdleTimeout { get; set; }

    /// <summary>
    /// Gets or sets how long one message may take from its first bytes to its end before the session takes the peer
    /// for stuck: it closes the socket with 1001, drops the connection and ends with
    /// <see cref="RealtimeCloseReason.MessageTimeout"/>. This bounds a frame that stalls half way, or a header announcing
    /// an endless length (also while an over-long message is skipped). The clock starts with the first chunk the
    /// socket hands over (.NET delivers payload once the receive buffer is full or the frame ends); a frame that stalls
    /// before that looks like silence and is ended by <see cref="IdleTimeout"/>. <see cref="TimeSpan.Zero"/> or
    /// <see cref="Timeout.InfiniteTimeSpan"/> turns it off. Defaults: 30 s for audio and control (messages of a few KB),
    /// 2 minutes for video (fragments up to <see cref="MaxMessageBytes"/>).
    /// </summary>
    public TimeSpan MessageTimeout { get; set; }

    /// <summary>Gets or sets the clock for timeouts, pacing and timestamps. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets where the session logs handshakes, closes and dropped frames; none by default. Audio content is never logged.</summary>
    public ILogger? Logger { get; set; }

    /// <summary>Throws when a setting is out of range.</summary>
    internal virtual void Validate()
    {
        if (MaxMessageBytes < 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxMessageBytes), MaxMessageBytes, "MaxMessageBytes must be at least 1024 bytes.");
        }

        if (HandshakeTimeout <= TimeSpan.Zero && HandshakeTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(HandshakeTimeout), HandshakeTimeout, "HandshakeTimeout must be positive or Timeout.InfiniteTimeSpan.");
        }

        if (CloseTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(CloseTimeout), CloseTimeout, "CloseTimeout must be positive.");
        }

        CheckLiveness(IdleTimeout, nameof(IdleTimeout));
        CheckLiveness(MessageTimeout, nameof(MessageTimeout));
        if (TimeProvider is null)
        {
            throw new ArgumentNullException(nameof(TimeProvider), "TimeProvider must not be null; use TimeProvider.System.");
        }

        if (!Enum.IsDefined(OversizedMessageAction))
        {
            throw new ArgumentOutOfRangeException(nameof(OversizedMessageAction), OversizedMessageAction, "OversizedMessageAction must be Skip or Close.");
        }
    }

    private static void CheckLiveness(TimeSpan value, string name)
    {
        if (value == Timeout.InfiniteTimeSpan || value == TimeSpan.Zero)
        {
            return;
        }

        if (value < TimeSpan.Zero || value > MaxLivenessTimeout)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be zero or Timeout.InfiniteTimeSpan (off), or positive and at most one day.");
        }
    }
}
