using MeetStream.Client.Realtime.Dsp;

namespace MeetStream.Client.Tests.Realtime.Dsp;

public sealed class VoiceActivityDetectorTests
{
    private const int Rate = 48000;
    private static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(20);

    [Fact]
    public void Process_ToneBurstsInNoise_ReportsStartsAndEndsWithin20Milliseconds()
    {
        short[] pcm = TestSignals.BurstsInNoise(Rate, 3 * Rate, -60, -20, 1000, seed: 7, (Ms(500), Ms(1200)), (Ms(2000), Ms(2400)));
        var detector = new VoiceActivityDetector();

        List<Event> events = Feed(detector, pcm, Frames(pcm.Length, 960));

        Assert.Collection(
            events,
            e => AssertEvent(e, Kind.Started, 500),
            e => AssertEvent(e, Kind.Ended, 1200),
            e => AssertEvent(e, Kind.Started, 2000),
            e => AssertEvent(e, Kind.Ended, 2400));
        Assert.False(detector.IsSpeech);
    }

    [Fact]
    public void Process_ToneBurstEdges_AreRefinedToOneMillisecond()
    {
        // Edges in the middle of 20 ms frames: 512.3 ms and 1217.7 ms.
        int start = 24_590, end = 58_450;
        short[] pcm = TestSignals.BurstsInNoise(Rate, 2 * Rate, -60, -20, 440, seed: 3, (start, end));

        List<Event> events = Feed(new VoiceActivityDetector(), pcm, Frames(pcm.Length, 960));

        Assert.Equal(2, events.Count);
        Assert.InRange(events[0].Sample, start - 48, start);
        Assert.InRange(events[1].Sample, end, end + 48);
    }

    [Fact]
    public void Process_RandomChunkSizes_ReportsTheSameEventsAsFrames()
    {
        short[] pcm = TestSignals.BurstsInNoise(Rate, 3 * Rate, -60, -20, 1000, seed: 8, (Ms(300), Ms(900)), (Ms(1700), Ms(2500)));
        List<Event> expected = Feed(new VoiceActivityDetector(), pcm, Frames(pcm.Length, 960));

        List<Event> actual = Feed(new VoiceActivityDetector(), pcm, TestSignals.RandomChunks(pcm.Length, 3000, seed: 5));

        Assert.Equal(expected.Select(e => (e.Kind, e.Sample)), actual.Select(e => (e.Kind, e.Sample)));
        Assert.Equal(4, expected.Count);
    }

    [Fact]
    public void Process_NoiseOnly_ReportsNothing()
    {
        short[] pcm = TestSignals.BurstsInNoise(Rate, 2 * Rate, -55, -20, 1000, seed: 9);
        var detector = new VoiceActivityDetector();

        List<Event> events = Feed(detector, pcm, Frames(pcm.Length, 960));

        Assert.Empty(events);
        Assert.InRange(detector.LevelDbfs, -56, -54);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(30)]
    [InlineData(80)]
    public void Process_BurstShorterThanMinimumSpeech_IsIgnored(int milliseconds)
    {
        short[] pcm = TestSignals.BurstsInNoise(Rate, Rate, -60, -10, 2000, seed: 10, (Ms(400), Ms(400 + milliseconds)));

        List<Event> events = Feed(new VoiceActivityDetector(), pcm, Frames(pcm.Length, 960));

        Assert.Empty(events);
    }

    [Fact]
    public void Process_BurstLongerThanMinimumSpeech_IsReported()
    {
        short[] pcm = TestSignals.BurstsInNoise(Rate, Rate, -60, -10, 2000, seed: 10, (Ms(300), Ms(420)));
        var detector = new VoiceActivityDetector(new VoiceActivityDetectorOptions { Hangover = TimeSpan.FromMilliseconds(200) });

        List<Event> events = Feed(detector, pcm, Frames(pcm.Length, 960));

        Assert.Collection(events, e => AssertEvent(e, Kind.Started, 300), e => AssertEvent(e, Kind.Ended, 420));
    }

