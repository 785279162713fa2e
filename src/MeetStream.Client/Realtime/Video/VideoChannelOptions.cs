namespace MeetStream.Client.Realtime;

/// <summary>
/// Settings of a <see cref="VideoChannelSession"/> (the <c>live_video_required</c> socket).
/// </summary>
public sealed class VideoChannelOptions : RealtimeChannelOptions
{
    /// <summary>The default message cap: 64 MiB (fMP4 fragments can be large).</summary>
    public const int DefaultMaxMessageBytes = 64 * 1024 * 1024;

    /// <summary>Initializes the options with their defaults.</summary>
    public VideoChannelOptions()
        : base(DefaultMaxMessageBytes)
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
