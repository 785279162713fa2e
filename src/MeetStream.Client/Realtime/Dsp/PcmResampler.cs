using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MeetStream.Client.Realtime.Dsp;

/// <summary>
/// A streaming polyphase resampler for mono audio at any rational ratio (48 kHz ↔ 16 kHz for speech recognition,
/// 48 kHz ↔ 24 kHz for realtime voice models, 44.1 kHz ↔ 48 kHz, ...). It filters with a Kaiser-windowed sinc
/// low-pass whose stop band starts at the lower Nyquist frequency, so nothing aliases and up-sampling images are
/// removed. State (filter history and phase) carries over between calls: feeding a stream in frames of any size
/// gives exactly the same samples as one call with the whole stream.
/// </summary>
/// <remarks>
/// <para><b>Output length.</b> After <c>T</c> input samples in total, the resampler has produced exactly
/// <c>ceil(T * L / M)</c> output samples, where <c>L/M</c> = output rate / input rate in lowest terms
/// (<see cref="UpFactor"/>/<see cref="DownFactor"/>). One call therefore returns
/// <c>ceil((T + n) * L / M) - ceil(T * L / M)</c> samples for <c>n</c> inputs; <see cref="GetOutputLength"/> computes that
/// from the current state and <see cref="GetMaxOutputLength"/> gives the bound <c>ceil(n * L / M)</c>, independent of state.
/// A 20 ms frame of 960 samples at 48 kHz always yields exactly 320 samples at 16 kHz and 480 at 24 kHz; 320 samples
/// at 16 kHz always yield 960 at 48 kHz.</para>
/// <para><b>Delay.</b> The filter is linear-phase and causal: output lags input by <see cref="Latency"/> (about
/// 1.4 ms for 48 ↔ 16 kHz with the defaults). <see cref="Flush(Span{short})"/> pushes the delayed tail out at the end
/// of a stream and resets.</para>
/// <para><b>Cost.</b> Construction designs the filter and allocates its buffers once (10 to 40 KB for common ratios). <c>Process</c>
/// allocates nothing and is vectorised (AVX-512, AVX2/FMA, SSE or Arm AdvSimd). For ratios with small terms
/// (48 ↔ 16, 48 ↔ 24, 48 ↔ 8, 16 ↔ 24 kHz, ...) the input is split by phase and the polyphase sub-filters, stored
/// contiguously, run as a filter bank vectorised across consecutive outputs (no horizontal sums); for ratios with
/// large terms (44.1 ↔ 48 kHz) each output is a vectorised dot product of its contiguous polyphase branch with the
/// input window. An instance is not thread-safe: use one per stream.</para>
/// <para>Float samples are in [-1, 1); PCM16 conversions follow <see cref="Pcm16"/> (round to nearest, clamp).</para>
/// </remarks>
public sealed class PcmResampler
{
    /// <summary>The largest supported sample rate.</summary>
    public const int MaxSampleRate = 768_000;

    /// <summary>The largest numerator or denominator of the reduced rate ratio (44.1 kHz ↔ 48 kHz needs 160).</summary>
    public const int MaxRatioTerm = 1024;

    // Filter-bank algorithm: used when M <= 8 and L <= 16; stream positions per block.
    private const int FilterBankMaxDown = 8;
    private const int FilterBankMaxUp = 16;
    private const int FilterBankBlock = 512;

    // Dot-product algorithm: input samples per block.
    private const int DotProductBlock = 2048;

    private readonly int _up;
    private readonly int _down;
    private readonly int _taps;
    private readonly int _flushInputLength;
    private readonly bool _identity;
    private readonly ResamplerAlgorithm _algorithm;
    private readonly VectorWidth _width;

    // Dot product: branches (L x K, reversed), phase steps, and a [K - 1 history | block] window buffer.
    private readonly float[] _branches = [];
    private readonly int[] _advance = [];
    private readonly int[] _nextPhase = [];
    private readonly float[] _window = [];

