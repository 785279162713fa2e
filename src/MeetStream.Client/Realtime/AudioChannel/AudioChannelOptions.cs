namespace MeetStream.Client.Realtime;

/// <summary>
/// Settings of an <see cref="AudioChannelSession"/> (the <c>live_audio_required</c> socket).
/// </summary>
public sealed class AudioChannelOptions : RealtimeChannelOptions
{
    /// <summary>The default message cap: 1 MiB (a 20 ms frame is about 2 KB; MeetStream's frames are variable but small).</summary>
    public const int DefaultMaxMessageBytes = 1024 * 1024;

    /// <summary>Initializes the options with their defaults.</summary>
    public AudioChannelOptions()
        : base(DefaultMaxMessageBytes)
    {
    }

    /// <summary>
    /// Gets or sets how many distinct speaker ids and names are cached as strings, so frames of recent speakers
    /// allocate nothing. Default: 64.
    /// </summary>
    public int SpeakerCacheSize { get; set; } = 64;

    internal override void Validate()
    {
        base.Validate();
        if (SpeakerCacheSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(SpeakerCacheSize), SpeakerCacheSize, "SpeakerCacheSize must be at least 1.");
        }
    }
}
