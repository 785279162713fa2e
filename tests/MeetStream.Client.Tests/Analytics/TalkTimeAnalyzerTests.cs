using MeetStream.Client.Analytics;

namespace MeetStream.Client.Tests.Analytics;

/// <summary>Interruptions, turns, words, questions, untimed segments and bad input of <see cref="TalkTimeAnalyzer"/>.</summary>
public sealed class TalkTimeAnalyzerTests
{
    private static TranscriptSegment Seg(string? speaker, double? start, double? end, string? text = null) =>
        new() { Speaker = speaker, StartTime = start, EndTime = end, Text = text };

    [Fact]
    public void Overlap_AtLeastMinimumOverlap_IsAnInterruption_ShorterIsNot()
    {
        var transcript = new Transcript(
        [
            Seg("Ann", 0, 10),     // Ann speaks 0–10
            Seg("Ben", 8, 12),     // Ben starts at 8 while Ann speaks: overlap 10 − 8 = 2.0 s ≥ 0.3 s → interruption
            Seg("Ann", 12.5, 14),  // pause 10 → 12.5 = 2.5 s ≥ TurnGap: a new turn
            Seg("Ben", 13.9, 15),  // overlap 14 − 13.9 = 0.1 s < 0.3 s → not an interruption
            Seg("Ann", 20, 21),
        ]);

        var report = TalkTimeAnalyzer.FromTranscript(transcript);

        var ann = report.Participants.Single(p => p.Name == "Ann");
        var ben = report.Participants.Single(p => p.Name == "Ben");
        Assert.Equal(1, ben.Interruptions);
        Assert.Equal(0, ben.TimesInterrupted);
        Assert.Equal(0, ann.Interruptions);
        Assert.Equal(1, ann.TimesInterrupted);
        Assert.Equal(1, report.Interruptions);

        // Ann 10 + 1.5 + 1 = 12.5 s in 3 turns, longest 10 s; Ben 4 + 1.1 = 5.1 s, pause 12 → 13.9 = 1.9 s: 2 turns, longest 4 s.
        Assert.Equal(TimeSpan.FromSeconds(12.5), ann.TalkTime);
        Assert.Equal(3, ann.Turns);
        Assert.Equal(TimeSpan.FromSeconds(10), ann.LongestMonologue);
        Assert.Equal(TimeSpan.FromSeconds(5.1), ben.TalkTime);
        Assert.Equal(2, ben.Turns);
        Assert.Equal(TimeSpan.FromSeconds(4), ben.LongestMonologue);

        // Human union: [0–12] ∪ [12.5–15] ∪ [20–21] = 12 + 2.5 + 1 = 15.5 s; meeting 0–21 = 21 s; silence 5.5 s.
        Assert.Equal(TimeSpan.FromSeconds(15.5), report.TalkTime);
        Assert.Equal(TimeSpan.FromSeconds(21), report.MeetingDuration);
        Assert.Equal(TimeSpan.FromSeconds(5.5), report.Silence);
        Assert.Equal(5.5 / 21, report.SilenceShare, 6);

        // Shares add up to 1 over humans even with overlap: 12.5 / 17.6 and 5.1 / 17.6.
        Assert.Equal(12.5 / 17.6, ann.Share, 9);
        Assert.Equal(5.1 / 17.6, ben.Share, 9);
    }

    [Fact]
    public void MinimumOverlapZero_CountsEveryStartOverSomeone()
    {
        var transcript = new Transcript([Seg("Ann", 0, 10), Seg("Ben", 9.9, 11)]);

        var strict = TalkTimeAnalyzer.FromTranscript(transcript);
        var loose = TalkTimeAnalyzer.FromTranscript(transcript, new TalkTimeOptions { MinimumOverlap = TimeSpan.Zero });

        Assert.Equal(0, strict.Interruptions); // 0.1 s < 0.3 s
        Assert.Equal(1, loose.Interruptions);
    }