    // Filter bank: sub-filters (branch p, sub s at (p * M + s) * K/M), M input streams of _streamCapacity floats
    // (stream b holds x[m * M + b] at index m - _base), per-class newest-input offset and branch, scratch outputs.
    private readonly int _subTaps;
    private readonly float[] _subFilters = [];
    private readonly float[] _streams = [];
    private readonly int _streamCapacity;
    private readonly int[] _classNewest = [];
    private readonly int[] _classBranch = [];
    private readonly int[] _subOffsets = [];
    private readonly float[] _classOutput = [];
    private readonly int _classStride;
    private readonly float[] _output = [];

    // Stream state: totals of input consumed and output produced (absolute sample indices), and per algorithm the
    // next output's newest input relative to the next call (dot product) or the streams' first position (filter bank).
    private long _inputCount;
    private long _outputCount;
    private int _offset;
    private int _phase;
    private long _base;

    /// <summary>Creates a resampler with the default filter (pass band to 0.8 × the lower Nyquist, 70 dB stop band).</summary>
    /// <param name="inputSampleRate">The input rate in Hz, for example 48000.</param>
    /// <param name="outputSampleRate">The output rate in Hz, for example 16000.</param>
    /// <exception cref="ArgumentOutOfRangeException">A rate is not in [1, <see cref="MaxSampleRate"/>], or the reduced ratio has a term above <see cref="MaxRatioTerm"/>.</exception>
    public PcmResampler(int inputSampleRate, int outputSampleRate)
        : this(inputSampleRate, outputSampleRate, null)
    {
    }

    /// <summary>Creates a resampler with a tuned filter.</summary>
    /// <param name="inputSampleRate">The input rate in Hz, for example 48000.</param>
    /// <param name="outputSampleRate">The output rate in Hz, for example 16000.</param>
    /// <param name="options">Filter settings; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">A rate is not in [1, <see cref="MaxSampleRate"/>], the reduced ratio has a term above <see cref="MaxRatioTerm"/>, or an option is out of range.</exception>
    public PcmResampler(int inputSampleRate, int outputSampleRate, PcmResamplerOptions? options)
    {
        ValidateRate(inputSampleRate, nameof(inputSampleRate));
        ValidateRate(outputSampleRate, nameof(outputSampleRate));
        options ??= new PcmResamplerOptions();
        options.Validate();

        int gcd = Gcd(inputSampleRate, outputSampleRate);
        _up = outputSampleRate / gcd;
        _down = inputSampleRate / gcd;
        if (_up > MaxRatioTerm || _down > MaxRatioTerm)
        {
            throw new ArgumentOutOfRangeException(
                nameof(outputSampleRate),
                outputSampleRate,
                $"The ratio {outputSampleRate}/{inputSampleRate} reduces to {_up}/{_down}; both terms must be at most {MaxRatioTerm}. Choose rates with a larger common divisor.");
        }

        InputSampleRate = inputSampleRate;
        OutputSampleRate = outputSampleRate;
        _width = SimdKernels.Resolve(options.Width);
        if (_up == 1 && _down == 1)
        {
            _identity = true;
            return;
        }

        _algorithm = options.Algorithm != ResamplerAlgorithm.Auto
            ? options.Algorithm
            : _down <= FilterBankMaxDown && _up <= FilterBankMaxUp ? ResamplerAlgorithm.FilterBank : ResamplerAlgorithm.DotProduct;
        int tapMultiple = _algorithm == ResamplerAlgorithm.FilterBank ? _down : ResamplerFilterDesign.DotProductAlignment;
        _branches = ResamplerFilterDesign.Design(_up, _down, options.PassbandEnd, options.StopbandAttenuation, tapMultiple, out _taps, out int prototypeLength);
        _flushInputLength = (prototypeLength - 1 + (2 * _up) - 1) / (2 * _up);
        Latency = TimeSpan.FromTicks((long)Math.Round((prototypeLength - 1) * (double)TimeSpan.TicksPerSecond / (2.0 * _up * inputSampleRate)));

        if (_algorithm == ResamplerAlgorithm.FilterBank)
        {
            _subTaps = _taps / _down;
            _subFilters = new float[_branches.Length];
            for (int p = 0; p < _up; p++)
            {
                for (int sub = 0; sub < _down; sub++)
                {
                    for (int j = 0; j < _subTaps; j++)
                    {
                        _subFilters[(((p * _down) + sub) * _subTaps) + j] = _branches[(p * _taps) + (j * _down) + sub];
                    }
                }
            }

            // Output n = t * L + r (class r) has its newest input at t * M + floor(r * M / L) and uses branch r * M mod L.
            _classNewest = new int[_up];
            _classBranch = new int[_up];
            for (int r = 0; r < _up; r++)
            {
                _classNewest[r] = r * _down / _up;
                _classBranch[r] = r * _down % _up;
            }

            _streamCapacity = _subTaps + FilterBankBlock + 64;
            _streams = new float[_down * _streamCapacity];
            _subOffsets = new int[_down];
            _classStride = FilterBankBlock + 32;
            _classOutput = _up > 1 ? new float[_up * _classStride] : [];
            _output = new float[(FilterBankBlock * _up) + 32];
            _branches = [];
        }
        else
        {
            _advance = new int[_up];
            _nextPhase = new int[_up];
            for (int p = 0; p < _up; p++)
            {
                _advance[p] = (p + _down) / _up;
                _nextPhase[p] = (p + _down) % _up;
            }

            _window = new float[_taps - 1 + DotProductBlock];
        }

        Reset();
    }

