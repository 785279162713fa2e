using System.Text;
using BenchmarkDotNet.Attributes;
using MeetStream.Client.Realtime;
using MeetStream.Client.Realtime.Internal;

namespace MeetStream.Client.Benchmarks;

/// <summary>
/// Parsing one 20 ms live-audio frame (960 samples, 48 kHz mono) as the audio channel does. The parser and the
/// speaker-string cache must allocate nothing; the naive version (decode strings, copy PCM) is the baseline.
/// </summary>
[MemoryDiagnoser]
public class AudioFrameParserBenchmarks
{
    private readonly Utf8StringCache _ids = new(64);
    private readonly Utf8StringCache _names = new(64);
    private byte[] _frame = [];
    private byte[] _legacy = [];
    private byte[] _pcmDestination = [];

    [GlobalSetup]
    public void Setup()
    {
        var samples = new short[960];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)(Math.Sin(i * 2 * Math.PI * 440 / 48_000) * 8_000);
        }

        _frame = AudioFrameWriter.CreateFrame("spk_7f3a9c", "Alice Example", samples);
        _legacy = AudioFrameWriter.CreateLegacyPcmChunk("Alice Example", _frame.AsSpan(_frame.Length - 1920));
        _pcmDestination = new byte[4096];
    }

    [Benchmark(Baseline = true, Description = "Naive: strings + PCM copy per frame")]
    public int NaiveParse()
    {
        var span = _frame.AsSpan();
        int idLength = span[1] | (span[2] << 8);
        string id = Encoding.UTF8.GetString(span.Slice(3, idLength));
        int nameLength = span[3 + idLength] | (span[4 + idLength] << 8);
        string name = Encoding.UTF8.GetString(span.Slice(5 + idLength, nameLength));
        byte[] pcm = span[(5 + idLength + nameLength)..].ToArray();
        return id.Length + name.Length + pcm.Length;
    }

    [Benchmark(Description = "BinaryAudioFrame.TryParse")]
    public int TryParse()
    {
        BinaryAudioFrame.TryParse(_frame, out var frame, out _);
        return frame.SampleCount;
    }

    [Benchmark(Description = "TryParse + cached speaker strings")]
    public int TryParseWithSpeakerStrings()
    {
        BinaryAudioFrame.TryParse(_frame, out var frame, out _);
        return _ids.GetString(frame.SpeakerIdUtf8).Length + _names.GetString(frame.SpeakerNameUtf8).Length + frame.SampleCount;
    }

    [Benchmark(Description = "Legacy PCMChunk: parse + base64 decode")]
    public int LegacyParseAndDecode()
    {
        LegacyPcmChunk.TryParse(_legacy, out var chunk, out _);
        chunk.TryDecodePcm(_pcmDestination, out int written);
        return written;
    }
}
