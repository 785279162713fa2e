using System.Security.Cryptography;
using MeetStream.Client.Lambda.Serialization;
using MeetStream.Client.Webhooks;

namespace MeetStream.Client.Lambda;

/// <summary>
/// The webhook function behind API Gateway (REST or HTTP API) or a Function URL: verifies each delivery with the core
/// <see cref="WebhookValidator"/> over the decoded raw body bytes (signed workspace webhooks or callback URL tokens),
/// parses it, deduplicates it with a conditional put, and moves the bot's session forward only (a late or repeated
/// event never overwrites a newer state). <c>transcription.processed</c> marks the transcript pending for the
/// transcript function. It does a few DynamoDB writes and nothing slow, so MeetStream always gets a quick answer.
/// </summary>
/// <remarks>
/// Answers: 200 processed, duplicate or ignored (events without session effect); 401 when verification fails; 400 for
/// unreadable bodies and for JSON objects that name no event (<see cref="WebhookParseError.MissingEventType"/>); 405 for anything but POST; 413 above <see cref="WebhookFunctionOptions.MaxBodyBytes"/>. DynamoDB
/// failures propagate as a function error (API Gateway answers 502): MeetStream does not retry deliveries, so the
/// transcript function's sweep reconciles such sessions through <c>GET /bots/{id}/status</c>.
/// </remarks>
public sealed class WebhookFunction : LambdaHttpFunction
{
    private const string LedgerPrefix = "webhook:";
    private readonly WebhookValidator _validator;
    private readonly IBotSessionStore _sessions;
    private readonly IIdempotencyLedger _ledger;
    private readonly WebhookFunctionOptions _options;

    /// <summary>Initializes the function (once per execution environment).</summary>
    /// <param name="validator">The validator with the signing and/or callback token secrets.</param>
    /// <param name="sessions">The session store.</param>
    /// <param name="ledger">The idempotency ledger for delivery deduplication.</param>
    /// <param name="options">Limits and clock; <see langword="null"/> for the defaults.</param>
    public WebhookFunction(WebhookValidator validator, IBotSessionStore sessions, IIdempotencyLedger ledger, WebhookFunctionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(ledger);
        _validator = validator;
        _sessions = sessions;
        _ledger = ledger;
        _options = options ?? new WebhookFunctionOptions();
    }

    /// <inheritdoc />
    public override async Task<LambdaHttpResponse> HandleAsync(LambdaHttpRequest request, LambdaContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.Equals(request.Method, "POST", StringComparison.Ordinal))
        {
            var notAllowed = Answer(405, new WebhookFunctionResponse { Status = "method_not_allowed", Error = "MeetStream webhooks are POST requests." });
            notAllowed.Headers["Allow"] = "POST";
            return notAllowed;
        }

        if (request.Body.Length > _options.MaxBodyBytes)
        {
            return Answer(413, new WebhookFunctionResponse { Status = "invalid", Error = $"The body has {request.Body.Length} bytes; the limit is {_options.MaxBodyBytes}." });
        }

        var verdict = _validator.Validate(request.Body.Span, name => request.Headers[name], request.GetQueryValue);
        if (!verdict.IsValid)
        {
            return Answer(401, new WebhookFunctionResponse { Status = "unauthorized", Error = verdict.Failure + ": " + verdict.Message });
        }

        if (!WebhookParser.TryParse(request.Body.Span, out var webhookEvent, out var parseError))
        {
            return Answer(400, new WebhookFunctionResponse { Status = "invalid", Error = parseError.Error + ": " + parseError.Message });
        }

        var name = webhookEvent.Type.Value;
        var botId = webhookEvent.BotId;
        if (string.IsNullOrWhiteSpace(botId) || !AffectsSession(webhookEvent))
        {
            return Answer(200, new WebhookFunctionResponse { Status = "ignored", Event = name, BotId = botId });
        }

        var key = LedgerPrefix + (webhookEvent.DeduplicationKey ?? Convert.ToHexString(SHA256.HashData(request.Body.Span)));
        var claim = await _ledger.TryBeginAsync(key, cancellationToken).ConfigureAwait(false);
        if (claim != IdempotencyClaim.Claimed)
        {
            return Answer(200, new WebhookFunctionResponse { Status = "duplicate", Event = name, BotId = botId });
        }

        string effect;
        try
        {
            effect = await ApplyAsync(botId, webhookEvent, cancellationToken).ConfigureAwait(false);
            await _ledger.CompleteAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await ReleaseQuietlyAsync(key).ConfigureAwait(false);
            throw;
        }

        return Answer(200, new WebhookFunctionResponse { Status = "processed", Event = name, BotId = botId, Effect = effect });
    }

    private static bool AffectsSession(WebhookEvent e) => e switch
    {
        BotErrorEvent => false,
        TranscriptionProcessedEvent or TranscriptionFailedEvent => true,
        AudioProcessedEvent or VideoProcessedEvent or ManifestCompletedEvent => true,
        DataDeletionEvent => true,
        BotLifecycleEvent lifecycle => BotLifecycle.StageOf(e.Type) is not null || lifecycle.BotStatus?.LifecycleStage is not null,
        _ => false,
    };

    private async Task<string> ApplyAsync(string botId, WebhookEvent e, CancellationToken cancellationToken)
    {
        var occurredAt = e.Timestamp ?? _options.TimeProvider.GetUtcNow();
        switch (e)
        {
            case TranscriptionProcessedEvent:
                return Effect(await _sessions.MarkTranscriptPendingAsync(botId, cancellationToken).ConfigureAwait(false));
            case TranscriptionFailedEvent failed:
                var note = "MeetStream reported transcription.failed" + (string.IsNullOrWhiteSpace(failed.Message) ? "." : ": " + failed.Message);
                return Effect(await _sessions.CloseTranscriptAsync(botId, TranscriptProgress.Failed, note, cancellationToken).ConfigureAwait(false));
            case AudioProcessedEvent or VideoProcessedEvent or ManifestCompletedEvent:
                await _sessions.RecordArtifactAsync(botId, e.Type.Value, occurredAt, cancellationToken).ConfigureAwait(false);
                return "recorded";
        }

        var name = e.Type.Value;
        var lifecycle = e as BotLifecycleEvent;
        var status = lifecycle?.BotStatus is { LifecycleStage: not null } reported
            ? reported
            : BotLifecycle.StatusOf(e.Type) ?? BotStatus.MediaExpired;
        var change = new SessionStateChange
        {
            Status = status,
            Stage = BotLifecycle.StageOf(e.Type) ?? status.LifecycleStage ?? BotLifecycleStage.MediaExpired,
            Event = name,
            OccurredAt = occurredAt,
            StopReason = (e as BotStoppedEvent)?.Reason.Value,
        };
        return Effect(await _sessions.ApplyStateAsync(botId, change, cancellationToken).ConfigureAwait(false));
    }

    private static string Effect(SessionUpdate update) => update == SessionUpdate.Applied ? "applied" : "stale";

    private static LambdaHttpResponse Answer(int statusCode, WebhookFunctionResponse body) =>
        LambdaHttpResponse.Json(statusCode, body, LambdaJsonContext.Default.WebhookFunctionResponse);

    private async Task ReleaseQuietlyAsync(string key)
    {
        try
        {
            await _ledger.ReleaseAsync(key, CancellationToken.None).ConfigureAwait(false);
        }
        catch (LambdaStorageException)
        {
            // The claim's lease ends by itself; the original error is what Lambda must see.
        }
    }
}
