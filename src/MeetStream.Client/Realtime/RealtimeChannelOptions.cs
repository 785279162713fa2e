using Microsoft.Extensions.Logging;

namespace MeetStream.Client.Realtime;

/// <summary>
/// Settings shared by the audio, control and video channel sessions. Each session copies what it needs when it
/// starts; changing the object later has no effect on running sessions.
/// </summary>
public abstract class RealtimeChannelOptions
{
    private protected RealtimeChannelOptions(int maxMessageBytes)
    {
        MaxMessageBytes = maxMessageBytes;
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

        if (TimeProvider is null)
        {
            throw new ArgumentNullException(nameof(TimeProvider), "TimeProvider must not be null; use TimeProvider.System.");
        }

        if (!Enum.IsDefined(OversizedMessageAction))
        {
            throw new ArgumentOutOfRangeException(nameof(OversizedMessageAction), OversizedMessageAction, "OversizedMessageAction must be Skip or Close.");
        }
    }
}
