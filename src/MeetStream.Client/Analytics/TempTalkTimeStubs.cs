// TEMPORARY stand-in for helper H2's talk-time analytics (agreed API of issue 13); reverted before merging main.
#pragma warning disable CS1591, CA1062, CA1305
namespace MeetStream.Client.Analytics;

public sealed class TalkTimeOptions
{
    public string? BotName { get; init; }

    public TimeSpan TurnGap { get; init; } = TimeSpan.FromSeconds(1.5);

    public TimeSpan MinimumOverlap { get; init; } = TimeSpan.FromSeconds(0.3);

    public TimeSpan? MeetingDuration { get; init; }
}

public enum TalkTimeSource
{
    Transcript,
    SpeakerTimeline,
    LiveAudio,
}

public sealed class ParticipantTalkTime
{
    public string Name { get; init; } = string.Empty;

    public bool IsBot { get; init; }

    public TimeSpan TalkTime { get; init; }

    public double Share { get; init; }

    public int Turns { get; init; }

    public TimeSpan LongestMonologue { get; init; }

    public int Interruptions { get; init; }

    public int TimesInterrupted { get; init; }

    public int? Words { get; init; }

    public double? WordsPerMinute { get; init; }

    public int? Questions { get; init; }
}

public sealed class TalkTimeReport
{
    public TalkTimeSource Source { get; init; }

    public TimeSpan MeetingDuration { get; init; }

    public TimeSpan TalkTime { get; init; }

    public TimeSpan Silence { get; init; }

    public double SilenceShare { get; init; }

    public int Interruptions { get; init; }

    public IReadOnlyList<ParticipantTalkTime> Participants { get; init; } = [];

    public ParticipantTalkTime? Bot { get; init; }

    public ParticipantTalkTime? LongestMonologueBy { get; init; }

    public string ToText(int barWidth = 30) => ToString();

    public override string ToString() => $"{Participants.Count} participants";
}

public static class TalkTimeAnalyzer
{
    public static TalkTimeReport FromTranscript(Transcript transcript, TalkTimeOptions? options = null)
    {
        options ??= new TalkTimeOptions();
        var segs = transcript.Segments.Where(s => s.Start is not null && s.End is not null).ToList();
        var start = segs.Min(s => s.Start!.Value);
        var end = segs.Max(s => s.End!.Value);
        var talk = TimeSpan.FromTicks(segs.Sum(s => (s.End!.Value - s.Start!.Value).Ticks));
        var people = segs.GroupBy(s => s.Speaker ?? "?").Select(g =>
        {
            var t = TimeSpan.FromTicks(g.Sum(s => (s.End!.Value - s.Start!.Value).Ticks));
            var words = g.Sum(s => (s.Text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
            return new ParticipantTalkTime
            {
                Name = g.Key,
                TalkTime = t,
                Share = t / talk,
                Turns = g.Count(),
                LongestMonologue = g.Max(s => s.End!.Value - s.Start!.Value),
                Words = words,
                WordsPerMinute = words / t.TotalMinutes,
                Questions = g.Count(s => (s.Text ?? string.Empty).TrimEnd().EndsWith('?')),
            };
        }).OrderByDescending(p => p.TalkTime).ToList();
        var duration = options.MeetingDuration ?? end - start;
        return new TalkTimeReport
        {
            Source = TalkTimeSource.Transcript,
            MeetingDuration = duration,
            TalkTime = talk,
            Silence = duration - talk,
            SilenceShare = (duration - talk) / duration,
            Participants = people,
            LongestMonologueBy = people.MaxBy(p => p.LongestMonologue),
        };
    }
}
