using MeetStream.Client.Analytics;
using MeetStream.Client.Realtime;

namespace MeetStream.Client.Tests.Analytics;

/// <summary>
/// One hand-built meeting fed through all three sources (transcript, speaker timeline bytes, synthetic live PCM
/// frames) gives the same talk times, turns and longest monologues, within one 20 ms frame.
/// </summary>
public sealed class TalkTimeSourcesConsistencyTests
{
    // The meeting, in seconds (all multiples of the 20 ms frame; no overlap, since mixed audio cannot show one):
    //   Alice  0.0 –  4.0   then a 0.6 s pause (< TurnGap 1.5 s, nobody else: same turn; > VAD hangover 0.5 s: not talk)
    //   Alice  4.6 –  7.0
    //   Bob    8.0 – 10.0
    //   Alice 11.0 – 12.0
    //   Notetaker (the bot) 13.0 – 14.0
    //   Bob   15.0 – 18.0   then a 2.0 s pause (>= TurnGap: a new turn)
    //   Bob   20.0 – 21.0
    //   Carol 22.0 – 23.0
    private static readonly (string Speaker, double Start, double End)[] Meeting =
    [
        ("Alice", 0.0, 4.0), ("Alice", 4.6, 7.0), ("Bob", 8.0, 10.0), ("Alice", 11.0, 12.0),
        ("Notetaker", 13.0, 14.0), ("Bob", 15.0, 18.0), ("Bob", 20.0, 21.0), ("Carol", 22.0, 23.0),
    ];

    private static readonly TalkTimeOptions Options = new() { BotName = "notetaker" }; // case-insensitive

    private static readonly TimeSpan Frame = TimeSpan.FromMilliseconds(20);

    [Fact]
    public void SameMeeting_ThroughTranscriptTimelineAndLiveAudio_GivesTheSameNumbers()
    {
        var reports = new[] { FromTranscript(), FromTimeline(), FromLiveAudio() };
        Assert.Equal([TalkTimeSource.Transcript, TalkTimeSource.SpeakerTimeline, TalkTimeSource.LiveAudio], reports.Select(r => r.Source));
        foreach (var report in reports)
        {
            // Humans, most talk first:
            //   Alice 4.0 + 2.4 + 1.0 = 7.4 s; turns [0–7] (0.6 s pause kept) and [11–12] = 2; longest 7.0 s
            //   Bob   2.0 + 3.0 + 1.0 = 6.0 s; turns [8–10], [15–18], [20–21] = 3 (the 2.0 s pause splits); longest 3.0 s
            //   Carol 1.0 s; 1 turn; longest 1.0 s
            Assert.Equal(["Alice", "Bob", "Carol"], report.Participants.Select(p => p.Name));
            AssertParticipant(report.Participants[0], 7.4, turns: 2, longest: 7.0, share: 7.4 / 14.4);
            AssertParticipant(report.Participants[1], 6.0, turns: 3, longest: 3.0, share: 6.0 / 14.4);
            AssertParticipant(report.Participants[2], 1.0, turns: 1, longest: 1.0, share: 1.0 / 14.4);

            // The bot: 1.0 s, its share of all talk 1.0 / (14.4 + 1.0); not among the humans.
            Assert.NotNull(report.Bot);
            Assert.True(report.Bot.IsBot);
            Assert.Equal("Notetaker", report.Bot.Name);
            AssertParticipant(report.Bot, 1.0, turns: 1, longest: 1.0, share: 1.0 / 15.4);

            // Meeting 0 – 23 s = 23 s; human talk 14.4 s; voiced 14.4 + 1.0 (bot) = 15.4 s; silence 23 − 15.4 = 7.6 s.
            AssertClose(23.0, report.MeetingDuration);
            AssertClose(14.4, report.TalkTime);
            AssertClose(7.6, report.Silence);
            Assert.Equal(7.6 / 23.0, report.SilenceShare, 0.002);
            Assert.Equal(0, report.Interruptions);
            Assert.Same(report.Participants[0], report.LongestMonologueBy);
        }

        // Words only from the transcript: Alice said 12 words in 7.4 s of timed talk = 12 / (7.4 / 60) ≈ 97.3 wpm, 1 question.
        var alice = reports[0].Participants[0];
        Assert.Equal(12, alice.Words);
        Assert.Equal(12 / (7.4 / 60), alice.WordsPerMinute!.Value, 3);
        Assert.Equal(1, alice.Questions);
        Assert.All(reports.Skip(1).SelectMany(r => r.Participants), p =>
        {
            Assert.Null(p.Words);
            Assert.Null(p.WordsPerMinute);
            Assert.Null(p.Questions);
        });
    }