    [Fact]
    public void Process_GapShorterThanHangover_IsBridged()
    {
        short[] pcm = TestSignals.BurstsInNoise(Rate, 3 * Rate, -60, -20, 500, seed: 11, (Ms(500), Ms(1000)), (Ms(1300), Ms(1700)));
        var detector = new VoiceActivityDetector(new VoiceActivityDetectorOptions { Hangover = TimeSpan.FromMilliseconds(400) });

        List<Event> events = Feed(detector, pcm, Frames(pcm.Length, 960));

        Assert.Collection(events, e => AssertEvent(e, Kind.Started, 500), e => AssertEvent(e, Kind.Ended, 1700));
    }

    [Fact]
    public void Process_GapLongerThanHangover_SplitsTheUtterance()
    {
        short[] pcm = TestSignals.BurstsInNoise(Rate, 3 * Rate, -60, -20, 500, seed: 11, (Ms(500), Ms(1000)), (Ms(1300), Ms(1700)));
        var detector = new VoiceActivityDetector(new VoiceActivityDetectorOptions { Hangover = TimeSpan.FromMilliseconds(200) });

        List<Event> events = Feed(detector, pcm, Frames(pcm.Length, 960));

        Assert.Equal([Kind.Started, Kind.Ended, Kind.Started, Kind.Ended], events.Select(e => e.Kind));
        AssertEvent(events[1], Kind.Ended, 1000);
        AssertEvent(events[2], Kind.Started, 1300);
    }

    [Fact]
    public void Process_Start_IsConfirmedAfterMinimumSpeechAndEndAfterHangover()
    {
        short[] pcm = TestSignals.BurstsInNoise(Rate, 2 * Rate, -60, -20, 1000, seed: 12, (Ms(400), Ms(1000)));
        var options = new VoiceActivityDetectorOptions { MinimumSpeechDuration = TimeSpan.FromMilliseconds(150), Hangover = TimeSpan.FromMilliseconds(300) };

        List<Event> events = Feed(new VoiceActivityDetector(options), pcm, Frames(pcm.Length, 960));

        Assert.InRange(events[0].ReportedAt - events[0].Time, TimeSpan.FromMilliseconds(150), TimeSpan.FromMilliseconds(150) + Tolerance);
        Assert.InRange(events[1].ReportedAt - events[1].Time, TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(300) + Tolerance);
    }

    [Fact]
    public void Process_SixteenKilohertzTenMillisecondFrames_DetectsBursts()
    {
        const int rate = 16000;
        short[] pcm = TestSignals.BurstsInNoise(rate, 2 * rate, -60, -25, 300, seed: 13, (8000, 20000));
        var detector = new VoiceActivityDetector(new VoiceActivityDetectorOptions { SampleRate = rate, FrameDuration = TimeSpan.FromMilliseconds(10) });

        List<Event> events = Feed(detector, pcm, Frames(pcm.Length, 160));

        Assert.Equal(160, detector.FrameSize);
        Assert.Collection(events, e => AssertEvent(e, Kind.Started, 500), e => AssertEvent(e, Kind.Ended, 1250));
    }

    [Fact]
    public void Process_FloatSamples_ReportTheSameEventsAsPcm16()
    {
        short[] pcm = TestSignals.BurstsInNoise(Rate, 2 * Rate, -60, -20, 1000, seed: 14, (Ms(500), Ms(1100)));
        float[] floats = pcm.Select(s => s / 32768f).ToArray();
        List<Event> expected = Feed(new VoiceActivityDetector(), pcm, Frames(pcm.Length, 960));
        var detector = new VoiceActivityDetector();
        var actual = new List<Event>();

        for (int i = 0; i < floats.Length; i += 960)
        {
            Collect(detector.Process(floats.AsSpan(i, 960)), actual);
        }

        Assert.Equal(expected.Select(e => (e.Kind, e.Sample)), actual.Select(e => (e.Kind, e.Sample)));
    }

    [Fact]
    public void Process_ToneBelowThreshold_IsNotSpeechUntilTheThresholdIsLowered()
    {
        short[] pcm = TestSignals.BurstsInNoise(Rate, Rate, -80, -50, 1000, seed: 15, (Ms(200), Ms(700)));

        List<Event> strict = Feed(new VoiceActivityDetector(), pcm, Frames(pcm.Length, 960));
        List<Event> lenient = Feed(new VoiceActivityDetector(new VoiceActivityDetectorOptions { ThresholdDbfs = -55, Hangover = TimeSpan.FromMilliseconds(200) }), pcm, Frames(pcm.Length, 960));

        Assert.Empty(strict);
        Assert.Collection(lenient, e => AssertEvent(e, Kind.Started, 200), e => AssertEvent(e, Kind.Ended, 700));
    }

