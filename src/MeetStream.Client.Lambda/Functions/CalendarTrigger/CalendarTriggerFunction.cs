using System.Security.Cryptography;
using System.Text;
using MeetStream.Client.Lambda.Serialization;

namespace MeetStream.Client.Lambda;

/// <summary>
/// The calendar trigger: for one calendar event (EventBridge Scheduler or a direct invoke) it creates a MeetStream bot
/// with an <c>Idempotency-Key</c> derived from the event, so a repeated trigger never creates a second bot, and records
/// the session (partition key <c>bot_id</c>, indexed by <c>calendar_event_id</c>, with a TTL). Failures (MeetStream
/// 429/5xx, DynamoDB throttling) propagate as function errors; Lambda's retry is safe because the key makes MeetStream
/// answer with the same bot and the session write is idempotent.
/// </summary>
public sealed class CalendarTriggerFunction : LambdaJsonFunction<CalendarTriggerEvent, CalendarTriggerResult>
{
    private const string LedgerPrefix = "calendar-trigger:";
    private readonly IMeetStreamClient _client;
    private readonly IBotSessionStore _sessions;
    private readonly IIdempotencyLedger _ledger;
    private readonly CalendarTriggerOptions _options;

    /// <summary>Initializes the function (once per execution environment).</summary>
    /// <param name="client">The MeetStream client.</param>
    /// <param name="sessions">The session store.</param>
    /// <param name="ledger">The idempotency ledger that keeps two simultaneous triggers of one event from both creating.</param>
    /// <param name="options">Request defaults and timing; <see langword="null"/> for the defaults.</param>
    public CalendarTriggerFunction(IMeetStreamClient client, IBotSessionStore sessions, IIdempotencyLedger ledger, CalendarTriggerOptions? options = null)
        : base(LambdaJsonContext.Default.CalendarTriggerEvent, LambdaJsonContext.Default.CalendarTriggerResult)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(ledger);
        _client = client;
        _sessions = sessions;
        _ledger = ledger;
        _options = options ?? new CalendarTriggerOptions();
    }

    /// <summary>
    /// Derives the <c>Idempotency-Key</c> of a calendar event: <c>meetstream-calendar-</c> plus 32 hex characters of a
    /// SHA-256 over the user, the event and the occurrence. The same event always gives the same key; the meeting URL
    /// and join time are deliberately left out so a re-fired trigger with a recomputed time still finds the same bot.
    /// </summary>
    /// <param name="calendarEventId">The calendar event id.</param>
    /// <param name="userId">The user, if events ids are only unique per user.</param>
    /// <param name="occurrenceId">The occurrence of a recurring event.</param>
    /// <returns>The key (printable ASCII, 52 characters).</returns>
    public static string CreateIdempotencyKey(string calendarEventId, string? userId = null, string? occurrenceId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(calendarEventId);
        var material = string.Join('\n', "v1", userId ?? string.Empty, calendarEventId, occurrenceId ?? string.Empty);
        return "meetstream-calendar-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(material)), 0, 16).ToLowerInvariant();
    }

    /// <inheritdoc />
    /// <exception cref="LambdaEventException">The event has no usable <c>meeting_url</c> or <c>calendar_event_id</c>.</exception>
    /// <exception cref="LambdaOperationInProgressException">Another invocation is creating the bot for this event right now.</exception>
    public override async Task<CalendarTriggerResult> HandleAsync(CalendarTriggerEvent input, LambdaContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var calendarEvent = string.IsNullOrWhiteSpace(input.MeetingUrl) && input.Detail is { } detail ? detail : input;
        Validate(calendarEvent);
        var calendarEventId = calendarEvent.CalendarEventId!;
        var key = CreateIdempotencyKey(calendarEventId, calendarEvent.UserId, calendarEvent.OccurrenceId);

        var claim = await _ledger.TryBeginAsync(LedgerPrefix + key, cancellationToken).ConfigureAwait(false);
        if (claim == IdempotencyClaim.InProgress)
        {
            throw new LambdaOperationInProgressException($"Another invocation is creating the bot for calendar event {calendarEventId} right now; this one fails so Lambda retries it and then finds that bot.");
        }

        if (claim == IdempotencyClaim.AlreadyProcessed)
        {
            var existing = (await _sessions.FindByCalendarEventAsync(calendarEventId, cancellationToken).ConfigureAwait(false))
                .FirstOrDefault(s => s.IdempotencyKey == key);
            if (existing is not null)
            {
                return Result(existing, key, replayed: true);
            }

            // The index has not caught up yet: creating again is safe, MeetStream replays the same bot for the key.
        }

        try
        {
            var request = (_options.BuildRequest ?? BuildDefaultRequest)(calendarEvent);
            var created = await _client.Bots.CreateAsync(request, key, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrWhiteSpace(created.BotId))
            {
                throw new MeetStreamException($"MeetStream answered create_bot for calendar event {calendarEventId} without a bot_id; nothing was recorded and Lambda will retry with the same Idempotency-Key.");
            }

            var session = await _sessions.RecordScheduledAsync(
                new ScheduledBotSession
                {
                    BotId = created.BotId,
                    CalendarEventId = calendarEventId,
                    UserId = calendarEvent.UserId,
                    MeetingUrl = calendarEvent.MeetingUrl,
                    JoinAt = calendarEvent.JoinAt,
                    IdempotencyKey = key,
                    Status = created.Status,
                    TranscriptId = created.TranscriptId,
                    FirstCheckAt = Later(calendarEvent.JoinAt, Now) + _options.FirstCheckAfter,
                },
                cancellationToken).ConfigureAwait(false);
            if (claim == IdempotencyClaim.Claimed)
            {
                await _ledger.CompleteAsync(LedgerPrefix + key, cancellationToken).ConfigureAwait(false);
            }

            return Result(session, key, replayed: created.IsReplay || claim == IdempotencyClaim.AlreadyProcessed);
        }
        catch when (claim == IdempotencyClaim.Claimed)
        {
            await ReleaseQuietlyAsync(LedgerPrefix + key).ConfigureAwait(false);
            throw;
        }
    }

    private DateTimeOffset Now => _options.TimeProvider.GetUtcNow();

    private CreateBotRequest BuildDefaultRequest(CalendarTriggerEvent e)
    {
        var attributes = new Dictionary<string, string>(e.CustomAttributes ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            ["calendar_event_id"] = e.CalendarEventId!,
        };
        if (!string.IsNullOrWhiteSpace(e.UserId))
        {
            attributes["user_id"] = e.UserId;
        }

        if (!string.IsNullOrWhiteSpace(e.Title))
        {
            attributes["meeting_title"] = e.Title;
        }

        return new CreateBotRequest
        {
            MeetingLink = e.MeetingUrl!,
            BotName = string.IsNullOrWhiteSpace(e.BotName) ? _options.DefaultBotName : e.BotName,
            JoinAt = e.JoinAt is { } joinAt && joinAt > Now ? joinAt : null,
            CallbackUrl = _options.CallbackUrl is not { } callback ? null
                : _options.CallbackTokenIssuer is { CanCreateCallbackUrls: true } issuer ? issuer.CreateCallbackUrl(callback).AbsoluteUri
                : callback.AbsoluteUri,
            CustomAttributes = attributes,
            RecordingConfig = new RecordingConfig
            {
                Transcript = _options.TranscriptionProvider is { } provider ? new TranscriptConfig { Provider = provider } : null,
                Retention = RetentionConfig.Timed(_options.RetentionHours),
            },
        };
    }

    private static void Validate(CalendarTriggerEvent e)
    {
        if (string.IsNullOrWhiteSpace(e.CalendarEventId))
        {
            throw new LambdaEventException("The calendar trigger event has no calendar_event_id; it is required (it decides the Idempotency-Key that keeps repeated triggers from creating a second bot).");
        }

        if (string.IsNullOrWhiteSpace(e.MeetingUrl)
            || !Uri.TryCreate(e.MeetingUrl, UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new LambdaEventException($"The calendar trigger event for {e.CalendarEventId} has no meeting_url that is an absolute http(s) URL.");
        }
    }

    private static DateTimeOffset Later(DateTimeOffset? a, DateTimeOffset b) => a is { } value && value > b ? value : b;

    private static CalendarTriggerResult Result(BotSessionRecord session, string key, bool replayed) => new()
    {
        BotId = session.BotId,
        CalendarEventId = session.CalendarEventId ?? string.Empty,
        IdempotencyKey = key,
        TranscriptId = session.TranscriptId,
        Status = session.Status?.Value,
        Replayed = replayed,
    };

    private async Task ReleaseQuietlyAsync(string key)
    {
        try
        {
            await _ledger.ReleaseAsync(key, CancellationToken.None).ConfigureAwait(false);
        }
        catch (LambdaStorageException)
        {
            // The claim's lease expires by itself; the original error is what Lambda must see.
        }
    }
}
