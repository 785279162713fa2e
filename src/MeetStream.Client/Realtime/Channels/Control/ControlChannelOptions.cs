using MeetStream.Client.Realtime.Dsp;

namespace MeetStream.Client.Realtime;

/// <summary>
/// Settings of a <see cref="ControlChannelSession"/> (the <c>socket_connection_url</c> socket).
/// </summary>
public sealed class ControlChannelOptions : RealtimeChannelOptions
{
    /// <summary>The default message cap: 1 MiB.</summary>
    public const int DefaultMaxMessageBytes = 1024 * 1024;

    /// <summary>The default <see cref="RealtimeChannelOptions.IdleTimeout"/>: off; a healthy bot may send nothing on the control channel for a whole meeting (on .NET 10 the ping timeout of the bridge still finds a dead peer).</summary>
    public static readonly TimeSpan DefaultIdleTimeout = Timeout.InfiniteTimeSpan;

    /// <summary>The default <see cref="RealtimeChannelOptions.MessageTimeout"/>: 30 s (control messages are small JSON).</summary>
    public static readonly TimeSpan DefaultMessageTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Initializes the options with their defaults.</summary>
    public ControlChannelOptions()
        : base(DefaultMaxMessageBytes, DefaultIdleTimeout, DefaultMessageTimeout)
    {
    }

    /// <summary>
    /// Gets or sets how many commands may wait to be sent. When the queue is full, senders wait (backpressure).
    /// Interrupts never wait: they bypass the queue. Default: 64.
    /// </summary>
    public int SendQueueCapacity { get; set; } = 64;

    /// <summary>
    /// Gets or sets how many inbound messages are buffered for <see cref="ControlChannelSession.ReadMessagesAsync"/>.
    /// When nobody reads, the oldest are dropped and counted in <see cref="ControlChannelSession.InboundMessagesDropped"/>,
    /// so an unread channel never grows memory or stops noticing that the bot left. Default: 256.
    /// </summary>
    public int InboundQueueCapacity { get; set; } = 256;

    /// <summary>
    /// Gets or sets the length of each <c>sendaudio</c> chunk <c>SpeakAsync</c> sends; MeetStream recommends 0.5 to 2
    /// seconds. Default: 1 s.
    /// </summary>
    public TimeSpan SpeechChunkDuration { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Gets or sets how fast <c>SpeakAsync</c> sends audio relative to real time: chunk <i>k</i> is sent at
    /// <i>k</i> × chunk duration × factor after the first. The default 0.9 keeps the bot's queue slightly ahead of
    /// playback, as MeetStream recommends; 1 is real time; 0 sends everything at once.
    /// </summary>
    public double PacingFactor { get; set; } = 0.9;

    /// <summary>
    /// Gets or sets whether an inbound <c>interrupt</c> from MeetStream stops our own speech: queued, unsent audio is
    /// discarded and running <c>SpeakAsync</c> calls return <see cref="SpeakResult.Interrupted"/> (no command is
    /// sent back). Default: <see langword="true"/>.
    /// </summary>
    public bool StopSpeakingOnInboundInterrupt { get; set; } = true;

    /// <summary>
    /// Gets or sets the filter of the resampler <c>SpeakAsync</c> uses for speech that is not 48 kHz (MeetStream's
    /// <c>sendaudio</c> rate); <see langword="null"/> (the default) uses <see cref="PcmResamplerOptions"/>' defaults,
    /// which suit speech. 48 kHz speech is sent as is.
    /// </summary>
    public PcmResamplerOptions? SpeechResampling { get; set; }

    internal override void Validate()
    {
        base.Validate();
        if (SendQueueCapacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(SendQueueCapacity), SendQueueCapacity, "SendQueueCapacity must be at least 1.");
        }

        if (InboundQueueCapacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(InboundQueueCapacity), InboundQueueCapacity, "InboundQueueCapacity must be at least 1.");
        }

        if (SpeechChunkDuration < TimeSpan.FromMilliseconds(500) || SpeechChunkDuration > TimeSpan.FromSeconds(2))
        {
            throw new ArgumentOutOfRangeException(nameof(SpeechChunkDuration), SpeechChunkDuration, "SpeechChunkDuration must be between 0.5 and 2 seconds (MeetStream's recommended sendaudio chunk size).");
        }

        if (!(PacingFactor >= 0 && PacingFactor <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(PacingFactor), PacingFactor, "PacingFactor must be between 0 (no pacing) and 1 (real time).");
        }

        SpeechResampling?.Validate();
    }
}
