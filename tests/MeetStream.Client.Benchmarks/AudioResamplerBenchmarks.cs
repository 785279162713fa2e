using BenchmarkDotNet.Attributes;
using MeetStream.Client.Realtime.Dsp;

namespace MeetStream.Client.Benchmarks;

/// <summary>Resampling one 20 ms mono PCM16 frame: the vectorised <see cref="PcmResampler"/> against a scalar polyphase baseline with the same filter.</summary>
[MemoryDiagnoser]
public class AudioResamplerBenchmarks
{
    private short[] _frame = [];
    private short[] _output = [];
    private PcmResampler _resampler = null!;
    private AudioScalarResampler _scalar = null!;

    /// <summary>Input and output rate in Hz.</summary>
    [Params("48000->16000", "48000->24000", "16000->48000")]
    public string Conversion { get; set; } = "48000->16000";

    [GlobalSetup]
    public void Setup()
    {
        string[] rates = Conversion.Split("->");
        int input = int.Parse(rates[0], System.Globalization.CultureInfo.InvariantCulture);
        int output = int.Parse(rates[1], System.Globalization.CultureInfo.InvariantCulture);
        _resampler = new PcmResampler(input, output);
        int length = input / 50;
        _frame = new short[length];
        var random = new Random(42);
        for (int i = 0; i < length; i++)
        {
            _frame[i] = (short)((8000 * Math.Sin(2 * Math.PI * 440 * i / input)) + random.Next(-500, 500));
        }

        _output = new short[_resampler.GetMaxOutputLength(length)];
        _scalar = new AudioScalarResampler(_resampler, length);
    }

    [Benchmark(Baseline = true, Description = "Scalar polyphase (baseline)")]
    public int Scalar() => _scalar.Process(_frame, _output);

    [Benchmark(Description = "PcmResampler (vectorised)")]
    public int Vectorised() => _resampler.Process(_frame, _output);
}
