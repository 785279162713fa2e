namespace MeetStream.Client.Realtime;

/// <summary>
/// Settings of an <see cref="AudioChannelSession"/> (the <c>live_audio_required</c> socket).
/// </summary>
public sealed class AudioChannelOptions : RealtimeChannelOptions
{
    /// <summary>The default message cap: 1 MiB (a 20 ms frame is about 2 KB; MeetStream's frames are variable but small).</summary>
    public const int DefaultMaxMessageBytes = 1024 * 1024;

    /// <summary>The default <see cref="RealtimeChannelOptions.IdleTimeout"/>: 5 minutes; a bot in a call streams the meeting audio without pause, silence included, so five minutes without a byte means it is gone.</summary>
    public static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The default <see cref="RealtimeChannelOptions.MessageTimeout"/>: 30 s (audio frames are a few KB).</summary>
    public static readonly TimeSpan DefaultMessageTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Initializes the options with their defaults.</summary>
    public AudioChannelOptions()
        : base(DefaultMaxMessageBytes, DefaultIdleTimeout, DefaultMessageTimeout)
    {
    }

    /// <summary>
    /// Gets or sets how many distinct speaker ids and names are cached as strings, so frames of recent speakers
    /// allocate nothing. Default: 64.
    /// </summary>
    public int SpeakerCacheSize { get; set; } = 64;

    /// <summary>
    /// Gets or sets how many received frames may wait for the application. A 20 ms frame is about 2 KB, so the
    /// default of 100 holds about 2 seconds of audio per bot. See <see cref="FrameQueueFullMode"/>.
    /// </summary>
    public int FrameQueueCapacity { get; set; } = 100;

    /// <summary>Gets or sets what happens when the frame queue is full. Default: <see cref="FrameQueueFullMode.DropOldest"/>.</summary>
    public FrameQueueFullMode FrameQueueFullMode { get; set; } = FrameQueueFullMode.DropOldest;

    internal override void Validate()
    {
        base.Validate();
        if (SpeakerCacheSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(SpeakerCacheSize), SpeakerCacheSize, "SpeakerCacheSize must be at least 1.");
        }

        if (FrameQueueCapacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(FrameQueueCapacity), FrameQueueCapacity, "FrameQueueCapacity must be at least 1.");
        }

        if (!Enum.IsDefined(FrameQueueFullMode))
        {
            throw new ArgumentOutOfRangeException(nameof(FrameQueueFullMode), FrameQueueFullMode, "FrameQueueFullMode must be DropOldest or Wait.");
        }
    }
}
