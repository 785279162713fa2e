namespace MeetStream.Client.Realtime;

/// <summary>
/// Settings of a <see cref="VideoChannelSession"/> (the <c>live_video_required</c> socket).
/// </summary>
public sealed class VideoChannelOptions : RealtimeChannelOptions
{
    /// <summary>The default message cap: 64 MiB (fMP4 fragments can be large).</summary>
    public const int DefaultMaxMessageBytes = 64 * 1024 * 1024;

    /// <summary>The default <see cref="RealtimeChannelOptions.IdleTimeout"/>: 5 minutes; fMP4 fragments and latency pings flow continuously while the bot is in the call.</summary>
    public static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The default <see cref="RealtimeChannelOptions.MessageTimeout"/>: 2 minutes (a fragment may be large).</summary>
    public static readonly TimeSpan DefaultMessageTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Initializes the options with their defaults.</summary>
    public VideoChannelOptions()
        : base(DefaultMaxMessageBytes, DefaultIdleTimeout, DefaultMessageTimeout)
    {
    }

    /// <summary>Gets or sets how many <c>video_latency_pong</c> replies may wait to be sent. Default: 16.</summary>
    public int SendQueueCapacity { get; set; } = 16;

    /// <summary>Gets or sets whether latency pings are answered with <c>video_latency_pong</c>. Default: <see langword="true"/>.</summary>
    public bool AnswerLatencyPings { get; set; } = true;

    internal override void Validate()
    {
        base.Validate();
        if (SendQueueCapacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(SendQueueCapacity), SendQueueCapacity, "SendQueueCapacity must be at least 1.");
        }
    }
}
