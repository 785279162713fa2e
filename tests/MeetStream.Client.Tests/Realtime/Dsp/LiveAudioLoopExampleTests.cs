using MeetStream.Client.Realtime.Dsp;

namespace MeetStream.Client.Tests.Realtime.Dsp;

/// <summary>
/// The live loop of docs/realtime-audio.md, compiled and run on a generated meeting: a human speaks twice, the bot's
/// own (loud) output comes back in between under its display name.
/// </summary>
public sealed class LiveAudioLoopExampleTests
{
    [Fact]
    public void OnFrame_GeneratedMeeting_StreamsSixteenKilohertzAndReportsOnlyTheHumanTurns()
    {
        const int rate = 48_000;
        int Ms(int ms) => ms * rate / 1000;
        short[] human = TestSignals.BurstsInNoise(rate, 4 * rate, -60, -20, 300, seed: 21, (Ms(500), Ms(1200)), (Ms(2000), Ms(2500)));
        short[] bot = TestSignals.BurstsInNoise(rate, 4 * rate, -90, -12, 700, seed: 22, (Ms(1400), Ms(1800)));
        using var stt = new MemoryStream();
        var started = new List<TimeSpan>();
        var ended = new List<TimeSpan>();
        var loop = new LiveAudioLoop("MeetStream Notetaker", stt, started.Add, ended.Add);

        // 20 ms binary frames as MeetStream sends them: PCM16 LE at 48 kHz plus the dominant speaker's name.
        for (int start = 0; start < human.Length; start += 960)
        {
            bool botTalking = start >= Ms(1400) && start < Ms(1800);
            short[] source = botTalking ? bot : human;
            byte[] pcm = Pcm16.AsBytes(source.AsSpan(start, 960)).ToArray();
            loop.OnFrame(botTalking ? " meetstream notetaker" : "Jane Doe", pcm);
        }

        Assert.Equal(4 * 16_000 * 2, stt.Length);
        Assert.Collection(started, t => AssertNear(500, t), t => AssertNear(2000, t));
        Assert.Collection(ended, t => AssertNear(1200, t), t => AssertNear(2500, t));
    }

    private static void AssertNear(int milliseconds, TimeSpan actual) =>
        Assert.InRange(actual.TotalMilliseconds, milliseconds - 20, milliseconds + 20);

    // ---- docs/realtime-audio.md: "A live loop" (keep in sync) ----

    /// <summary>Turns MeetStream's live audio frames into 16 kHz speech-to-text input plus turn events.</summary>
    private sealed class LiveAudioLoop(string botName, Stream speechToText, Action<TimeSpan> onSpeechStarted, Action<TimeSpan> onUtteranceEnded)
    {
        private readonly BotSpeakerFilter _self = new(botName);
        private readonly PcmResampler _to16k = new(48_000, 16_000);
        private readonly VoiceActivityDetector _vad = new(new VoiceActivityDetectorOptions { SampleRate = 16_000 });
        private short[] _resampled = new short[320];
        private short[] _silence = new short[960];

        /// <summary>Handles one binary audio frame: the speaker name and the PCM16 LE 48 kHz payload.</summary>
        public void OnFrame(string speakerName, ReadOnlySpan<byte> pcm48k)
        {
            ReadOnlySpan<short> samples = Pcm16.AsSamples(pcm48k); // a view of the payload, no copy
            if (_self.IsBot(speakerName))
            {
                // Our own voice coming back: replace it by silence, so the bot never hears (or interrupts)
                // itself and the timeline keeps running.
                if (_silence.Length < samples.Length)
                {
                    _silence = new short[samples.Length];
                }

                samples = _silence.AsSpan(0, samples.Length);
            }

            int length = _to16k.GetOutputLength(samples.Length); // exactly a third, carried across frames
            if (_resampled.Length < length)
            {
                _resampled = new short[length]; // frames vary in size; grows rarely, then stays
            }

            Span<short> pcm16k = _resampled.AsSpan(0, length);
            _to16k.Process(samples, pcm16k);
            speechToText.Write(Pcm16.AsBytes(pcm16k));

            VoiceActivityResult vad = _vad.Process(pcm16k);
            if (vad.SpeechStarted)
            {
                onSpeechStarted(vad.SpeechStartTime); // barge-in: interrupt the bot's playback now
            }

            if (vad.SpeechEnded)
            {
                onUtteranceEnded(vad.SpeechEndTime); // end of turn: finalize the transcript, answer
            }
        }
    }

    // ---- end docs ----
}
