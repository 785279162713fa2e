namespace MeetStream.Client.Realtime;

/// <summary>
/// What an <see cref="AudioChannelSession"/> does when frames arrive faster than the application reads them and
/// its frame queue (<see cref="AudioChannelOptions.FrameQueueCapacity"/>) is full.
/// </summary>
public enum FrameQueueFullMode
{
    /// <summary>
    /// Drop the oldest queued frame and count it in <see cref="AudioChannelSession.FramesDropped"/> (the default):
    /// memory stays bounded, the bot is never slowed down, and a lagging consumer catches up with live audio.
    /// </summary>
    DropOldest = 0,

    /// <summary>
    /// Lose nothing: stop reading the socket until there is room, which slows the bot down through TCP flow control
    /// (use for recording or transcription where completeness beats latency).
    /// </summary>
    Wait = 1,
}