    [Fact]
    public void ShortPause_KeepsTheTurn_UnlessSomeoneElseSpeaksInIt()
    {
        // Cat 0–2, pause 1.0 s (< 1.5 s), Cat 3–5: one turn, longest monologue 0–5 = 5 s.
        var alone = TalkTimeAnalyzer.FromTranscript(new Transcript([Seg("Cat", 0, 2), Seg("Cat", 3, 5)]));
        Assert.Equal(1, alone.Participants[0].Turns);
        Assert.Equal(TimeSpan.FromSeconds(5), alone.Participants[0].LongestMonologue);

        // Dan speaks 2.2–2.8 inside the pause: Cat has 2 turns of 2 s each; Dan 1 turn of 0.6 s.
        var broken = TalkTimeAnalyzer.FromTranscript(new Transcript([Seg("Cat", 0, 2), Seg("Dan", 2.2, 2.8), Seg("Cat", 3, 5)]));
        var cat = broken.Participants.Single(p => p.Name == "Cat");
        Assert.Equal(2, cat.Turns);
        Assert.Equal(TimeSpan.FromSeconds(2), cat.LongestMonologue);
        Assert.Same(cat, broken.LongestMonologueBy);

        // A longer TurnGap does not join across someone else either; a shorter one splits the lone pause.
        var tight = TalkTimeAnalyzer.FromTranscript(new Transcript([Seg("Cat", 0, 2), Seg("Cat", 3, 5)]), new TalkTimeOptions { TurnGap = TimeSpan.FromSeconds(0.5) });
        Assert.Equal(2, tight.Participants[0].Turns);
    }

    [Fact]
    public void Words_WordsPerMinute_Questions_AndUntimedSegments()
    {
        var transcript = new Transcript(
        [
            // 11 words, 2 questions ("??" is one), 30 s → 11 / 0.5 min = 22 wpm.
            Seg("Ann", 0, 30, "What is the price? Is it monthly?? We need to know."),
            // No timings at all: 3 words and 1 question count, its time does not (wpm from timed words only).
            Seg("Ann", null, null, "And the discount?"),
            // No segment timings: taken from the words, 40–41 s; 2 words in 1 s = 120 wpm.
            new TranscriptSegment
            {
                Speaker = "Ben",
                Words = [new TranscriptWord { Word = "hello", Start = 40, End = 40.5 }, new TranscriptWord { Word = "there", Start = 40.5, End = 41 }],
            },
        ]);

        var report = TalkTimeAnalyzer.FromTranscript(transcript);

        var ann = report.Participants.Single(p => p.Name == "Ann");
        Assert.Equal(14, ann.Words);
        Assert.Equal(3, ann.Questions);
        Assert.Equal(22, ann.WordsPerMinute!.Value, 9);
        Assert.Equal(TimeSpan.FromSeconds(30), ann.TalkTime);
        var ben = report.Participants.Single(p => p.Name == "Ben");
        Assert.Equal(2, ben.Words);
        Assert.Equal(0, ben.Questions);
        Assert.Equal(120, ben.WordsPerMinute!.Value, 9);
        Assert.Equal(TimeSpan.FromSeconds(1), ben.TalkTime);
        Assert.Equal(1, report.UntimedSegments);
    }

    [Fact]
    public void SpeakerWithOnlyUntimedSegments_IsListedWithZeroTimeAndNoWpm()
    {
        var report = TalkTimeAnalyzer.FromTranscript(new Transcript([Seg("Ann", 0, 10, "hi"), Seg("Eve", null, null, "who is there?")]));

        var eve = report.Participants.Single(p => p.Name == "Eve");
        Assert.Equal(TimeSpan.Zero, eve.TalkTime);
        Assert.Equal(3, eve.Words);
        Assert.Equal(1, eve.Questions);
        Assert.Null(eve.WordsPerMinute);
        Assert.Equal(0, eve.Turns);
        Assert.Equal(1, report.UntimedSegments);
        Assert.Equal(["Ann", "Eve"], report.Participants.Select(p => p.Name));
    }

