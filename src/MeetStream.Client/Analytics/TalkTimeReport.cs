using System.Globalization;
using System.Text;

namespace MeetStream.Client.Analytics;

/// <summary>
/// Who talked and how in one meeting: talk time, silence and interruptions for the meeting, and one
/// <see cref="ParticipantTalkTime"/> per human plus the bot's own line. The same type whichever source fed it
/// (<see cref="Source"/>); <see cref="ToText"/> renders it for a console with one bar per participant.
/// </summary>
public sealed class TalkTimeReport
{
    internal TalkTimeReport(TalkTimeSource source, IReadOnlyList<ParticipantTalkTime> participants, ParticipantTalkTime? bot)
    {
        Source = source;
        Participants = participants;
        Bot = bot;
    }

    /// <summary>Gets the data the report was computed from.</summary>
    public TalkTimeSource Source { get; }

    /// <summary>
    /// Gets the meeting length the silence share refers to: <see cref="TalkTimeOptions.MeetingDuration"/> when set,
    /// else from the first speech to the last.
    /// </summary>
    public TimeSpan MeetingDuration { get; internal set; }

    /// <summary>Gets the time at least one human spoke (overlaps counted once; the bot excluded).</summary>
    public TimeSpan TalkTime { get; internal set; }

    /// <summary>Gets the meeting time in which nobody spoke: no human, not the bot, no unattributed voice.</summary>
    public TimeSpan Silence { get; internal set; }

    /// <summary>Gets <see cref="Silence"/> as a share of <see cref="MeetingDuration"/>, 0 to 1 (0 for an empty meeting).</summary>
    public double SilenceShare { get; internal set; }

    /// <summary>
    /// Gets the interruptions of the meeting, by humans and the bot (the sum of <see cref="ParticipantTalkTime.Interruptions"/>).
    /// Always 0 from <see cref="TalkTimeSource.LiveAudio"/>: mixed audio names one speaker at a time and cannot show overlap.
    /// </summary>
    public int Interruptions { get; internal set; }

    /// <summary>Gets the humans, most talk time first (ties by name).</summary>
    public IReadOnlyList<ParticipantTalkTime> Participants { get; }

    /// <summary>Gets the bot's own speech (<see cref="TalkTimeOptions.BotName"/>); <see langword="null"/> when it did not speak or no bot name was given.</summary>
    public ParticipantTalkTime? Bot { get; }

    /// <summary>Gets the human with the longest monologue (the first in <see cref="Participants"/> order on a tie); <see langword="null"/> without speech.</summary>
    public ParticipantTalkTime? LongestMonologueBy =>
        Participants.Where(p => p.LongestMonologue > TimeSpan.Zero).OrderByDescending(p => p.LongestMonologue).FirstOrDefault();

    /// <summary>
    /// Gets voiced time attributed to nobody (speaker <c>NoSpeaker</c>): not in any participant nor in
    /// <see cref="TalkTime"/>, but not silence either.
    /// </summary>
    public TimeSpan UnattributedSpeech { get; internal set; }

    /// <summary>
    /// Gets how many transcript segments or timeline chunks had no usable timing (no start or end, even from their
    /// words): their words and questions count, their time does not.
    /// </summary>
    public int UntimedSegments { get; internal set; }

    /// <summary>
    /// Renders a readable console report (invariant culture): a header with the meeting length, silence share and
    /// interruptions, then one line per human, most talk first — name, a bar of <c>█</c> scaled to the share (the
    /// rest <c>░</c>), share, talk time (mm:ss), words per minute (<c>-</c> without words), turns and longest
    /// monologue — and the bot on its own last line, marked <c>(bot)</c>.
    /// </summary>
    /// <param name="barWidth">The bar's width in characters, 0 to 200 (0: no bar); default 30.</param>
    /// <returns>The text, lines separated by <c>\n</c>, ending with a line break.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="barWidth"/> is negative or above 200.</exception>
    public string ToText(int barWidth = 30)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(barWidth);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(barWidth, 200);
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(inv, $"Talk time ({SourceName(Source)}): meeting {FormatMinutes(MeetingDuration)}, silence {SilenceShare * 100:0.0}%, {Interruptions} {(Interruptions == 1 ? "interruption" : "interruptions")}\n");
        var lines = Bot is null ? Participants : [.. Participants, Bot];
        if (lines.Count == 0)
        {
            text.Append("(nobody spoke)\n");
        }

        int nameWidth = lines.Count == 0 ? 0 : lines.Max(p => p.Name.Length);
        foreach (var p in lines)
        {
            text.Append(p.Name.PadRight(nameWidth)).Append("  ");
            if (barWidth > 0)
            {
                int filled = (int)Math.Round(Math.Clamp(p.Share, 0, 1) * barWidth, MidpointRounding.AwayFromZero);
                text.Append('█', filled).Append('░', barWidth - filled).Append("  ");
            }

            var wpm = p.WordsPerMinute is { } w ? w.ToString("0", inv) : "-";
            text.Append(inv, $"{p.Share * 100,5:0.0}%  {FormatMinutes(p.TalkTime)}  {wpm,3} wpm  {p.Turns} {(p.Turns == 1 ? "turn" : "turns")}  longest {FormatMinutes(p.LongestMonologue)}");
            if (p.IsBot)
            {
                text.Append("  (bot)");
            }

            text.Append('\n');
        }

        if (UntimedSegments > 0)
        {
            text.Append(inv, $"({UntimedSegments} untimed {(UntimedSegments == 1 ? "segment" : "segments")}: words counted, time not)\n");
        }

        return text.ToString();
    }

    /// <summary>Describes the report in one line.</summary>
    /// <returns>E.g. <c>Talk time (transcript): 3 participants, meeting 05:00, silence 10.0%, 2 interruptions</c>.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Talk time ({SourceName(Source)}): {Participants.Count} participants{(Bot is null ? string.Empty : " and the bot")}, meeting {FormatMinutes(MeetingDuration)}, silence {SilenceShare * 100:0.0}%, {Interruptions} interruptions");

    /// <summary>Formats a duration as minutes and seconds, rounded to the second (<c>75:03</c> past an hour).</summary>
    internal static string FormatMinutes(TimeSpan time)
    {
        long seconds = (long)Math.Round(Math.Max(0, time.TotalSeconds), MidpointRounding.AwayFromZero);
        return string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:00}:{seconds % 60:00}");
    }

    private static string SourceName(TalkTimeSource source) => source switch
    {
        TalkTimeSource.Transcript => "transcript",
        TalkTimeSource.SpeakerTimeline => "speaker timeline",
        TalkTimeSource.LiveAudio => "live audio",
        _ => source.ToString(),
    };
}