    /// <summary>The input sample rate in Hz.</summary>
    public int InputSampleRate { get; }

    /// <summary>The output sample rate in Hz.</summary>
    public int OutputSampleRate { get; }

    /// <summary>L: the output rate divided by the greatest common divisor of the two rates (1 for 48 → 16 kHz, 3 for 16 → 48 kHz).</summary>
    public int UpFactor => _up;

    /// <summary>M: the input rate divided by the greatest common divisor of the two rates (3 for 48 → 16 kHz, 1 for 16 → 48 kHz).</summary>
    public int DownFactor => _down;

    /// <summary>The filter taps evaluated per output sample (0 when the rates are equal).</summary>
    public int TapsPerOutput => _taps;

    /// <summary>The group delay of the filter: how far the output lags the input (zero when the rates are equal).</summary>
    public TimeSpan Latency { get; }

    /// <summary>The vector width the kernels run with (tests and benchmarks).</summary>
    internal VectorWidth Width => _width;

    /// <summary>The algorithm in use (tests and benchmarks).</summary>
    internal ResamplerAlgorithm Algorithm => _algorithm;

    /// <summary>
    /// The polyphase branches in dot-product layout: <see cref="UpFactor"/> × <see cref="TapsPerOutput"/> coefficients,
    /// branch p at <c>p * K</c>, coefficient j multiplying <c>x[i - K + 1 + j]</c> (benchmark baseline).
    /// </summary>
    internal float[] GetBranches()
    {
        if (_algorithm != ResamplerAlgorithm.FilterBank)
        {
            return (float[])_branches.Clone();
        }

        var branches = new float[_subFilters.Length];
        for (int p = 0; p < _up; p++)
        {
            for (int sub = 0; sub < _down; sub++)
            {
                for (int j = 0; j < _subTaps; j++)
                {
                    branches[(p * _taps) + (j * _down) + sub] = _subFilters[(((p * _down) + sub) * _subTaps) + j];
                }
            }
        }

        return branches;
    }

