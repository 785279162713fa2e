using MeetStream.Client.Analytics;

namespace MeetStream.Client.Tests.Analytics;

/// <summary>The exact console text of <see cref="TalkTimeReport.ToText"/> and <see cref="TalkTimeReport.ToString"/>.</summary>
public sealed class TalkTimeReportTextTests
{
    private static TalkTimeReport SmallMeeting()
    {
        static string Words(int n, string last) => string.Join(" ", Enumerable.Repeat("word", n - 1).Append(last));
        return TalkTimeAnalyzer.FromTranscript(
            new Transcript(
            [
                new TranscriptSegment { Speaker = "Ann", StartTime = 0, EndTime = 60, Text = Words(120, "price?") },   // 60 s, 120 words → 120 wpm
                new TranscriptSegment { Speaker = "Ben", StartTime = 60.5, EndTime = 90.5, Text = Words(75, "ok.") }, // 30 s, 75 words → 150 wpm
                new TranscriptSegment { Speaker = "Notetaker", StartTime = 91, EndTime = 101, Text = Words(20, "done.") }, // 10 s, 20 words → 120 wpm
            ]),
            new TalkTimeOptions { BotName = "Notetaker" });
    }

    [Fact]
    public void ToText_SmallReport_IsExactlyThis()
    {
        // Meeting 0–101 s = 01:41; voiced 60 + 30 + 10 = 100 s; silence 1 s = 1 / 101 = 0.99% → "1.0%".
        // Shares: Ann 60 / 90 = 66.7% → round(0.667 × 10) = 7 blocks; Ben 30 / 90 = 33.3% → 3 blocks;
        // the bot 10 / (90 + 10) = 10.0% → 1 block. Names padded to "Notetaker" (9 characters).
        const string expected =
            "Talk time (transcript): meeting 01:41, silence 1.0%, 0 interruptions\n" +
            "Ann        ███████░░░   66.7%  01:00  120 wpm  1 turn  longest 01:00\n" +
            "Ben        ███░░░░░░░   33.3%  00:30  150 wpm  1 turn  longest 00:30\n" +
            "Notetaker  █░░░░░░░░░   10.0%  00:10  120 wpm  1 turn  longest 00:10  (bot)\n";

        Assert.Equal(expected, SmallMeeting().ToText(barWidth: 10));
    }

    [Fact]
    public void ToText_WithoutWordsOrBar_ShowsDashesAndNoBar()
    {
        var timeline = new SpeakerTimeline
        {
            Chunks =
            [
                new SpeakerTimelineChunk { SpeakerName = "Ann", StartByte = 0, EndByte = 96_000 * 90 },          // 0–90 s
                new SpeakerTimelineChunk { SpeakerName = "Ben", StartByte = 96_000 * 85, EndByte = 96_000 * 95 }, // 85–95 s: interrupts Ann (5 s overlap)
                new SpeakerTimelineChunk { SpeakerName = "Ann", StartByte = 96_000 * 97 },                        // untimed
            ],
        };

        // Ann 90 s of 100 s human total = 90.0%; Ben 10 s = 10.0%; meeting 0–95 s = 01:35 with no silence.
        const string expected =
            "Talk time (speaker timeline): meeting 01:35, silence 0.0%, 1 interruption\n" +
            "Ann   90.0%  01:30    - wpm  1 turn  longest 01:30\n" +
            "Ben   10.0%  00:10    - wpm  1 turn  longest 00:10\n" +
            "(1 untimed segment: words counted, time not)\n";

        Assert.Equal(expected, TalkTimeAnalyzer.FromSpeakerTimeline(timeline).ToText(barWidth: 0));
    }

    [Fact]
    public void ToString_IsOneLine()
    {
        var report = SmallMeeting();

        Assert.Equal("Talk time (transcript): 2 participants and the bot, meeting 01:41, silence 1.0%, 0 interruptions", report.ToString());
        Assert.Equal("Ann: 01:00 (66.7%), 1 turns", report.Participants[0].ToString());
    }
}
