using System.Text.Json.Serialization;
using MeetStream.Client.Analytics;

namespace MeetStream.Client.Lambda;

/// <summary>One speaker in a <see cref="MeetingAnalyticsDocument"/> (a <see cref="ParticipantTalkTime"/> in JSON, times in seconds).</summary>
public sealed class MeetingAnalyticsParticipant
{
    /// <summary>Gets the speaker's display name.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>Gets whether this is the bot.</summary>
    [JsonPropertyName("is_bot")]
    public bool IsBot { get; init; }

    /// <summary>Gets the speaker's talk time in seconds.</summary>
    [JsonPropertyName("talk_time_seconds")]
    public double TalkTimeSeconds { get; init; }

    /// <summary>Gets the share, 0 to 1 (of human talk time; the bot's of all talk time).</summary>
    [JsonPropertyName("share")]
    public double Share { get; init; }

    /// <summary>Gets the number of turns.</summary>
    [JsonPropertyName("turns")]
    public int Turns { get; init; }

    /// <summary>Gets the longest monologue in seconds.</summary>
    [JsonPropertyName("longest_monologue_seconds")]
    public double LongestMonologueSeconds { get; init; }

    /// <summary>Gets how many times the speaker started talking over someone.</summary>
    [JsonPropertyName("interruptions")]
    public int Interruptions { get; init; }

    /// <summary>Gets how many times someone started talking over the speaker.</summary>
    [JsonPropertyName("times_interrupted")]
    public int TimesInterrupted { get; init; }

    /// <summary>Gets the words spoken, when the source had words.</summary>
    [JsonPropertyName("words")]
    public int? Words { get; init; }

    /// <summary>Gets the words per minute, when known.</summary>
    [JsonPropertyName("words_per_minute")]
    public double? WordsPerMinute { get; init; }

    /// <summary>Gets the questions asked, when the source had words.</summary>
    [JsonPropertyName("questions")]
    public int? Questions { get; init; }

    internal static MeetingAnalyticsParticipant Create(ParticipantTalkTime participant) => new()
    {
        Name = participant.Name,
        IsBot = participant.IsBot,
        TalkTimeSeconds = participant.TalkTime.TotalSeconds,
        Share = participant.Share,
        Turns = participant.Turns,
        LongestMonologueSeconds = participant.LongestMonologue.TotalSeconds,
        Interruptions = participant.Interruptions,
        TimesInterrupted = participant.TimesInterrupted,
        Words = participant.Words,
        WordsPerMinute = participant.WordsPerMinute,
        Questions = participant.Questions,
    };
}
