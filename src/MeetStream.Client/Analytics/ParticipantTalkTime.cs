namespace MeetStream.Client.Analytics;

/// <summary>
/// One speaker's numbers in a <see cref="TalkTimeReport"/>: talk time and share, turns, longest monologue,
/// interruptions, and (when the source had words) words, words per minute and questions.
/// </summary>
public sealed class ParticipantTalkTime
{
    internal ParticipantTalkTime(string name, bool isBot)
    {
        Name = name;
        IsBot = isBot;
    }

    /// <summary>Gets the speaker's display name as the source spelled it.</summary>
    public string Name { get; }

    /// <summary>Gets whether this is the bot (<see cref="TalkTimeOptions.BotName"/>).</summary>
    public bool IsBot { get; }

    /// <summary>Gets the time this speaker spoke (their own overlapping segments counted once).</summary>
    public TimeSpan TalkTime { get; internal set; }

    /// <summary>
    /// Gets the share from 0 to 1: for a human, of the summed talk time of all humans (human shares add up to 1); for
    /// the bot, of the summed talk time of humans and bot.
    /// </summary>
    public double Share { get; internal set; }

    /// <summary>Gets the number of turns: runs of speech whose pauses are shorter than <see cref="TalkTimeOptions.TurnGap"/> with nobody else speaking in them.</summary>
    public int Turns { get; internal set; }

    /// <summary>Gets the longest turn, from its first speech to its last (its short pauses included).</summary>
    public TimeSpan LongestMonologue { get; internal set; }

    /// <summary>Gets how many times this speaker started talking while someone else spoke, overlapping by at least <see cref="TalkTimeOptions.MinimumOverlap"/>.</summary>
    public int Interruptions { get; internal set; }

    /// <summary>Gets how many times someone else started talking over this speaker (see <see cref="Interruptions"/>).</summary>
    public int TimesInterrupted { get; internal set; }

    /// <summary>Gets the words spoken; <see langword="null"/> when the source has no words (speaker timeline, live audio).</summary>
    public int? Words { get; internal set; }

    /// <summary>
    /// Gets the words of timed segments per minute of <see cref="TalkTime"/>; <see langword="null"/> when the source
    /// has no words or the speaker has no talk time.
    /// </summary>
    public double? WordsPerMinute { get; internal set; }

    /// <summary>Gets the questions asked (sentences ending in <c>?</c>); <see langword="null"/> when the source has no words.</summary>
    public int? Questions { get; internal set; }

    /// <summary>Describes the participant in one line, e.g. <c>Alice: 02:30 (50.0%), 4 turns</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Name}{(IsBot ? " (bot)" : string.Empty)}: {TalkTimeReport.FormatMinutes(TalkTime)} ({Share * 100:0.0}%), {Turns} turns");
}
