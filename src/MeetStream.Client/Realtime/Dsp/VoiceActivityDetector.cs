using System.Numerics;
using System.Runtime.InteropServices;

namespace MeetStream.Client.Realtime.Dsp;

/// <summary>
/// An energy-based voice-activity detector for live meeting audio: it reports when an utterance starts (voice for
/// at least <see cref="VoiceActivityDetectorOptions.MinimumSpeechDuration"/>) and when it ends (silence for
/// <see cref="VoiceActivityDetectorOptions.Hangover"/>), with the times of the voice itself. Use the end to close a
/// turn (end of utterance) and the start to interrupt the bot when a human talks over it (barge-in).
/// </summary>
/// <remarks>
/// <para>Feed it the samples as they arrive, in pieces of any size; it splits them into
/// <see cref="VoiceActivityDetectorOptions.FrameDuration"/> frames, decides voice or silence per frame from the RMS
/// level, and refines the edges of voiced frames to 1 ms sub-blocks. Positions count samples from the first sample
/// (or the last <see cref="Reset"/>) and convert to <see cref="TimeSpan"/> at the configured sample rate.</para>
/// <para><see cref="Process(ReadOnlySpan{short})"/> allocates nothing and costs well under a microsecond per 20 ms
/// frame. An instance is not thread-safe: use one per stream.</para>
/// </remarks>
public sealed class VoiceActivityDetector
{
    private const double ShortToUnitPower = 1.0 / (32768.0 * 32768.0);
    private const double NoiseFloorMinimumDbfs = -120;

    private readonly int _sampleRate;
    private readonly int _frameSize;
    private readonly int _subBlockSize;
    private readonly int _subBlockCount;
    private readonly int _lastSubBlockSize;
    private readonly long _minimumSpeechSamples;
    private readonly long _hangoverSamples;
    private readonly double _thresholdDbfs;
    private readonly bool _adaptive;
    private readonly double _marginDb;
    private readonly double _riseDbPerFrame;
    private readonly double[] _subBlockEnergy;

    // Streaming state.
    private long _position;
    private long _frameStart;
    private int _subIndex;
    private int _subFill;
    private double _subSum;
    private bool _inSpeech;
    private long _candidateStart;
    private long _lastVoiceEnd;
    private double _levelDbfs;
    private double _noiseFloorDbfs;

    // Events of the current call.
    private long _callStart;
    private long _callEnd;

    /// <summary>Creates a detector with the default settings (48 kHz, 20 ms frames, −45 dBFS, 100 ms minimum speech, 500 ms hangover).</summary>
    public VoiceActivityDetector()
        : this(new VoiceActivityDetectorOptions())
    {
    }

    /// <summary>Creates a detector.</summary>
    /// <param name="options">The settings.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range; the message names it and the allowed range.</exception>
    public VoiceActivityDetector(VoiceActivityDetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _sampleRate = options.SampleRate;
        _frameSize = Math.Max(1, (int)Math.Round(options.FrameDuration.TotalSeconds * _sampleRate));
        _subBlockSize = Math.Max(1, Math.Min(_frameSize, _sampleRate / 1000));
        _subBlockCount = (_frameSize + _subBlockSize - 1) / _subBlockSize;
        _lastSubBlockSize = _frameSize - ((_subBlockCount - 1) * _subBlockSize);
        _minimumSpeechSamples = (long)Math.Round(options.MinimumSpeechDuration.TotalSeconds * _sampleRate);
        _hangoverSamples = (long)Math.Round(options.Hangover.TotalSeconds * _sampleRate);
        _thresholdDbfs = options.ThresholdDbfs;
        _adaptive = options.AdaptiveNoiseFloor;
        _marginDb = options.NoiseFloorMarginDb;
        _riseDbPerFrame = options.NoiseFloorRiseDbPerSecond * _frameSize / _sampleRate;
        _subBlockEnergy = new double[_subBlockCount];
        Reset();
    }

    /// <summary>The settings this detector was created with.</summary>
    public VoiceActivityDetectorOptions Options { get; }