    /// <summary>
    /// Returns exactly how many samples the next <c>Process</c> call produces for <paramref name="inputLength"/> input
    /// samples, given the current state: <c>ceil((T + n) * L / M) - ceil(T * L / M)</c> where <c>T</c> counts all input so far.
    /// </summary>
    /// <param name="inputLength">The number of input samples of the next call; not negative.</param>
    /// <returns>The exact output length.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inputLength"/> is negative.</exception>
    public int GetOutputLength(int inputLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputLength);
        return OutputLength(inputLength);
    }

    /// <summary>
    /// Returns the most samples any call can produce for <paramref name="inputLength"/> input samples, whatever the
    /// state: <c>ceil(n * L / M)</c>. Size reusable output buffers with it.
    /// </summary>
    /// <param name="inputLength">An input length; not negative.</param>
    /// <returns>The upper bound.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inputLength"/> is negative.</exception>
    public int GetMaxOutputLength(int inputLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputLength);
        return checked((int)((((long)inputLength * _up) + _down - 1) / _down));
    }

    /// <summary>Returns how many samples <c>Flush</c> would write now.</summary>
    /// <returns>The exact flush output length.</returns>
    public int GetFlushLength() => _identity ? 0 : OutputLength(_flushInputLength);

    /// <summary>Resamples PCM16 samples into PCM16 samples.</summary>
    /// <param name="input">The next input samples; any length, including 0.</param>
    /// <param name="output">Receives exactly <see cref="GetOutputLength"/>(<c>input.Length</c>) samples.</param>
    /// <returns>The number of samples written to <paramref name="output"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="output"/> is shorter than <see cref="GetOutputLength"/>(<c>input.Length</c>); nothing is consumed.</exception>
    public int Process(ReadOnlySpan<short> input, Span<short> output) => ProcessCore(input, input.Length, output);

    /// <summary>Resamples float samples into float samples.</summary>
    /// <param name="input">The next input samples; any length, including 0.</param>
    /// <param name="output">Receives exactly <see cref="GetOutputLength"/>(<c>input.Length</c>) samples.</param>
    /// <returns>The number of samples written to <paramref name="output"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="output"/> is shorter than <see cref="GetOutputLength"/>(<c>input.Length</c>); nothing is consumed.</exception>
    public int Process(ReadOnlySpan<float> input, Span<float> output) => ProcessCore(input, input.Length, output);

    /// <summary>Resamples PCM16 samples into float samples in [-1, 1) (for example for a speech model that takes floats).</summary>
    /// <param name="input">The next input samples; any length, including 0.</param>
    /// <param name="output">Receives exactly <see cref="GetOutputLength"/>(<c>input.Length</c>) samples.</param>
    /// <returns>The number of samples written to <paramref name="output"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="output"/> is shorter than <see cref="GetOutputLength"/>(<c>input.Length</c>); nothing is consumed.</exception>
    public int Process(ReadOnlySpan<short> input, Span<float> output) => ProcessCore(input, input.Length, output);

    /// <summary>Resamples float samples into PCM16 samples (for example synthesized speech into <c>sendaudio</c> PCM).</summary>
    /// <param name="input">The next input samples; any length, including 0.</param>
    /// <param name="output">Receives exactly <see cref="GetOutputLength"/>(<c>input.Length</c>) samples.</param>
    /// <returns>The number of samples written to <paramref name="output"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="output"/> is shorter than <see cref="GetOutputLength"/>(<c>input.Length</c>); nothing is consumed.</exception>
    public int Process(ReadOnlySpan<float> input, Span<short> output) => ProcessCore(input, input.Length, output);

    /// <summary>
    /// Ends the stream: writes the samples still inside the filter (the input's last <see cref="Latency"/>, as if
    /// silence followed) and then resets, so the instance can start an unrelated stream.
    /// </summary>
    /// <param name="output">Receives exactly <see cref="GetFlushLength"/> samples.</param>
    /// <returns>The number of samples written.</returns>
    /// <exception cref="ArgumentException"><paramref name="output"/> is shorter than <see cref="GetFlushLength"/>.</exception>
    public int Flush(Span<short> output) => FlushCore(output);

    /// <summary>Ends the stream like <see cref="Flush(Span{short})"/>, writing float samples.</summary>
    /// <param name="output">Receives exactly <see cref="GetFlushLength"/> samples.</param>
    /// <returns>The number of samples written.</returns>
    /// <exception cref="ArgumentException"><paramref name="output"/> is shorter than <see cref="GetFlushLength"/>.</exception>
    public int Flush(Span<float> output) => FlushCore(output);

    /// <summary>Clears the filter history and phase: the next call starts a new stream.</summary>
    public void Reset()
    {
        _inputCount = 0;
        _outputCount = 0;
        _offset = 0;
        _phase = 0;
        _base = -_subTaps;
        Array.Clear(_window);
        Array.Clear(_streams);
    }

    private static void ValidateRate(int rate, string name)
    {
        if (rate <= 0 || rate > MaxSampleRate)
        {
            throw new ArgumentOutOfRangeException(name, rate, $"The sample rate must be between 1 and {MaxSampleRate} Hz.");
        }
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }

    /// <summary>Floor division for possibly negative numerators and positive divisors.</summary>
    private static long FloorDiv(long numerator, long divisor)
    {
        long quotient = numerator / divisor;
        return (numerator % divisor != 0 && numerator < 0) ? quotient - 1 : quotient;
    }

    private int OutputLength(int inputLength)
    {
        if (_identity)
        {
            return inputLength;
        }

        long total = FloorDiv((((_inputCount + inputLength) * _up) + _down - 1), _down);
        return checked((int)(total - _outputCount));
    }

    private int FlushCore<TOut>(Span<TOut> output)
        where TOut : unmanaged
    {
        if (_identity)
        {
            return 0;
        }

        int written = ProcessCore(ReadOnlySpan<float>.Empty, _flushInputLength, output);
        Reset();
        return written;
    }

    /// <summary>Runs <paramref name="length"/> input samples (zeros when <paramref name="input"/> is empty) through the filter.</summary>
    private int ProcessCore<TIn, TOut>(ReadOnlySpan<TIn> input, int length, Span<TOut> output)
        where TIn : unmanaged
        where TOut : unmanaged
    {
        int needed = OutputLength(length);
        if (output.Length < needed)
        {
            throw new ArgumentException(
                $"The output span is too short: {length} input samples produce {needed} output samples at {InputSampleRate} → {OutputSampleRate} Hz in the current state, but it holds {output.Length}. Size it with GetOutputLength or GetMaxOutputLength.",
                nameof(output));
        }

        if (_identity)
        {
            CopyIdentity(input, output);
            return needed;
        }

        int written = _width switch
        {
            VectorWidth.Vector512 => Run<TIn, TOut, SimdKernels.V512, Vector512<float>>(input, length, output),
            VectorWidth.Vector256 => Run<TIn, TOut, SimdKernels.V256, Vector256<float>>(input, length, output),
            VectorWidth.Vector128 => Run<TIn, TOut, SimdKernels.V128, Vector128<float>>(input, length, output),
            _ => Run<TIn, TOut, SimdKernels.Scalar, float>(input, length, output),
        };
        _inputCount += length;
        _outputCount += written;
        return written;
    }

    private int Run<TIn, TOut, TOps, TVec>(ReadOnlySpan<TIn> input, int length, Span<TOut> output)
        where TIn : unmanaged
        where TOut : unmanaged
        where TOps : struct, IVectorOps<TVec>
        where TVec : struct
        => _algorithm == ResamplerAlgorithm.FilterBank
            ? RunFilterBank<TIn, TOut, TOps, TVec>(input, length, output)
            : RunDotProduct<TIn, TOut, TOps, TVec>(input, length, output);

    /// <summary>The filter-bank algorithm: split the input by phase into M streams, then one vectorised filter bank per output class.</summary>
    private int RunFilterBank<TIn, TOut, TOps, TVec>(ReadOnlySpan<TIn> input, int length, Span<TOut> output)
        where TIn : unmanaged
        where TOut : unmanaged
        where TOps : struct, IVectorOps<TVec>
        where TVec : struct
    {
        int up = _up, down = _down, capacity = _streamCapacity;
        long inputCount = _inputCount, outputCount = _outputCount;
        int written = 0;
        int blockInputs = FilterBankBlock * down;
        for (int start = 0; start < length; start += blockInputs)
        {
            int block = Math.Min(blockInputs, length - start);
            WriteStreams(input.IsEmpty ? input : input.Slice(start, block), block, inputCount);
            inputCount += block;

            long end = FloorDiv((inputCount * up) + down - 1, down);
            int count = (int)(end - outputCount);
            if (count > 0)
            {
                ref float streams = ref MemoryMarshal.GetArrayDataReference(_streams);
                for (int r = 0; r < up; r++)
                {
                    long first = FloorDiv(outputCount - r + up - 1, up);
                    int classCount = (int)(FloorDiv(end - r + up - 1, up) - first);
                    if (classCount <= 0)
                    {
                        continue;
                    }

                    // Window element k = j * M + s of output t * L + r is x[(t + j - K/M) * M + newest + 1 + s].
                    int newest = _classNewest[r];
                    for (int s = 0; s < down; s++)
                    {
                        int g = newest + 1 + s;
                        _subOffsets[s] = ((g % down) * capacity) + (int)(first - _subTaps + (g / down) - _base);
                    }

                    ref float target = ref up == 1
                        ? ref MemoryMarshal.GetArrayDataReference(_output)
                        : ref _classOutput[r * _classStride];
                    SimdKernels.FilterBank<TOps, TVec>(ref _subFilters[_classBranch[r] * _taps], _subTaps, _subOffsets, ref streams, ref target, classCount);
                }

                if (up > 1)
                {
                    Interleave(outputCount, end);
                }

                WriteOutput(_output.AsSpan(0, count), output.Slice(written));
                written += count;
                outputCount = end;
            }

            // Drop stream positions no future output reads.
            long newBase = FloorDiv(outputCount, up) - _subTaps;
            int shift = (int)(newBase - _base);
            if (shift > 0)
            {
                int keep = (int)(FloorDiv(inputCount + down - 1, down) - newBase);
                for (int s = 0; s < down; s++)
                {
                    Array.Copy(_streams, (s * capacity) + shift, _streams, s * capacity, keep);
                }

                _base = newBase;
            }
        }

        return written;
    }

    /// <summary>Interleaves the class outputs into output order: output <c>t * L + r</c> is class r's entry for t.</summary>
    private void Interleave(long outputCount, long end)
    {
        int up = _up, done = 0, count = (int)(end - outputCount);
        if (_width == VectorWidth.Vector512 && (up == 2 || up == 3) && outputCount % up == 0)
        {
            // Every class starts at t = outputCount / L: whole groups of 16 per class go through permutes.
            int groups = count / (16 * up);
            SimdKernels.Interleave512(ref MemoryMarshal.GetArrayDataReference(_classOutput), _classStride, up, ref MemoryMarshal.GetArrayDataReference(_output), groups);
            done = groups * 16;
        }

        for (int r = 0; r < up; r++)
        {
            long first = FloorDiv(outputCount - r + up - 1, up);
            int classCount = (int)(FloorDiv(end - r + up - 1, up) - first);
            if (classCount <= done)
            {
                continue;
            }

            ref float source = ref _classOutput[r * _classStride];
            ref float target = ref _output[(int)((first * up) + r - outputCount)];
            for (int q = done; q < classCount; q++)
            {
                Unsafe.Add(ref target, q * up) = Unsafe.Add(ref source, q);
            }
        }
    }

    /// <summary>Appends input samples (or zeros) to the phase streams: x[g] goes to stream g mod M at position g / M.</summary>
    private void WriteStreams<TIn>(ReadOnlySpan<TIn> input, int length, long inputCount)
        where TIn : unmanaged
    {
        int stream = (int)(inputCount % _down);
        int position = (int)((inputCount / _down) - _base);
        if (_down == 1)
        {
            Span<float> target = _streams.AsSpan(position, length);
            if (input.IsEmpty)
            {
                target.Clear();
            }
            else if (typeof(TIn) == typeof(short))
            {
                Pcm16.ConvertToFloat(MemoryMarshal.Cast<TIn, short>(input), target);
            }
            else
            {
                MemoryMarshal.Cast<TIn, float>(input).CopyTo(target);
            }

            return;
        }

        bool v512 = _width == VectorWidth.Vector512;
        if ((v512 || (_width == VectorWidth.Vector256 && Avx2.IsSupported)) && (_down == 2 || _down == 3) && !input.IsEmpty)
        {
            // Scalar until the next sample belongs to stream 0, then 16 (8) positions of every stream per step.
            int lead = Math.Min(length, (_down - stream) % _down);
            WriteStreamsScalar(input.Slice(0, lead), lead, ref stream, ref position);
            int done = lead + (v512
                ? SimdKernels.Deinterleave512(input.Slice(lead), _down, ref _streams[position], _streamCapacity)
                : SimdKernels.Deinterleave256(input.Slice(lead), _down, ref _streams[position], _streamCapacity));
            position += (done - lead) / _down;
            WriteStreamsScalar(input.Slice(done), length - done, ref stream, ref position);
            return;
        }

        WriteStreamsScalar(input, length, ref stream, ref position);
    }

    /// <summary>Appends samples (or zeros) to the M streams one at a time.</summary>
    private void WriteStreamsScalar<TIn>(ReadOnlySpan<TIn> input, int length, ref int stream, ref int position)
        where TIn : unmanaged
    {
        if (length == 0)
        {
            return;
        }

        if (typeof(TIn) == typeof(float) && !input.IsEmpty)
        {
            Deinterleave(MemoryMarshal.Cast<TIn, float>(input), ref stream, ref position);
            return;
        }

        // PCM16 (or zeros): convert a chunk with vectors, then split it.
        Span<float> chunk = stackalloc float[512];
        if (input.IsEmpty)
        {
            chunk.Clear();
        }

        for (int start = 0; start < length; start += chunk.Length)
        {
            int n = Math.Min(chunk.Length, length - start);
            if (!input.IsEmpty)
            {
                Pcm16.ConvertToFloat(MemoryMarshal.Cast<TIn, short>(input.Slice(start, n)), chunk);
            }

            Deinterleave(chunk.Slice(0, n), ref stream, ref position);
        }
    }

    /// <summary>Splits consecutive samples across the M streams, starting at <paramref name="stream"/> and <paramref name="position"/>.</summary>
    private void Deinterleave(ReadOnlySpan<float> source, ref int stream, ref int position)
    {
        int down = _down, capacity = _streamCapacity, i = 0, n = source.Length;
        ref float src = ref MemoryMarshal.GetReference(source);
        ref float streams = ref MemoryMarshal.GetArrayDataReference(_streams);
        while (i < n && stream != 0)
        {
            Unsafe.Add(ref streams, (stream * capacity) + position) = Unsafe.Add(ref src, i++);
            if (++stream == down)
            {
                stream = 0;
                position++;
            }
        }

        ref float s0 = ref Unsafe.Add(ref streams, position);
        int groups = (n - i) / down;
        switch (down)
        {
            case 2:
                ref float s1 = ref Unsafe.Add(ref s0, capacity);
                for (int g = 0; g < groups; g++, i += 2)
                {
                    Unsafe.Add(ref s0, g) = Unsafe.Add(ref src, i);
                    Unsafe.Add(ref s1, g) = Unsafe.Add(ref src, i + 1);
                }

                break;
            case 3:
                ref float t1 = ref Unsafe.Add(ref s0, capacity);
                ref float t2 = ref Unsafe.Add(ref s0, 2 * capacity);
                for (int g = 0; g < groups; g++, i += 3)
                {
                    Unsafe.Add(ref s0, g) = Unsafe.Add(ref src, i);
                    Unsafe.Add(ref t1, g) = Unsafe.Add(ref src, i + 1);
                    Unsafe.Add(ref t2, g) = Unsafe.Add(ref src, i + 2);
                }

                break;
            default:
                for (int g = 0; g < groups; g++)
                {
                    for (int k = 0; k < down; k++, i++)
                    {
                        Unsafe.Add(ref s0, (k * capacity) + g) = Unsafe.Add(ref src, i);
                    }
                }

                break;
        }

        position += groups;
        while (i < n)
        {
            Unsafe.Add(ref streams, (stream * capacity) + position) = Unsafe.Add(ref src, i++);
            stream++;
        }
    }

    /// <summary>The dot-product algorithm: each output is its branch dotted with the input window that ends at its newest input.</summary>
    private int RunDotProduct<TIn, TOut, TOps, TVec>(ReadOnlySpan<TIn> input, int length, Span<TOut> output)
        where TIn : unmanaged
        where TOut : unmanaged
        where TOps : struct, IVectorOps<TVec>
        where TVec : struct
    {
        int written = 0;
        int history = _taps - 1;
        int taps = _taps;
        for (int start = 0; start < length; start += DotProductBlock)
        {
            int block = Math.Min(DotProductBlock, length - start);
            Span<float> target = _window.AsSpan(history, block);
            if (input.IsEmpty)
            {
                target.Clear();
            }
            else if (typeof(TIn) == typeof(short))
            {
                Pcm16.ConvertToFloat(MemoryMarshal.Cast<TIn, short>(input.Slice(start, block)), target);
            }
            else
            {
                MemoryMarshal.Cast<TIn, float>(input.Slice(start, block)).CopyTo(target);
            }

            int offset = _offset;
            int phase = _phase;
            ref float window = ref MemoryMarshal.GetArrayDataReference(_window);
            ref float branches = ref MemoryMarshal.GetArrayDataReference(_branches);
            ref TOut destination = ref MemoryMarshal.GetReference(output);
            while (offset < block)
            {
                // _window[offset .. offset + K) holds x[i - K + 1 .. i] for the output's newest input i.
                float value = SimdKernels.Dot<TOps, TVec>(ref Unsafe.Add(ref window, offset), ref Unsafe.Add(ref branches, phase * taps), taps);
                if (typeof(TOut) == typeof(short))
                {
                    Unsafe.As<TOut, short>(ref Unsafe.Add(ref destination, written)) = Pcm16.ToShort(value);
                }
                else
                {
                    Unsafe.As<TOut, float>(ref Unsafe.Add(ref destination, written)) = value;
                }

                written++;
                offset += _advance[phase];
                phase = _nextPhase[phase];
            }

            _offset = offset - block;
            _phase = phase;

            // Keep the last K - 1 samples as history for the next block.
            _window.AsSpan(block, history).CopyTo(_window);
        }

        return written;
    }

    private static void WriteOutput<TOut>(ReadOnlySpan<float> source, Span<TOut> destination)
        where TOut : unmanaged
    {
        if (typeof(TOut) == typeof(short))
        {
            Pcm16.ConvertFromFloat(source, MemoryMarshal.Cast<TOut, short>(destination));
        }
        else
        {
            source.CopyTo(MemoryMarshal.Cast<TOut, float>(destination));
        }
    }

    private static void CopyIdentity<TIn, TOut>(ReadOnlySpan<TIn> input, Span<TOut> output)
        where TIn : unmanaged
        where TOut : unmanaged
    {
        if (typeof(TIn) == typeof(TOut))
        {
            MemoryMarshal.Cast<TIn, TOut>(input).CopyTo(output);
        }
        else if (typeof(TIn) == typeof(short))
        {
            Pcm16.ConvertToFloat(MemoryMarshal.Cast<TIn, short>(input), MemoryMarshal.Cast<TOut, float>(output));
        }
        else
        {
            Pcm16.ConvertFromFloat(MemoryMarshal.Cast<TIn, float>(input), MemoryMarshal.Cast<TOut, short>(output));
        }
    }
}

/// <summary>How a <see cref="PcmResampler"/> evaluates its polyphase filter.</summary>
internal enum ResamplerAlgorithm
{
    /// <summary>The filter bank for small ratio terms, dot products otherwise.</summary>
    Auto = 0,

    /// <summary>Phase-split input streams and sub-filters vectorised across consecutive outputs.</summary>
    FilterBank,

    /// <summary>One vectorised dot product per output.</summary>
    DotProduct,
}