    [Fact]
    public void BotName_SeparatesTheBot_CaseInsensitively_AndMeetingDurationSetsTheWindow()
    {
        var transcript = new Transcript([Seg("Ann", 10, 20), Seg("MeetStream Bot", 20, 30), Seg("meetstream bot", 30, 35), Seg(null, 40, 45)]);

        var report = TalkTimeAnalyzer.FromTranscript(transcript, new TalkTimeOptions { BotName = "MEETSTREAM BOT", MeetingDuration = TimeSpan.FromSeconds(60) });

        // Humans: Ann 10 s and the unnamed speaker 5 s ("Unknown speaker"); shares 10/15 and 5/15.
        Assert.Equal(["Ann", Transcript.UnknownSpeaker], report.Participants.Select(p => p.Name));
        Assert.Equal(10.0 / 15, report.Participants[0].Share, 9);
        // The bot: both spellings are one bot, 15 s, one turn 20–35; share of all talk 15 / (15 + 15) = 0.5.
        Assert.NotNull(report.Bot);
        Assert.Equal("MeetStream Bot", report.Bot.Name);
        Assert.Equal(TimeSpan.FromSeconds(15), report.Bot.TalkTime);
        Assert.Equal(1, report.Bot.Turns);
        Assert.Equal(0.5, report.Bot.Share, 9);
        // Window 0–60 s; voiced 10 + 15 + 5 = 30 s; silence 30 s; human talk 15 s.
        Assert.Equal(TimeSpan.FromSeconds(60), report.MeetingDuration);
        Assert.Equal(TimeSpan.FromSeconds(30), report.Silence);
        Assert.Equal(0.5, report.SilenceShare, 9);
        Assert.Equal(TimeSpan.FromSeconds(15), report.TalkTime);
    }

    [Fact]
    public void NoSpeakerChunks_AreUnattributed_NotSilence()
    {
        var timeline = new SpeakerTimeline
        {
            Chunks =
            [
                new SpeakerTimelineChunk { SpeakerName = "Ann", StartByte = 0, EndByte = 96_000 },            // 0–1 s at 48 kHz
                new SpeakerTimelineChunk { SpeakerName = "NoSpeaker", StartByte = 96_000, EndByte = 192_000 }, // 1–2 s
                new SpeakerTimelineChunk { SpeakerName = "Ben", SampleRate = 16_000, StartByte = 96_000, EndByte = 128_000 }, // 16 kHz: 3–4 s
                new SpeakerTimelineChunk { SpeakerName = "Ben", StartByte = null, EndByte = 5 },              // untimed
            ],
        };

        var report = TalkTimeAnalyzer.FromSpeakerTimeline(timeline);

        Assert.Equal(["Ann", "Ben"], report.Participants.Select(p => p.Name));
        Assert.Equal(TimeSpan.FromSeconds(1), report.Participants[0].TalkTime);
        Assert.Equal(TimeSpan.FromSeconds(1), report.Participants[1].TalkTime);
        Assert.Equal(TimeSpan.FromSeconds(1), report.UnattributedSpeech);
        // Meeting 0–4 s, voiced 0–2 and 3–4 = 3 s, silence 1 s.
        Assert.Equal(TimeSpan.FromSeconds(4), report.MeetingDuration);
        Assert.Equal(TimeSpan.FromSeconds(1), report.Silence);
        Assert.Equal(1, report.UntimedSegments);
    }