    /// <summary>The analysis frame length in samples (<see cref="VoiceActivityDetectorOptions.FrameDuration"/> at the sample rate, rounded).</summary>
    public int FrameSize => _frameSize;

    /// <summary>Whether an utterance is in progress (a confirmed start without a confirmed end).</summary>
    public bool IsSpeech => _inSpeech;

    /// <summary>The number of samples seen since creation or the last <see cref="Reset"/>.</summary>
    public long SamplePosition => _position;

    /// <summary>The stream time of <see cref="SamplePosition"/>.</summary>
    public TimeSpan Position => Pcm16.SamplesToTime(_position, _sampleRate);

    /// <summary>The RMS level of the last complete frame in dBFS (<see cref="double.NegativeInfinity"/> for silence or before the first frame).</summary>
    public double LevelDbfs => _levelDbfs;

    /// <summary>
    /// The tracked noise floor in dBFS with <see cref="VoiceActivityDetectorOptions.AdaptiveNoiseFloor"/>
    /// (<see cref="double.NaN"/> before the first frame or when adaptation is off).
    /// </summary>
    public double NoiseFloorDbfs => _noiseFloorDbfs;

    /// <summary>The threshold in dBFS the next frame is compared with.</summary>
    public double CurrentThresholdDbfs => _adaptive && !double.IsNaN(_noiseFloorDbfs)
        ? Math.Max(_thresholdDbfs, _noiseFloorDbfs + _marginDb)
        : _thresholdDbfs;

    /// <summary>Analyses the next PCM16 samples.</summary>
    /// <param name="samples">The next samples of the stream, any number (a 20 ms MeetStream frame is 960 at 48 kHz).</param>
    /// <returns>The state after the samples, and the utterance start or end confirmed by them, if any.</returns>
    public VoiceActivityResult Process(ReadOnlySpan<short> samples) => ProcessCore(samples);

    /// <summary>Analyses the next float samples (full scale ±1).</summary>
    /// <param name="samples">The next samples of the stream, any number.</param>
    /// <returns>The state after the samples, and the utterance start or end confirmed by them, if any.</returns>
    public VoiceActivityResult Process(ReadOnlySpan<float> samples) => ProcessCore(samples);

    /// <summary>Forgets all state: positions restart at zero and no utterance is in progress.</summary>
    public void Reset()
    {
        _position = 0;
        _frameStart = 0;
        _subIndex = 0;
        _subFill = 0;
        _subSum = 0;
        _inSpeech = false;
        _candidateStart = -1;
        _lastVoiceEnd = 0;
        _levelDbfs = double.NegativeInfinity;
        _noiseFloorDbfs = double.NaN;
        Array.Clear(_subBlockEnergy);
    }

    private VoiceActivityResult ProcessCore<T>(ReadOnlySpan<T> samples)
        where T : unmanaged
    {
        _callStart = -1;
        _callEnd = -1;
        while (!samples.IsEmpty)
        {
            int subSize = _subIndex == _subBlockCount - 1 ? _lastSubBlockSize : _subBlockSize;
            int take = Math.Min(samples.Length, subSize - _subFill);
            ReadOnlySpan<T> slice = samples.Slice(0, take);
            _subSum += typeof(T) == typeof(short)
                ? SumOfSquares(MemoryMarshal.Cast<T, short>(slice)) * ShortToUnitPower
                : SumOfSquares(MemoryMarshal.Cast<T, float>(slice));
            _subFill += take;
            _position += take;
            samples = samples.Slice(take);
            if (_subFill == subSize)
            {
                _subBlockEnergy[_subIndex] = _subSum;
                _subSum = 0;
                _subFill = 0;
                if (++_subIndex == _subBlockCount)
                {
                    EndFrame();
                    _subIndex = 0;
                    _frameStart += _frameSize;
                }
            }
        }

        return new VoiceActivityResult(_sampleRate, _inSpeech, _callStart, _callEnd, _position, _levelDbfs);
    }