    [Fact]
    public void Process_FullScaleSine_MeasuresMinus3Dbfs()
    {
        short[] pcm = TestSignals.ToPcm(TestSignals.Sine(1000, Rate, 960, amplitude: 32767.0 / 32768.0));
        var detector = new VoiceActivityDetector();

        VoiceActivityResult result = detector.Process(pcm);

        Assert.Equal(-3.01, result.LevelDbfs, 0.01);
        Assert.Equal(result.LevelDbfs, detector.LevelDbfs);
    }

    [Fact]
    public void Process_DigitalSilence_MeasuresNegativeInfinityAndReportsNothing()
    {
        var detector = new VoiceActivityDetector();

        VoiceActivityResult result = detector.Process(new short[Rate]);

        Assert.Equal(double.NegativeInfinity, result.LevelDbfs);
        Assert.False(result.SpeechStarted || result.SpeechEnded || result.IsSpeech);
        Assert.Equal(TimeSpan.FromSeconds(1), result.Position);
    }

    [Fact]
    public void Process_LoudSteadyNoiseWithAdaptiveFloor_DetectsTheBurstsAFixedThresholdMisses()
    {
        short[] pcm = TestSignals.BurstsInNoise(Rate, 3 * Rate, -35, -10, 1000, seed: 16, (Ms(800), Ms(1400)), (Ms(2200), Ms(2500)));
        var fixedDetector = new VoiceActivityDetector();
        var adaptive = new VoiceActivityDetector(new VoiceActivityDetectorOptions { AdaptiveNoiseFloor = true, Hangover = TimeSpan.FromMilliseconds(300) });

        List<Event> fixedEvents = Feed(fixedDetector, pcm, Frames(pcm.Length, 960));
        List<Event> adaptiveEvents = Feed(adaptive, pcm, Frames(pcm.Length, 960));

        Assert.Single(fixedEvents);
        Assert.True(fixedDetector.IsSpeech, "Noise above the fixed threshold looks like one endless utterance.");
        Assert.Collection(
            adaptiveEvents,
            e => AssertEvent(e, Kind.Started, 800),
            e => AssertEvent(e, Kind.Ended, 1400),
            e => AssertEvent(e, Kind.Started, 2200),
            e => AssertEvent(e, Kind.Ended, 2500));
        Assert.InRange(adaptive.NoiseFloorDbfs, -37, -33);
        Assert.InRange(adaptive.CurrentThresholdDbfs, -25, -21);
    }

    [Fact]
    public void Process_WholeRecordingInOneCall_ReportsTheLastStartAndEnd()
    {
        short[] pcm = TestSignals.BurstsInNoise(Rate, 3 * Rate, -60, -20, 1000, seed: 17, (Ms(500), Ms(1000)), (Ms(1800), Ms(2300)));

        VoiceActivityResult result = new VoiceActivityDetector().Process(pcm);

        Assert.True(result.SpeechStarted && result.SpeechEnded);
        Assert.False(result.IsSpeech);
        Assert.InRange(result.SpeechStartTime, TimeSpan.FromMilliseconds(1800) - Tolerance, TimeSpan.FromMilliseconds(1800) + Tolerance);
        Assert.InRange(result.SpeechEndTime, TimeSpan.FromMilliseconds(2300) - Tolerance, TimeSpan.FromMilliseconds(2300) + Tolerance);
        Assert.Equal(3L * Rate, result.SamplePosition);
    }

    [Fact]
    public void Reset_MidUtterance_RestartsPositionsAndState()
    {
        short[] pcm = TestSignals.BurstsInNoise(Rate, Rate, -60, -20, 1000, seed: 18, (Ms(100), Ms(900)));
        var detector = new VoiceActivityDetector();
        detector.Process(pcm.AsSpan(0, Ms(600)));
        Assert.True(detector.IsSpeech);

        detector.Reset();

        Assert.False(detector.IsSpeech);
        Assert.Equal(0, detector.SamplePosition);
        Assert.Equal(double.NegativeInfinity, detector.LevelDbfs);
        List<Event> events = Feed(detector, pcm, Frames(pcm.Length, 960));
        AssertEvent(events[0], Kind.Started, 100);
    }

