namespace MeetStream.Client.Lambda;

/// <summary>
/// Where the pipeline keeps bot sessions. Every write is conditional so that state only moves forward: lifecycle
/// changes by <see cref="BotLifecycleStage"/>, transcript progress by rank too (awaiting 10, failed 15, pending 20,
/// stored or flagged 30).
/// <see cref="DynamoDbBotSessionStore"/> is the implementation; fake this interface to test your own functions.
/// </summary>
public interface IBotSessionStore
{
    /// <summary>Reads a session (strongly consistent).</summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The session, or <see langword="null"/> when there is none.</returns>
    Task<BotSessionRecord?> GetAsync(string botId, CancellationToken cancellationToken = default);

    /// <summary>Finds the sessions created for a calendar event (through the calendar-event index; eventually consistent).</summary>
    /// <param name="calendarEventId">The calendar event id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The sessions, usually one.</returns>
    Task<IReadOnlyList<BotSessionRecord>> FindByCalendarEventAsync(string calendarEventId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a bot created for a calendar event. Idempotent: repeating it for the same bot changes nothing that
    /// webhooks already moved forward, and it fills in the calendar fields of a session a webhook created first.
    /// </summary>
    /// <param name="session">The scheduled session.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The session after the write.</returns>
    Task<BotSessionRecord> RecordScheduledAsync(ScheduledBotSession session, CancellationToken cancellationToken = default);

    /// <summary>Records a lifecycle change if its stage is later than the stored one (creating the session if a webhook arrives first).</summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="change">The change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see cref="SessionUpdate.Applied"/>, or <see cref="SessionUpdate.Stale"/> when the session is already at or past it.</returns>
    Task<SessionUpdate> ApplyStateAsync(string botId, SessionStateChange change, CancellationToken cancellationToken = default);

    /// <summary>Records that a post-call artifact is ready (<c>audio.processed</c>, <c>video.processed</c>, <c>manifest.completed</c>); keeps the first time.</summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="artifactEvent">The event name.</param>
    /// <param name="occurredAt">When it happened.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when written.</returns>
    Task RecordArtifactAsync(string botId, string artifactEvent, DateTimeOffset occurredAt, CancellationToken cancellationToken = default);

    /// <summary>Marks the transcript as ready to fetch (<c>transcription.processed</c>) unless it is already pending or final.</summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see cref="SessionUpdate.Applied"/> or <see cref="SessionUpdate.Stale"/>.</returns>
    Task<SessionUpdate> MarkTranscriptPendingAsync(string botId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ends the transcript's work as <see cref="TranscriptProgress.Failed"/> (<c>transcription.failed</c>; a later
    /// <c>transcription.processed</c> from a re-run still moves it to pending) or <see cref="TranscriptProgress.Flagged"/>
    /// (the sweep gave up), unless it is already at or past that point.
    /// </summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="outcome">Failed or Flagged.</param>
    /// <param name="note">Why (stored on the session).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see cref="SessionUpdate.Applied"/> or <see cref="SessionUpdate.Stale"/>.</returns>
    Task<SessionUpdate> CloseTranscriptAsync(string botId, TranscriptProgress outcome, string note, CancellationToken cancellationToken = default);

    /// <summary>Claims the transcript fetch for <paramref name="lease"/> so concurrent invocations never fetch it twice.</summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="lease">How long the claim holds if the claimant dies.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when this caller holds the claim; <see langword="false"/> when the transcript is final or someone else holds it.</returns>
    Task<bool> TryClaimTranscriptFetchAsync(string botId, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Records the stored transcript's id and S3 key and closes the session's work unless it is already final.</summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="transcriptId">The transcript id fetched.</param>
    /// <param name="s3Key">The S3 key it was written to.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see cref="SessionUpdate.Applied"/> or <see cref="SessionUpdate.Stale"/>.</returns>
    Task<SessionUpdate> MarkTranscriptStoredAsync(string botId, string transcriptId, string s3Key, CancellationToken cancellationToken = default);

    /// <summary>Sets when the transcript function should look at the session again and releases any fetch claim; optionally counts a failed attempt.</summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="due">When to look again.</param>
    /// <param name="countAttempt">Whether this was a vain attempt to find the transcript.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see cref="SessionUpdate.Applied"/>, or <see cref="SessionUpdate.Stale"/> when the transcript is already final.</returns>
    Task<SessionUpdate> RescheduleAsync(string botId, DateTimeOffset due, bool countAttempt, CancellationToken cancellationToken = default);

    /// <summary>Lists sessions whose transcript work is due: pending ones, and awaiting ones whose check time has passed.</summary>
    /// <param name="progress"><see cref="TranscriptProgress.Pending"/> or <see cref="TranscriptProgress.Awaiting"/>.</param>
    /// <param name="dueBy">Only sessions due at or before this time.</param>
    /// <param name="limit">The most to return.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The bot ids, earliest due first.</returns>
    Task<IReadOnlyList<string>> ListDueAsync(TranscriptProgress progress, DateTimeOffset dueBy, int limit, CancellationToken cancellationToken = default);
}
