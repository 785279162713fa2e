namespace MeetStream.Client.Lambda;

/// <summary>
/// The stored record of one bot's session, as the pipeline keeps it in DynamoDB (partition key <c>bot_id</c>): what the calendar trigger
/// created, the furthest lifecycle state webhooks or reconciliation reported, and the transcript's progress and S3 key.
/// </summary>
public sealed class BotSessionRecord
{
    /// <summary>Gets the bot id (partition key <c>bot_id</c>).</summary>
    public required string BotId { get; init; }

    /// <summary>Gets the calendar event the bot was created for (<c>calendar_event_id</c>, indexed).</summary>
    public string? CalendarEventId { get; init; }

    /// <summary>Gets the user the calendar event belongs to (<c>user_id</c>).</summary>
    public string? UserId { get; init; }

    /// <summary>Gets the meeting URL (<c>meeting_url</c>).</summary>
    public string? MeetingUrl { get; init; }

    /// <summary>Gets when the bot was asked to join (<c>join_at</c>).</summary>
    public DateTimeOffset? JoinAt { get; init; }

    /// <summary>Gets the <c>Idempotency-Key</c> the bot was created with (<c>idempotency_key</c>).</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Gets the furthest status reached (<c>bot_status</c>); never moves backwards.</summary>
    public BotStatus? Status { get; init; }

    /// <summary>Gets the stage of <see cref="Status"/> in the bot lifecycle (<c>state_rank</c>, the stage's number); a change is applied only when its stage is later. <see langword="null"/> before any lifecycle state was recorded.</summary>
    public BotLifecycleStage? Stage { get; init; }

    /// <summary>Gets the event that set <see cref="Status"/> (<c>last_event</c>), e.g. <c>bot.stopped</c> or <c>status.reconciled</c>.</summary>
    public string? LastEvent { get; init; }

    /// <summary>Gets when that event happened (<c>last_event_at</c>).</summary>
    public DateTimeOffset? LastEventAt { get; init; }

    /// <summary>Gets why the bot left (<c>stop_reason</c>): <c>bot.stopped</c>, <c>bot.kicked</c>, <c>bot.notallowed</c>, <c>bot.denied</c> or <c>bot.failed</c>.</summary>
    public string? StopReason { get; init; }

    /// <summary>Gets when the bot left the meeting (<c>stopped_at</c>).</summary>
    public DateTimeOffset? StoppedAt { get; init; }

    /// <summary>Gets the transcript id (<c>transcript_id</c>): from create_bot at first, the fetched one once stored.</summary>
    public string? TranscriptId { get; init; }

    /// <summary>Gets the transcript's progress (<c>transcript_state</c>).</summary>
    public TranscriptProgress Transcript { get; init; }

    /// <summary>Gets the S3 key of the stored transcript (<c>transcript_s3_key</c>).</summary>
    public string? TranscriptS3Key { get; init; }

    /// <summary>Gets how many times the stale-session sweep looked for the transcript in vain (<c>transcript_attempts</c>).</summary>
    public int TranscriptAttempts { get; init; }

    /// <summary>Gets why the transcript failed or was flagged (<c>transcript_note</c>).</summary>
    public string? TranscriptNote { get; init; }

    /// <summary>Gets when the transcript function should look at the session next (<c>work_due</c>); <see langword="null"/> once closed.</summary>
    public DateTimeOffset? WorkDue { get; init; }

    /// <summary>Gets when the session was first written (<c>created_at</c>).</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Gets when the session last changed (<c>updated_at</c>).</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Gets when DynamoDB TTL may delete the item (<c>expires_at</c>, epoch seconds).</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Gets the item's write counter (<c>version</c>).</summary>
    public long Version { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"BotSessionRecord {{ BotId = {BotId}, Status = {Status}, Transcript = {Transcript} }}";
}