    [Fact]
    public void DefaultResult_ReportsNoEvents()
    {
        VoiceActivityResult result = default;

        Assert.False(result.SpeechStarted);
        Assert.False(result.SpeechEnded);
        Assert.Equal(-1, result.SpeechStartSample);
        Assert.Equal(TimeSpan.Zero, result.Position);
    }

    [Fact]
    public void Constructor_NullOptions_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => new VoiceActivityDetector(null!));
    }

    public static TheoryData<VoiceActivityDetectorOptions, string> InvalidOptions => new()
    {
        { new VoiceActivityDetectorOptions { SampleRate = 0 }, "SampleRate" },
        { new VoiceActivityDetectorOptions { SampleRate = 800_000 }, "SampleRate" },
        { new VoiceActivityDetectorOptions { FrameDuration = TimeSpan.Zero }, "FrameDuration" },
        { new VoiceActivityDetectorOptions { FrameDuration = TimeSpan.FromSeconds(2) }, "FrameDuration" },
        { new VoiceActivityDetectorOptions { ThresholdDbfs = 1 }, "ThresholdDbfs" },
        { new VoiceActivityDetectorOptions { ThresholdDbfs = -121 }, "ThresholdDbfs" },
        { new VoiceActivityDetectorOptions { ThresholdDbfs = double.NaN }, "ThresholdDbfs" },
        { new VoiceActivityDetectorOptions { MinimumSpeechDuration = TimeSpan.FromMilliseconds(-1) }, "MinimumSpeechDuration" },
        { new VoiceActivityDetectorOptions { Hangover = TimeSpan.FromSeconds(11) }, "Hangover" },
        { new VoiceActivityDetectorOptions { NoiseFloorMarginDb = -1 }, "NoiseFloorMarginDb" },
        { new VoiceActivityDetectorOptions { NoiseFloorRiseDbPerSecond = 0 }, "NoiseFloorRiseDbPerSecond" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Constructor_OptionOutOfRange_ThrowsArgumentOutOfRangeNamingTheOption(VoiceActivityDetectorOptions options, string name)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new VoiceActivityDetector(options));

        Assert.Equal(name, exception.ParamName);
        Assert.Contains(name + " must be between", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_SteadyState_AllocatesNothing()
    {
        short[] pcm = TestSignals.BurstsInNoise(Rate, Rate, -60, -20, 1000, seed: 19, (Ms(100), Ms(500)));
        var detector = new VoiceActivityDetector(new VoiceActivityDetectorOptions { AdaptiveNoiseFloor = true });
        detector.Process(pcm.AsSpan(0, 960));

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 960; i < pcm.Length; i += 960)
        {
            detector.Process(pcm.AsSpan(i, 960));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private enum Kind
    {
        Started,
        Ended,
    }

    private sealed record Event(Kind Kind, long Sample, TimeSpan Time, TimeSpan ReportedAt);

    private static int Ms(int milliseconds) => milliseconds * Rate / 1000;

    private static List<int> Frames(int length, int frame) => Enumerable.Repeat(frame, length / frame).Append(length % frame).ToList();

    private static List<Event> Feed(VoiceActivityDetector detector, short[] pcm, List<int> chunks)
    {
        var events = new List<Event>();
        int position = 0;
        foreach (int chunk in chunks)
        {
            Collect(detector.Process(pcm.AsSpan(position, chunk)), events);
            position += chunk;
        }

        return events;
    }

    private static void Collect(VoiceActivityResult result, List<Event> events)
    {
        var found = new List<Event>();
        if (result.SpeechStarted)
        {
            found.Add(new Event(Kind.Started, result.SpeechStartSample, result.SpeechStartTime, result.Position));
        }

        if (result.SpeechEnded)
        {
            found.Add(new Event(Kind.Ended, result.SpeechEndSample, result.SpeechEndTime, result.Position));
        }

        events.AddRange(found.OrderBy(e => e.Sample));
    }

    private static void AssertEvent(Event e, Kind kind, int milliseconds)
    {
        Assert.Equal(kind, e.Kind);
        var expected = TimeSpan.FromMilliseconds(milliseconds);
        Assert.True((e.Time - expected).Duration() <= Tolerance, $"{kind} at {e.Time.TotalMilliseconds} ms; expected {milliseconds} ms ± 20 ms.");
    }
}