    /// <summary>Decides voice or silence for the frame just completed and advances the state machine.</summary>
    private void EndFrame()
    {
        double energy = 0;
        for (int i = 0; i < _subBlockCount; i++)
        {
            energy += _subBlockEnergy[i];
        }

        double meanSquare = energy / _frameSize;
        double level = meanSquare > 0 ? 10 * Math.Log10(meanSquare) : double.NegativeInfinity;
        double thresholdDb = CurrentThresholdDbfs;
        double thresholdPower = Math.Pow(10, thresholdDb / 10);
        _levelDbfs = level;
        if (_adaptive)
        {
            double clamped = Math.Max(level, NoiseFloorMinimumDbfs);
            _noiseFloorDbfs = double.IsNaN(_noiseFloorDbfs) || clamped < _noiseFloorDbfs
                ? clamped
                : Math.Min(clamped, _noiseFloorDbfs + _riseDbPerFrame);
        }

        long frameEnd = _frameStart + _frameSize;
        if (meanSquare >= thresholdPower && meanSquare > 0)
        {
            // Refine the voiced span to the sub-blocks that reach the threshold on their own.
            int first = -1, last = -1;
            for (int i = 0; i < _subBlockCount; i++)
            {
                int size = i == _subBlockCount - 1 ? _lastSubBlockSize : _subBlockSize;
                if (_subBlockEnergy[i] >= thresholdPower * size)
                {
                    if (first < 0)
                    {
                        first = i;
                    }

                    last = i;
                }
            }

            long voiceStart = _frameStart + ((long)first * _subBlockSize);
            long voiceEnd = last == _subBlockCount - 1 ? frameEnd : _frameStart + ((long)(last + 1) * _subBlockSize);
            _lastVoiceEnd = voiceEnd;
            if (!_inSpeech)
            {
                if (_candidateStart < 0)
                {
                    _candidateStart = voiceStart;
                }

                if (voiceEnd - _candidateStart >= _minimumSpeechSamples)
                {
                    _inSpeech = true;
                    _callStart = _candidateStart;
                    _candidateStart = -1;
                }
            }
        }
        else if (_inSpeech)
        {
            if (frameEnd - _lastVoiceEnd >= _hangoverSamples)
            {
                _inSpeech = false;
                _callEnd = _lastVoiceEnd;
            }
        }
        else
        {
            _candidateStart = -1;
        }
    }

    private static double SumOfSquares(ReadOnlySpan<short> samples)
    {
        int i = 0;
        float sum = 0;
        if (Vector.IsHardwareAccelerated && samples.Length >= Vector<short>.Count)
        {
            ref short src = ref MemoryMarshal.GetReference(samples);
            Vector<float> acc0 = Vector<float>.Zero, acc1 = Vector<float>.Zero;
            int last = samples.Length - Vector<short>.Count;
            for (; i <= last; i += Vector<short>.Count)
            {
                Vector.Widen(Vector.LoadUnsafe(ref src, (nuint)i), out Vector<int> lo, out Vector<int> hi);
                var a = Vector.ConvertToSingle(lo);
                var b = Vector.ConvertToSingle(hi);
                acc0 += a * a;
                acc1 += b * b;
            }

            sum = Vector.Sum(acc0 + acc1);
        }

        for (; i < samples.Length; i++)
        {
            float s = samples[i];
            sum += s * s;
        }

        return sum;
    }

    private static double SumOfSquares(ReadOnlySpan<float> samples)
    {
        int i = 0;
        float sum = 0;
        if (Vector.IsHardwareAccelerated && samples.Length >= Vector<float>.Count)
        {
            ref float src = ref MemoryMarshal.GetReference(samples);
            Vector<float> acc = Vector<float>.Zero;
            int last = samples.Length - Vector<float>.Count;
            for (; i <= last; i += Vector<float>.Count)
            {
                var v = Vector.LoadUnsafe(ref src, (nuint)i);
                acc += v * v;
            }

            sum = Vector.Sum(acc);
        }

        for (; i < samples.Length; i++)
        {
            float s = samples[i];
            sum += s * s;
        }

        return sum;
    }
}
