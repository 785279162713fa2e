using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Analytics;
using MeetStream.Client.Lambda.Serialization;

namespace MeetStream.Client.Lambda;

/// <summary>
/// A meeting's end-of-meeting talk-time analytics as the transcript function stores them beside the transcript
/// (<c>transcripts/{bot_id}/{transcript_id}.analytics.json</c>): a <see cref="TalkTimeReport"/> in JSON, times in
/// seconds, shares from 0 to 1. Read one back with <see cref="Parse"/>.
/// </summary>
public sealed class MeetingAnalyticsDocument
{
    /// <summary>The current value of <see cref="SchemaVersion"/>.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Gets the document's schema version (<see cref="CurrentSchemaVersion"/>).</summary>
    [JsonPropertyName("schema_version")]
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>Gets the bot id.</summary>
    [JsonPropertyName("bot_id")]
    public required string BotId { get; init; }

    /// <summary>Gets the transcript id the analytics were computed from.</summary>
    [JsonPropertyName("transcript_id")]
    public required string TranscriptId { get; init; }

    /// <summary>Gets the transcript's object key.</summary>
    [JsonPropertyName("transcript_key")]
    public string? TranscriptKey { get; init; }

    /// <summary>Gets when the analytics were computed.</summary>
    [JsonPropertyName("generated_at")]
    public DateTimeOffset GeneratedAt { get; init; }

    /// <summary>Gets what fed the analytics: <c>transcript</c>, <c>speaker_timeline</c> or <c>live_audio</c>.</summary>
    [JsonPropertyName("source")]
    public required string Source { get; init; }

    /// <summary>Gets the meeting's length in seconds (the silence share's denominator).</summary>
    [JsonPropertyName("meeting_duration_seconds")]
    public double MeetingDurationSeconds { get; init; }

    /// <summary>Gets the time anyone human spoke, in seconds (overlaps counted once).</summary>
    [JsonPropertyName("talk_time_seconds")]
    public double TalkTimeSeconds { get; init; }

    /// <summary>Gets the time nobody human spoke, in seconds.</summary>
    [JsonPropertyName("silence_seconds")]
    public double SilenceSeconds { get; init; }

    /// <summary>Gets the silence share, 0 to 1.</summary>
    [JsonPropertyName("silence_share")]
    public double SilenceShare { get; init; }

    /// <summary>Gets the number of interruptions.</summary>
    [JsonPropertyName("interruptions")]
    public int Interruptions { get; init; }

    /// <summary>Gets the human participants, most talk first.</summary>
    [JsonPropertyName("participants")]
    public required IReadOnlyList<MeetingAnalyticsParticipant> Participants { get; init; }

    /// <summary>Gets the bot's own speech, when it spoke.</summary>
    [JsonPropertyName("bot")]
    public MeetingAnalyticsParticipant? Bot { get; init; }

    /// <summary>Gets voiced time attributed to nobody, in seconds (not in the talk time, not silence either).</summary>
    [JsonPropertyName("unattributed_speech_seconds")]
    public double UnattributedSpeechSeconds { get; init; }

    /// <summary>Gets the number of segments without timings (their words and questions still count).</summary>
    [JsonPropertyName("untimed_segments")]
    public int UntimedSegments { get; init; }

    /// <summary>Gets the name of the participant with the longest monologue.</summary>
    [JsonPropertyName("longest_monologue_by")]
    public string? LongestMonologueBy { get; init; }

    /// <summary>Builds the document of a report.</summary>
    /// <param name="report">The report.</param>
    /// <param name="botId">The bot id.</param>
    /// <param name="transcriptId">The transcript id.</param>
    /// <param name="transcriptKey">The transcript's object key, if stored.</param>
    /// <param name="generatedAt">When the report was computed.</param>
    /// <returns>The document.</returns>
    public static MeetingAnalyticsDocument Create(TalkTimeReport report, string botId, string transcriptId, string? transcriptKey, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrWhiteSpace(botId);
        ArgumentException.ThrowIfNullOrWhiteSpace(transcriptId);
        return new MeetingAnalyticsDocument
        {
            BotId = botId,
            TranscriptId = transcriptId,
            TranscriptKey = transcriptKey,
            GeneratedAt = generatedAt,
            Source = report.Source switch
            {
                TalkTimeSource.Transcript => "transcript",
                TalkTimeSource.SpeakerTimeline => "speaker_timeline",
                TalkTimeSource.LiveAudio => "live_audio",
                _ => report.Source.ToString().ToLowerInvariant(),
            },
            MeetingDurationSeconds = report.MeetingDuration.TotalSeconds,
            TalkTimeSeconds = report.TalkTime.TotalSeconds,
            SilenceSeconds = report.Silence.TotalSeconds,
            SilenceShare = report.SilenceShare,
            Interruptions = report.Interruptions,
            Participants = report.Participants.Select(MeetingAnalyticsParticipant.Create).ToArray(),
            Bot = report.Bot is { } bot ? MeetingAnalyticsParticipant.Create(bot) : null,
            UnattributedSpeechSeconds = report.UnattributedSpeech.TotalSeconds,
            UntimedSegments = report.UntimedSegments,
            LongestMonologueBy = report.LongestMonologueBy?.Name,
        };
    }

    /// <summary>Reads a stored document.</summary>
    /// <param name="utf8Json">The object's bytes.</param>
    /// <returns>The document.</returns>
    /// <exception cref="JsonException">The bytes are not an analytics document.</exception>
    public static MeetingAnalyticsDocument Parse(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, LambdaJsonContext.Default.MeetingAnalyticsDocument)
        ?? throw new JsonException("The JSON is null, not an analytics document.");

    /// <summary>Writes the document as UTF-8 JSON (source-generated, no reflection).</summary>
    /// <returns>The bytes.</returns>
    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(this, LambdaJsonContext.Default.MeetingAnalyticsDocument);
}
