using MeetStream.Client.Realtime.Dsp;

namespace MeetStream.Client.Benchmarks;

/// <summary>
/// The benchmark baseline: a straightforward scalar polyphase resampler with the same filter as
/// <see cref="PcmResampler"/> (one accumulator per output, no vectors), written the way one would by hand.
/// </summary>
internal sealed class AudioScalarResampler
{
    private readonly float[] _branches;
    private readonly int _taps;
    private readonly int _up;
    private readonly int _down;
    private readonly float[] _work;
    private int _offset;
    private int _phase;

    public AudioScalarResampler(PcmResampler design, int maxInput)
    {
        _branches = design.GetBranches();
        _taps = design.TapsPerOutput;
        _up = design.UpFactor;
        _down = design.DownFactor;
        _work = new float[_taps - 1 + maxInput];
    }

    public int Process(ReadOnlySpan<short> input, Span<short> output)
    {
        int history = _taps - 1;
        for (int i = 0; i < input.Length; i++)
        {
            _work[history + i] = input[i] / 32768f;
        }

        int written = 0;
        while (_offset < input.Length)
        {
            int branch = _phase * _taps;
            float acc = 0;
            for (int k = 0; k < _taps; k++)
            {
                acc += _work[_offset + k] * _branches[branch + k];
            }

            output[written++] = (short)Math.Clamp(MathF.Floor((acc * 32768f) + 0.5f), -32768f, 32767f);
            _phase += _down;
            while (_phase >= _up)
            {
                _phase -= _up;
                _offset++;
            }
        }

        _offset -= input.Length;
        Array.Copy(_work, input.Length, _work, 0, history);
        return written;
    }
}
