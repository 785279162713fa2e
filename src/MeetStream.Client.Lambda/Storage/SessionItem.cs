using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace MeetStream.Client.Lambda.Storage;

/// <summary>The session item's attribute names and its mapping to <see cref="BotSessionRecord"/> (explicit, no reflection).</summary>
internal static class SessionItem
{
    public const string BotId = "bot_id";
    public const string CalendarEventId = "calendar_event_id";
    public const string UserId = "user_id";
    public const string MeetingUrl = "meeting_url";
    public const string JoinAt = "join_at";
    public const string IdempotencyKey = "idempotency_key";
    public const string BotStatus = "bot_status";
    public const string StateRank = "state_rank";
    public const string LastEvent = "last_event";
    public const string LastEventAt = "last_event_at";
    public const string StopReason = "stop_reason";
    public const string StoppedAt = "stopped_at";
    public const string TranscriptId = "transcript_id";
    public const string TranscriptState = "transcript_state";
    public const string TranscriptRank = "transcript_rank";
    public const string TranscriptS3Key = "transcript_s3_key";
    public const string TranscriptAttempts = "transcript_attempts";
    public const string TranscriptNote = "transcript_note";
    public const string FetchLeaseUntil = "fetch_lease_until";
    public const string WorkState = "work_state";
    public const string WorkDue = "work_due";
    public const string CreatedAt = "created_at";
    public const string UpdatedAt = "updated_at";
    public const string ExpiresAt = "expires_at";
    public const string Version = "version";

    public const string WorkAwaiting = "awaiting";
    public const string WorkPending = "pending";
    public const string WorkClosed = "closed";

    public static string StateName(TranscriptProgress progress) => progress switch
    {
        TranscriptProgress.Awaiting => "awaiting",
        TranscriptProgress.NotExpected => "not_expected",
        TranscriptProgress.Pending => "pending",
        TranscriptProgress.Stored => "stored",
        TranscriptProgress.Failed => "failed",
        TranscriptProgress.Flagged => "flagged",
        _ => throw new ArgumentOutOfRangeException(nameof(progress), progress, "Unknown transcript progress."),
    };

    public static BotSessionRecord Read(Dictionary<string, AttributeValue> item)
    {
        var status = Str(item, BotStatus);
        var workState = Str(item, WorkState);
        return new BotSessionRecord
        {
            BotId = Str(item, BotId) ?? string.Empty,
            CalendarEventId = Str(item, CalendarEventId),
            UserId = Str(item, UserId),
            MeetingUrl = Str(item, MeetingUrl),
            JoinAt = Time(item, JoinAt),
            IdempotencyKey = Str(item, IdempotencyKey),
            Status = status is null ? (BotStatus?)null : new BotStatus(status),
            Stage = Num(item, StateRank) is { } rank and > 0 ? (BotLifecycleStage)rank : null,
            LastEvent = Str(item, LastEvent),
            LastEventAt = Time(item, LastEventAt),
            StopReason = Str(item, StopReason),
            StoppedAt = Time(item, StoppedAt),
            TranscriptId = Str(item, TranscriptId),
            Transcript = Str(item, TranscriptState) switch
            {
                "not_expected" => TranscriptProgress.NotExpected,
                "pending" => TranscriptProgress.Pending,
                "stored" => TranscriptProgress.Stored,
                "failed" => TranscriptProgress.Failed,
                "flagged" => TranscriptProgress.Flagged,
                _ => TranscriptProgress.Awaiting,
            },
            TranscriptS3Key = Str(item, TranscriptS3Key),
            TranscriptAttempts = (int)(Num(item, TranscriptAttempts) ?? 0),
            TranscriptNote = Str(item, TranscriptNote),
            WorkDue = workState is null or WorkClosed || Num(item, WorkDue) is not { } due ? null : DateTimeOffset.FromUnixTimeSeconds(due),
            CreatedAt = Time(item, CreatedAt),
            UpdatedAt = Time(item, UpdatedAt),
            ExpiresAt = Num(item, ExpiresAt) is { } expires ? DateTimeOffset.FromUnixTimeSeconds(expires) : null,
            Version = Num(item, Version) ?? 0,
        };
    }

    private static string? Str(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.S is { } s ? s : null;

    private static long? Num(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && long.TryParse(value.N, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static DateTimeOffset? Time(Dictionary<string, AttributeValue> item, string name) =>
        Str(item, name) is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
}
