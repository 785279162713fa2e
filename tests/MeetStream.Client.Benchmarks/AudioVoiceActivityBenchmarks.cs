using BenchmarkDotNet.Attributes;
using MeetStream.Client.Realtime.Dsp;

namespace MeetStream.Client.Benchmarks;

/// <summary>Voice-activity detection and own-voice filtering per 20 ms frame of 48 kHz live audio.</summary>
[MemoryDiagnoser]
public class AudioVoiceActivityBenchmarks
{
    private short[] _frame = [];
    private byte[] _speakerName = [];
    private VoiceActivityDetector _fixed = null!;
    private VoiceActivityDetector _adaptive = null!;
    private BotSpeakerFilter _filter = null!;

    [GlobalSetup]
    public void Setup()
    {
        _frame = new short[960];
        var random = new Random(42);
        for (int i = 0; i < _frame.Length; i++)
        {
            _frame[i] = (short)((3000 * Math.Sin(2 * Math.PI * 220 * i / 48000.0)) + random.Next(-300, 300));
        }

        _fixed = new VoiceActivityDetector();
        _adaptive = new VoiceActivityDetector(new VoiceActivityDetectorOptions { AdaptiveNoiseFloor = true });
        _filter = new BotSpeakerFilter("MeetStream Notetaker", "Notetaker (bot)");
        _speakerName = "  Jane Doe "u8.ToArray();
    }

    [Benchmark(Baseline = true, Description = "VAD, fixed threshold, 20 ms frame")]
    public bool Fixed() => _fixed.Process(_frame).IsSpeech;

    [Benchmark(Description = "VAD, adaptive noise floor, 20 ms frame")]
    public bool Adaptive() => _adaptive.Process(_frame).IsSpeech;

    [Benchmark(Description = "BotSpeakerFilter.IsBot(UTF-8 name)")]
    public bool SpeakerFilter() => _filter.IsBot(_speakerName);
}
