namespace MeetStream.Client.Realtime.Dsp;

/// <summary>
/// Settings of a <see cref="VoiceActivityDetector"/>. The defaults suit MeetStream's live audio (48 kHz mixed meeting
/// audio): 20 ms frames, a −45 dBFS threshold, 100 ms of voice to start an utterance and 500 ms of silence to end it.
/// </summary>
public sealed class VoiceActivityDetectorOptions
{
    /// <summary>The sample rate of the audio in Hz (1000 to 768000; default 48000, MeetStream's live audio).</summary>
    public int SampleRate { get; init; } = Pcm16.MeetStreamSampleRate;

    /// <summary>
    /// The analysis frame: energy is measured and a voice/silence decision made once per frame (1 ms to 1 s; default
    /// 20 ms). Input of any size is split into frames internally; positions inside a frame are refined to 1 ms.
    /// </summary>
    public TimeSpan FrameDuration { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// A frame whose RMS level reaches this many dB relative to full scale counts as voice (−120 to 0; default −45).
    /// Full scale is ±32768, so a full-scale square wave is 0 dBFS and a full-scale sine −3 dBFS. With
    /// <see cref="AdaptiveNoiseFloor"/> this is the lowest threshold used.
    /// </summary>
    public double ThresholdDbfs { get; init; } = -45;

    /// <summary>
    /// How long voice must last, without a silent frame, before <see cref="VoiceActivityResult.SpeechStarted"/> is
    /// reported (0 to 10 s; default 100 ms). Shorter bursts (clicks, knocks, keyboard) are ignored.
    /// </summary>
    public TimeSpan MinimumSpeechDuration { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How long silence must last after speech before <see cref="VoiceActivityResult.SpeechEnded"/> is reported
    /// (0 to 10 s; default 500 ms). Shorter pauses are bridged and belong to the same utterance.
    /// </summary>
    public TimeSpan Hangover { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// When <see langword="true"/>, the detector tracks the background noise level and uses
    /// max(<see cref="ThresholdDbfs"/>, noise floor + <see cref="NoiseFloorMarginDb"/>) as its threshold, so steady
    /// noise louder than the fixed threshold is not taken for speech. Default <see langword="false"/>.
    /// </summary>
    public bool AdaptiveNoiseFloor { get; init; }

    /// <summary>With <see cref="AdaptiveNoiseFloor"/>: how far above the noise floor voice must be, in dB (0 to 60; default 12).</summary>
    public double NoiseFloorMarginDb { get; init; } = 12;

    /// <summary>
    /// With <see cref="AdaptiveNoiseFloor"/>: how fast the noise floor estimate may rise, in dB per second (0.1 to
    /// 100; default 3). It falls at once to any quieter frame, so it settles in the pauses between words.
    /// </summary>
    public double NoiseFloorRiseDbPerSecond { get; init; } = 3;

    /// <summary>Throws when a value is out of range.</summary>
    internal void Validate()
    {
        if (SampleRate < 1000 || SampleRate > 768_000)
        {
            throw new ArgumentOutOfRangeException(nameof(SampleRate), SampleRate, "SampleRate must be between 1000 and 768000 Hz.");
        }

        if (FrameDuration < TimeSpan.FromMilliseconds(1) || FrameDuration > TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(FrameDuration), FrameDuration, "FrameDuration must be between 1 ms and 1 s.");
        }

        if (!(ThresholdDbfs >= -120 && ThresholdDbfs <= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(ThresholdDbfs), ThresholdDbfs, "ThresholdDbfs must be between -120 and 0 dBFS.");
        }

        if (MinimumSpeechDuration < TimeSpan.Zero || MinimumSpeechDuration > TimeSpan.FromSeconds(10))
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumSpeechDuration), MinimumSpeechDuration, "MinimumSpeechDuration must be between 0 and 10 s.");
        }

        if (Hangover < TimeSpan.Zero || Hangover > TimeSpan.FromSeconds(10))
        {
            throw new ArgumentOutOfRangeException(nameof(Hangover), Hangover, "Hangover must be between 0 and 10 s.");
        }

        if (!(NoiseFloorMarginDb >= 0 && NoiseFloorMarginDb <= 60))
        {
            throw new ArgumentOutOfRangeException(nameof(NoiseFloorMarginDb), NoiseFloorMarginDb, "NoiseFloorMarginDb must be between 0 and 60 dB.");
        }

        if (!(NoiseFloorRiseDbPerSecond >= 0.1 && NoiseFloorRiseDbPerSecond <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(NoiseFloorRiseDbPerSecond), NoiseFloorRiseDbPerSecond, "NoiseFloorRiseDbPerSecond must be between 0.1 and 100 dB/s.");
        }
    }
}
