using MeetStream.Client.Analytics;
using MeetStream.Client.Realtime;

namespace MeetStream.Client.Tests.Analytics;

/// <summary>Live audio: the detector decides what is talk inside each speaker's frames; thread safety; no overlap from mixed audio.</summary>
public sealed class LiveTalkTimeTrackerTests
{
    private const int FrameSamples = 960; // 20 ms at 48 kHz

    private static byte[] Tone(int samples)
    {
        var pcm = new byte[samples * 2];
        for (int i = 0; i < samples; i++)
        {
            short s = (short)Math.Round(8000 * Math.Sin(2 * Math.PI * 1000 * i / 48_000.0));
            pcm[2 * i] = (byte)s;
            pcm[(2 * i) + 1] = (byte)(s >> 8);
        }

        return pcm;
    }

    private static void Feed(LiveTalkTimeTracker tracker, string speaker, byte[] pcm, int frames)
    {
        for (int f = 0; f < frames; f++)
        {
            tracker.Process(new AudioFrame(pcm, "id", speaker, AudioFrameFormat.Binary, f, DateTimeOffset.UnixEpoch));
        }
    }

    [Fact]
    public void SilenceInsideASpeakersFrames_IsNotTalk_AndUnattributedVoiceIsNobodys()
    {
        var tracker = new LiveTalkTimeTracker();
        var tone = Tone(FrameSamples);
        var silence = new byte[FrameSamples * 2];

        Feed(tracker, "Ann", tone, 50);           // 0.0–1.0 s Ann speaks
        Feed(tracker, "Ann", silence, 100);       // 1.0–3.0 s Ann's frames, silent
        Feed(tracker, "NoSpeaker", tone, 25);     // 3.0–3.5 s unattributed voice
        Feed(tracker, "NoSpeaker", silence, 50);  // 3.5–4.5 s
        Feed(tracker, "Ben", tone, 75);           // 4.5–6.0 s Ben
        Feed(tracker, "Ben", silence, 50);        // 6.0–7.0 s: closes Ben's utterance (hangover 0.5 s)

        var report = tracker.GetReport();

        Assert.Equal(TimeSpan.FromSeconds(7), tracker.Position);
        Assert.Equal(["Ben", "Ann"], report.Participants.Select(p => p.Name));
        Assert.Equal(TimeSpan.FromSeconds(1.5), report.Participants[0].TalkTime);
        Assert.Equal(TimeSpan.FromSeconds(1), report.Participants[1].TalkTime);
        Assert.Equal(TimeSpan.FromSeconds(0.5), report.UnattributedSpeech);
        // Meeting 0–6 s; voiced 1 + 0.5 + 1.5 = 3 s; silence 3 s.
        Assert.Equal(TimeSpan.FromSeconds(6), report.MeetingDuration);
        Assert.Equal(TimeSpan.FromSeconds(3), report.Silence);
        Assert.Equal(0, report.Interruptions);
        Assert.All(report.Participants, p => Assert.Null(p.Words));
    }

    [Fact]
    public void SpeakerChangeWithoutSilence_SplitsTheUtteranceByFrameName()
    {
        var tracker = new LiveTalkTimeTracker(new TalkTimeOptions { BotName = "Bot" });
        var tone = Tone(FrameSamples * 3); // 60 ms frames, not aligned with anything in particular

        Feed(tracker, "Ann", tone, 10);   // 0.0–0.6 s
        Feed(tracker, "bot", tone, 5);    // 0.6–0.9 s, the bot (case-insensitive)
        Feed(tracker, "Ann", tone, 10);   // 0.9–1.5 s: Ann again after the bot spoke → a second turn

        // Still speaking: the open utterance counts up to the last frame.
        var report = tracker.GetReport();

        var ann = Assert.Single(report.Participants);
        Assert.Equal(TimeSpan.FromSeconds(1.2), ann.TalkTime);
        Assert.Equal(2, ann.Turns);
        Assert.Equal(TimeSpan.FromSeconds(0.6), ann.LongestMonologue);
        Assert.NotNull(report.Bot);
        Assert.Equal(TimeSpan.FromSeconds(0.3), report.Bot.TalkTime);
        Assert.Equal(0, report.Interruptions);
    }

    [Fact]
    public async Task ConcurrentProcessAndGetReport_LoseNothing()
    {
        var tracker = new LiveTalkTimeTracker();
        var tone = Tone(FrameSamples);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2)); // hang guard only

        var reader = Task.Run(() =>
        {
            int reports = 0;
            while (!cts.IsCancellationRequested && tracker.Position < TimeSpan.FromSeconds(40))
            {
                _ = tracker.GetReport().ToText();
                reports++;
            }

            return reports;
        });
        var writers = Enumerable.Range(0, 4).Select(_ => Task.Run(() => Feed(tracker, "Ann", tone, 500))).ToArray();
        await Task.WhenAll(writers);
        await reader;

        // 4 × 500 frames × 20 ms = 40 s, all voiced and all Ann's.
        Assert.Equal(TimeSpan.FromSeconds(40), tracker.Position);
        Assert.Equal(TimeSpan.FromSeconds(40), tracker.GetReport().Participants.Single().TalkTime);
    }
}