    private static void AssertParticipant(ParticipantTalkTime p, double talk, int turns, double longest, double share)
    {
        AssertClose(talk, p.TalkTime);
        Assert.Equal(turns, p.Turns);
        AssertClose(longest, p.LongestMonologue);
        Assert.Equal(share, p.Share, 0.005);
        Assert.Equal(0, p.Interruptions);
        Assert.Equal(0, p.TimesInterrupted);
    }

    private static void AssertClose(double expectedSeconds, TimeSpan actual) =>
        Assert.InRange(actual, TimeSpan.FromSeconds(expectedSeconds) - Frame, TimeSpan.FromSeconds(expectedSeconds) + Frame);

    private static TalkTimeReport FromTranscript()
    {
        var segments = Meeting.Select((m, i) => new TranscriptSegment
        {
            Speaker = m.Speaker,
            StartTime = m.Start,
            EndTime = m.End,
            Text = i switch
            {
                0 => "Thanks for joining, let's start.", // Alice: 5 words
                1 => "Can everyone hear me?", // Alice: 4 words, 1 question
                3 => "Yes, sounds good.", // Alice: 3 words → 5 + 4 + 3 = 12
                _ => "Some words here.",
            },
        }).ToList();
        return TalkTimeAnalyzer.FromTranscript(new Transcript(segments), Options);
    }

    private static TalkTimeReport FromTimeline()
    {
        // 16-bit mono at 48 kHz: 2 bytes × 48,000 = 96,000 bytes per second (sampleRate absent: 48 kHz by default).
        var chunks = Meeting.Select((m, i) => new SpeakerTimelineChunk
        {
            ChunkIndex = i,
            SpeakerName = m.Speaker,
            SampleRate = i % 2 == 0 ? 48_000 : null,
            StartByte = (long)Math.Round(m.Start * 96_000),
            EndByte = (long)Math.Round(m.End * 96_000),
        }).ToList();
        return TalkTimeAnalyzer.FromSpeakerTimeline(new SpeakerTimeline { Chunks = chunks }, Options);
    }

    private static TalkTimeReport FromLiveAudio()
    {
        // 20 ms frames (960 samples): a 1 kHz tone burst where someone speaks, zeros elsewhere. Silent frames are named
        // after the last speaker (silence inside a speaker's frames must not count), except the gap before Carol,
        // which is NoSpeaker. One second of silence at the end lets the detector close the last utterance.
        var tracker = new LiveTalkTimeTracker(Options);
        var frames = (int)Math.Round(24.0 / 0.02);
        var pcm = new byte[960 * 2];
        var lastSpeaker = AudioFrame.NoSpeakerName;
        for (int f = 0; f < frames; f++)
        {
            double t = f * 0.02 + 0.01; // the frame's middle
            var speech = Meeting.FirstOrDefault(m => m.Start <= t && t < m.End);
            string name;
            if (speech.Speaker is not null)
            {
                name = lastSpeaker = speech.Speaker;
                for (int i = 0; i < 960; i++)
                {
                    short sample = (short)Math.Round(8000 * Math.Sin(2 * Math.PI * 1000 * i / 48_000.0));
                    pcm[2 * i] = (byte)sample;
                    pcm[(2 * i) + 1] = (byte)(sample >> 8);
                }
            }
            else
            {
                name = t is > 21.0 and < 22.0 ? AudioFrame.NoSpeakerName : lastSpeaker;
                Array.Clear(pcm);
            }

            var frame = new AudioFrame(pcm, "id-" + name, name, AudioFrameFormat.Binary, f, DateTimeOffset.UnixEpoch);
            tracker.Process(frame);
        }

        Assert.Equal(TimeSpan.FromSeconds(24), tracker.Position);
        return tracker.GetReport();
    }
}