    [Fact]
    public void Empty_SourcesGiveAnEmptyReport()
    {
        var fromTranscript = TalkTimeAnalyzer.FromTranscript(new Transcript([]));
        var fromTimeline = TalkTimeAnalyzer.FromSpeakerTimeline(new SpeakerTimeline());
        var live = new LiveTalkTimeTracker().GetReport();

        foreach (var report in new[] { fromTranscript, fromTimeline, live })
        {
            Assert.Empty(report.Participants);
            Assert.Null(report.Bot);
            Assert.Null(report.LongestMonologueBy);
            Assert.Equal(TimeSpan.Zero, report.MeetingDuration);
            Assert.Equal(0, report.SilenceShare);
            Assert.Contains("(nobody spoke)", report.ToText(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ParticipantWordsShape_AsTheSimulatorWritesIt_IsAnalysed()
    {
        // The {"message": [{"participant", "words"}]} shape with relative/absolute word timestamps.
        const string json = """
            {"message": [
              {"participant": {"id": "d1", "name": "Ann", "is_host": true},
               "words": [{"text": "Hello", "start_timestamp": {"relative": 1.0}, "end_timestamp": {"relative": 1.5}},
                         {"text": "everyone?", "start_timestamp": {"relative": 1.5}, "end_timestamp": {"relative": 2.0}}]},
              {"participant": {"id": "d2", "name": "Ben"},
               "words": [{"text": "Hi", "start_timestamp": {"relative": 3.0}, "end_timestamp": {"relative": 3.5}}]}
            ]}
            """;

        var report = TalkTimeAnalyzer.FromTranscript(Transcript.Parse(json));

        // Ann 1.0–2.0 = 1 s, 2 words → 120 wpm, 1 question; Ben 3.0–3.5 = 0.5 s, 1 word → 120 wpm; meeting 1–3.5 = 2.5 s.
        var ann = report.Participants[0];
        Assert.Equal("Ann", ann.Name);
        Assert.Equal(TimeSpan.FromSeconds(1), ann.TalkTime);
        Assert.Equal(2, ann.Words);
        Assert.Equal(1, ann.Questions);
        Assert.Equal(120, ann.WordsPerMinute!.Value, 9);
        Assert.Equal(120, report.Participants[1].WordsPerMinute!.Value, 9);
        Assert.Equal(TimeSpan.FromSeconds(2.5), report.MeetingDuration);
        Assert.Equal(TimeSpan.FromSeconds(1), report.Silence);
    }

    [Fact]
    public void BadInput_IsATypedErrorNamingWhatWasWrong()
    {
        Assert.Equal("transcript", Assert.Throws<ArgumentNullException>(() => TalkTimeAnalyzer.FromTranscript(null!)).ParamName);
        Assert.Equal("timeline", Assert.Throws<ArgumentNullException>(() => TalkTimeAnalyzer.FromSpeakerTimeline(null!)).ParamName);

        // (NaN cannot be serialized, so the transcript is given its JSON; the analyzer reads the segments.)
        var withNaN = new Transcript([Seg("Ann", 0, 1), Seg("Ann", double.NaN, 2)], json: System.Text.Json.JsonDocument.Parse("[]").RootElement.Clone());
        var nan = Assert.Throws<ArgumentException>(() => TalkTimeAnalyzer.FromTranscript(withNaN));
        Assert.Equal("transcript", nan.ParamName);
        Assert.Contains("Segment 1 (speaker 'Ann') has start_time NaN", nan.Message, StringComparison.Ordinal);

        var negative = Assert.Throws<ArgumentException>(() => TalkTimeAnalyzer.FromTranscript(new Transcript([Seg("Ann", 0, -1)])));
        Assert.Contains("end_time -1", negative.Message, StringComparison.Ordinal);

        var backwards = Assert.Throws<ArgumentException>(() => TalkTimeAnalyzer.FromTranscript(new Transcript([Seg("Ann", 5, 2)])));
        Assert.Contains("Segment 0 (speaker 'Ann') ends at 2 s, before it starts at 5 s", backwards.Message, StringComparison.Ordinal);

        var chunk = Assert.Throws<ArgumentException>(() => TalkTimeAnalyzer.FromSpeakerTimeline(new SpeakerTimeline { Chunks = [new SpeakerTimelineChunk { SpeakerName = "Ann", StartByte = 10, EndByte = 4 }] }));
        Assert.Equal("timeline", chunk.ParamName);
        Assert.Contains("Chunk 0 (speaker 'Ann') ends at byte 4, before it starts at byte 10", chunk.Message, StringComparison.Ordinal);
        Assert.Contains("negative byte offset", Assert.Throws<ArgumentException>(() => TalkTimeAnalyzer.FromSpeakerTimeline(new SpeakerTimeline { Chunks = [new SpeakerTimelineChunk { StartByte = -2, EndByte = 4 }] })).Message, StringComparison.Ordinal);
        Assert.Contains("sampleRate 0", Assert.Throws<ArgumentException>(() => TalkTimeAnalyzer.FromSpeakerTimeline(new SpeakerTimeline { Chunks = [new SpeakerTimelineChunk { SampleRate = 0, StartByte = 0, EndByte = 4 }] })).Message, StringComparison.Ordinal);

        Assert.Equal("TurnGap", Assert.Throws<ArgumentOutOfRangeException>(() => new TalkTimeOptions { TurnGap = TimeSpan.Zero }).ParamName);
        Assert.Equal("MinimumOverlap", Assert.Throws<ArgumentOutOfRangeException>(() => new TalkTimeOptions { MinimumOverlap = TimeSpan.FromSeconds(-1) }).ParamName);
        Assert.Equal("MeetingDuration", Assert.Throws<ArgumentOutOfRangeException>(() => new TalkTimeOptions { MeetingDuration = TimeSpan.Zero }).ParamName);
        Assert.Equal("vad", Assert.Throws<ArgumentException>(() => new LiveTalkTimeTracker(vad: new() { SampleRate = 16_000 })).ParamName);
        Assert.Equal("barWidth", Assert.Throws<ArgumentOutOfRangeException>(() => TalkTimeAnalyzer.FromTranscript(new Transcript([])).ToText(-1)).ParamName);
    }
}
