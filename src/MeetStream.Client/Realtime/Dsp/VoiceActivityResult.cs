namespace MeetStream.Client.Realtime.Dsp;

/// <summary>
/// What one <see cref="VoiceActivityDetector.Process(ReadOnlySpan{short})"/> call found: the speech state after the
/// input, and the start or end of an utterance if one was confirmed during it. Times and sample positions count from
/// the first sample the detector saw (or its last <see cref="VoiceActivityDetector.Reset"/>).
/// </summary>
/// <remarks>
/// A start is confirmed <see cref="VoiceActivityDetectorOptions.MinimumSpeechDuration"/> after the voice began, and
/// an end <see cref="VoiceActivityDetectorOptions.Hangover"/> after it stopped; the reported times are those of the
/// voice itself (accurate to 1 ms), not of the confirmation. A call can report both an end and a new start: compare
/// the times for their order. A call that covers more than MinimumSpeechDuration + Hangover of audio can confirm more
/// than one of each; only the last start and the last end are reported, so feed live audio in frames (for example the
/// 20 ms frames MeetStream sends).
/// </remarks>
public readonly struct VoiceActivityResult : IEquatable<VoiceActivityResult>
{
    private readonly int _sampleRate;
    private readonly long _startPlusOne; // 0 (the default) means no start
    private readonly long _endPlusOne;   // 0 (the default) means no end

    internal VoiceActivityResult(int sampleRate, bool isSpeech, long startSample, long endSample, long position, double levelDbfs)
    {
        _sampleRate = sampleRate;
        IsSpeech = isSpeech;
        _startPlusOne = startSample + 1;
        _endPlusOne = endSample + 1;
        SamplePosition = position;
        LevelDbfs = levelDbfs;
    }

    /// <summary>Whether an utterance is in progress after this input (a confirmed start without a confirmed end).</summary>
    public bool IsSpeech { get; }

    /// <summary>Whether the start of an utterance was confirmed during this call; see <see cref="SpeechStartTime"/>.</summary>
    public bool SpeechStarted => _startPlusOne > 0;

    /// <summary>Whether the end of an utterance was confirmed during this call; see <see cref="SpeechEndTime"/>.</summary>
    public bool SpeechEnded => _endPlusOne > 0;

    /// <summary>The sample position where the confirmed utterance began, or −1 when <see cref="SpeechStarted"/> is <see langword="false"/>.</summary>
    public long SpeechStartSample => _startPlusOne - 1;

    /// <summary>The sample position just after the last voiced sample of the ended utterance, or −1 when <see cref="SpeechEnded"/> is <see langword="false"/>.</summary>
    public long SpeechEndSample => _endPlusOne - 1;

    /// <summary>When the confirmed utterance began (<see cref="TimeSpan.Zero"/> when <see cref="SpeechStarted"/> is <see langword="false"/>).</summary>
    public TimeSpan SpeechStartTime => SpeechStarted ? Pcm16.SamplesToTime(SpeechStartSample, _sampleRate) : TimeSpan.Zero;

    /// <summary>When the ended utterance's voice stopped (<see cref="TimeSpan.Zero"/> when <see cref="SpeechEnded"/> is <see langword="false"/>).</summary>
    public TimeSpan SpeechEndTime => SpeechEnded ? Pcm16.SamplesToTime(SpeechEndSample, _sampleRate) : TimeSpan.Zero;

    /// <summary>The number of samples the detector has seen, this call included.</summary>
    public long SamplePosition { get; }

    /// <summary>The stream time after this call's input.</summary>
    public TimeSpan Position => _sampleRate == 0 ? TimeSpan.Zero : Pcm16.SamplesToTime(SamplePosition, _sampleRate);

    /// <summary>The RMS level of the last complete frame in dBFS (<see cref="double.NegativeInfinity"/> for digital silence or before the first frame).</summary>
    public double LevelDbfs { get; }

    /// <summary>Compares two results field by field.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(VoiceActivityResult left, VoiceActivityResult right) => left.Equals(right);

    /// <summary>Compares two results field by field.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(VoiceActivityResult left, VoiceActivityResult right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(VoiceActivityResult other) =>
        _sampleRate == other._sampleRate && IsSpeech == other.IsSpeech && SpeechStartSample == other.SpeechStartSample &&
        SpeechEndSample == other.SpeechEndSample && SamplePosition == other.SamplePosition && LevelDbfs.Equals(other.LevelDbfs);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is VoiceActivityResult other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_sampleRate, IsSpeech, SpeechStartSample, SpeechEndSample, SamplePosition, LevelDbfs);

    /// <inheritdoc/>
    public override string ToString() =>
        $"IsSpeech={IsSpeech}, Started={(SpeechStarted ? SpeechStartTime.ToString() : "-")}, Ended={(SpeechEnded ? SpeechEndTime.ToString() : "-")}, Position={Position}, Level={LevelDbfs:0.0} dBFS";
}
