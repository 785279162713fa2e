namespace MeetStream.Client.Lambda;

/// <summary>What the calendar trigger knows when it has created (or re-found) a bot for a calendar event.</summary>
public sealed class ScheduledBotSession
{
    /// <summary>Gets the bot id MeetStream returned.</summary>
    public required string BotId { get; init; }

    /// <summary>Gets the calendar event id.</summary>
    public required string CalendarEventId { get; init; }

    /// <summary>Gets the user id.</summary>
    public string? UserId { get; init; }

    /// <summary>Gets the meeting URL.</summary>
    public string? MeetingUrl { get; init; }

    /// <summary>Gets the join time asked for.</summary>
    public DateTimeOffset? JoinAt { get; init; }

    /// <summary>Gets the <c>Idempotency-Key</c> used.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Gets the status create_bot returned (e.g. <c>Active</c>).</summary>
    public BotStatus? Status { get; init; }

    /// <summary>Gets the transcript id create_bot returned; <see langword="null"/> means no post-call transcript is expected.</summary>
    public string? TranscriptId { get; init; }

    /// <summary>Gets when the transcript function should first look at the session (e.g. join time plus the longest expected meeting).</summary>
    public required DateTimeOffset FirstCheckAt { get; init; }
}
