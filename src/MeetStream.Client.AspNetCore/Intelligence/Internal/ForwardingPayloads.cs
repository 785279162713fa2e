using System.Text.Json.Serialization;
using MeetStream.Client.Keywords;

namespace MeetStream.Client.AspNetCore.Internal;

/// <summary>A keyword hit as forwarded to a signed webhook sink.</summary>
internal sealed record KeywordHitPayload(
    string Type,
    string Keyword,
    string? KeywordId,
    string? Category,
    string MatchedText,
    string? Speaker,
    string? BotId,
    DateTimeOffset? Timestamp,
    double? OffsetSeconds,
    string Context,
    bool IsLive,
    IReadOnlyDictionary<string, string>? CustomAttributes)
{
    public static KeywordHitPayload From(KeywordHit hit) => new(
        "keyword.hit", hit.Keyword.Phrase, hit.Keyword.Id, hit.Category, hit.MatchedText, hit.Speaker, hit.BotId, hit.Timestamp,
        hit.Offset?.TotalSeconds, hit.Context, hit.IsLive, hit.CustomAttributes);
}

/// <summary>One participant's talk time as forwarded.</summary>
internal sealed record ParticipantPayload(
    string Name,
    bool IsBot,
    double TalkTimeSeconds,
    double Share,
    int Turns,
    double LongestMonologueSeconds,
    int Interruptions,
    int TimesInterrupted,
    int? Words,
    double? WordsPerMinute,
    int? Questions)
{
    public static ParticipantPayload From(Analytics.ParticipantTalkTime p) => new(
        p.Name, p.IsBot, p.TalkTime.TotalSeconds, Finite(p.Share), p.Turns, p.LongestMonologue.TotalSeconds, p.Interruptions, p.TimesInterrupted,
        p.Words, p.WordsPerMinute is { } wpm ? Finite(wpm) : null, p.Questions);

    internal static double Finite(double value) => double.IsFinite(value) ? value : 0;
}

/// <summary>A meeting's analytics as forwarded.</summary>
internal sealed record MeetingAnalyticsPayload(
    string Type,
    string BotId,
    string? TranscriptId,
    string Source,
    double MeetingDurationSeconds,
    double TalkTimeSeconds,
    double SilenceSeconds,
    double SilenceShare,
    int Interruptions,
    IReadOnlyList<ParticipantPayload> Participants,
    ParticipantPayload? Bot,
    IReadOnlyList<KeywordHitPayload> KeywordHits,
    IReadOnlyDictionary<string, string>? CustomAttributes,
    string Report)
{
    public static MeetingAnalyticsPayload From(MeetingAnalyticsResult result)
    {
        var report = result.TalkTime;
        return new MeetingAnalyticsPayload(
            "meeting.analytics", result.BotId, result.TranscriptId, report.Source.ToString(), report.MeetingDuration.TotalSeconds,
            report.TalkTime.TotalSeconds, report.Silence.TotalSeconds, ParticipantPayload.Finite(report.SilenceShare), report.Interruptions,
            report.Participants.Select(ParticipantPayload.From).ToArray(), report.Bot is { } bot ? ParticipantPayload.From(bot) : null,
            result.KeywordHits.Select(KeywordHitPayload.From).ToArray(), result.CustomAttributes, report.ToText());
    }
}

/// <summary>A Slack/Teams incoming-webhook message.</summary>
internal sealed record SlackTextPayload(string Text);

/// <summary>Source-generated JSON for the forwarded payloads (snake_case, nulls omitted).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(KeywordHitPayload))]
[JsonSerializable(typeof(MeetingAnalyticsPayload))]
[JsonSerializable(typeof(SlackTextPayload))]
internal sealed partial class IntelligenceJsonContext : JsonSerializerContext;
