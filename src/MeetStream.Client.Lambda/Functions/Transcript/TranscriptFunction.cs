using System.Text;
using System.Text.Json;
using MeetStream.Client.Analytics;
using MeetStream.Client.Lambda.Functions;
using MeetStream.Client.Lambda.Serialization;

namespace MeetStream.Client.Lambda;

/// <summary>
/// The transcript function: fetches post-call transcripts into S3 (never into the DynamoDB item, whose limit is
/// 400 KB), stores its talk-time analytics beside it (<c>{transcript_id}.analytics.json</c>,
/// <see cref="MeetingAnalyticsDocument"/>) and records the S3 key on the session. Three triggers, told apart by the event:
/// DynamoDB Streams records (a session turned <c>pending</c> after <c>transcription.processed</c>), a schedule (any
/// other event, e.g. EventBridge's <c>Scheduled Event</c>: sweeps due sessions) and a direct invoke
/// (<c>{"bot_id": "..."}</c> or <c>{"bot_ids": [...]}</c>).
/// </summary>
/// <remarks>
/// The transcript id comes from <c>bot_details.transcript_id</c>, else the newest successful run of
/// <c>/bots/{id}/transcriptions</c>. A fetch is claimed first, so concurrent invocations never fetch one transcript
/// twice. The sweep is also the stale-session check: a bot still in its meeting is reconciled through
/// <c>GET /bots/{id}/status</c> (repairing lost webhooks); a bot stopped for <see cref="TranscriptFunctionOptions.StaleAfter"/>
/// without a transcript is retried every <see cref="TranscriptFunctionOptions.RetryInterval"/> and flagged after
/// <see cref="TranscriptFunctionOptions.MaxAttempts"/>; a bot never admitted is flagged at once.
/// </remarks>
public sealed class TranscriptFunction : LambdaJsonFunction<JsonElement, TranscriptRunResult>
{
    private readonly IMeetStreamClient _client;
    private readonly IBotSessionStore _sessions;
    private readonly ITranscriptStore _transcripts;
    private readonly TranscriptFunctionOptions _options;

    /// <summary>Initializes the function (once per execution environment).</summary>
    /// <param name="client">The MeetStream client.</param>
    /// <param name="sessions">The session store.</param>
    /// <param name="transcripts">Where transcripts are written.</param>
    /// <param name="options">Sweep timing; <see langword="null"/> for the defaults.</param>
    public TranscriptFunction(IMeetStreamClient client, IBotSessionStore sessions, ITranscriptStore transcripts, TranscriptFunctionOptions? options = null)
        : base(LambdaJsonContext.Default.JsonElement, LambdaJsonContext.Default.TranscriptRunResult)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(transcripts);
        _client = client;
        _sessions = sessions;
        _transcripts = transcripts;
        _options = options ?? new TranscriptFunctionOptions();
        if (_options.MaxAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.MaxAttempts, "TranscriptFunctionOptions.MaxAttempts must be at least 1.");
        }
    }

    private enum Trigger
    {
        Stream,
        Schedule,
        Direct,
    }

    /// <inheritdoc />
    /// <exception cref="TranscriptRunException">A scheduled or multi-bot run had failures (the rest was processed).</exception>
    public override async Task<TranscriptRunResult> HandleAsync(JsonElement input, LambdaContext context, CancellationToken cancellationToken = default)
    {
        if (input.ValueKind == JsonValueKind.Object && input.TryGetProperty("Records", out var records) && records.ValueKind == JsonValueKind.Array)
        {
            return await HandleStreamAsync(input, cancellationToken).ConfigureAwait(false);
        }

        var direct = DirectBotIds(input);
        if (direct.Count == 1)
        {
            return new TranscriptRunResult { Results = [await ProcessAsync(direct[0], Trigger.Direct, cancellationToken).ConfigureAwait(false)] };
        }

        var botIds = direct.Count > 0 ? direct : await DueSessionsAsync(cancellationToken).ConfigureAwait(false);
        return await ProcessAllAsync(botIds, direct.Count > 0 ? Trigger.Direct : Trigger.Schedule, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Processes one session now (the direct-invoke path), whatever its due time.</summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The outcome.</returns>
    public Task<TranscriptSessionResult> ProcessSessionAsync(string botId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(botId);
        return ProcessAsync(botId, Trigger.Direct, cancellationToken);
    }

    private DateTimeOffset Now => _options.TimeProvider.GetUtcNow();

    private static List<string> DirectBotIds(JsonElement input)
    {
        var ids = new List<string>();
        if (input.ValueKind != JsonValueKind.Object)
        {
            return ids;
        }

        if (input.TryGetProperty("bot_id", out var one) && one.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(one.GetString()))
        {
            ids.Add(one.GetString()!);
        }

        if (input.TryGetProperty("bot_ids", out var many) && many.ValueKind == JsonValueKind.Array)
        {
            ids.AddRange(many.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).Where(s => !string.IsNullOrWhiteSpace(s)));
        }

        return ids.Distinct(StringComparer.Ordinal).ToList();
    }

    private async Task<IReadOnlyList<string>> DueSessionsAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        var pending = await _sessions.ListDueAsync(TranscriptProgress.Pending, now, _options.SweepLimit, cancellationToken).ConfigureAwait(false);
        var awaiting = await _sessions.ListDueAsync(TranscriptProgress.Awaiting, now, _options.SweepLimit, cancellationToken).ConfigureAwait(false);
        return pending.Concat(awaiting).Distinct(StringComparer.Ordinal).ToList();
    }

    private async Task<TranscriptRunResult> HandleStreamAsync(JsonElement input, CancellationToken cancellationToken)
    {
        var batch = input.Deserialize(LambdaJsonContext.Default.DynamoDbStreamEvent);
        var results = new List<TranscriptSessionResult>();
        var failures = new List<StreamBatchItemFailure>();
        foreach (var record in batch?.Records ?? [])
        {
            var change = record.Dynamodb;
            var botId = change?.Keys is { } keys && keys.TryGetValue("bot_id", out var key) ? key.S : null;
            var becamePending = change?.NewImage is { } image && image.TryGetValue("work_state", out var state) && state.S == "pending"
                && !(change.OldImage is { } old && old.TryGetValue("work_state", out var oldState) && oldState.S == "pending");
            if (botId is null || !becamePending)
            {
                continue;
            }

            try
            {
                results.Add(await ProcessAsync(botId, Trigger.Stream, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                results.Add(Failed(botId, ex));
                if (change!.SequenceNumber is { } sequence)
                {
                    failures.Add(new StreamBatchItemFailure { ItemIdentifier = sequence });
                }
            }
        }

        return new TranscriptRunResult { Results = results, BatchItemFailures = failures };
    }

    private async Task<TranscriptRunResult> ProcessAllAsync(IReadOnlyList<string> botIds, Trigger trigger, CancellationToken cancellationToken)
    {
        var results = new List<TranscriptSessionResult>();
        Exception? first = null;
        foreach (var botId in botIds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                results.Add(await ProcessAsync(botId, trigger, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                first ??= ex;
                results.Add(Failed(botId, ex));
            }
        }

        if (first is not null)
        {
            var failed = results.Where(r => r.Outcome == "failed").ToList();
            throw new TranscriptRunException(
                $"{failed.Count} of {results.Count} sessions failed ({string.Join("; ", failed.Select(f => f.BotId + ": " + f.Note))}); the others were processed and the failed ones are left for Lambda's retry or the next run.",
                results,
                first);
        }

        return new TranscriptRunResult { Results = results };
    }

    private async Task<TranscriptSessionResult> ProcessAsync(string botId, Trigger trigger, CancellationToken cancellationToken)
    {
        var session = await _sessions.GetAsync(botId, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return Result(botId, "unknown_session", note: "No session is stored for this bot.");
        }

        if (session.Transcript == TranscriptProgress.Stored
            || (trigger != Trigger.Direct && session.Transcript is TranscriptProgress.Failed or TranscriptProgress.Flagged))
        {
            return Result(botId, "already_final", session.TranscriptId, session.TranscriptS3Key);
        }

        if (trigger == Trigger.Stream && session.Transcript != TranscriptProgress.Pending)
        {
            return Result(botId, "skipped");
        }

        if (session.Transcript == TranscriptProgress.Pending || trigger == Trigger.Direct)
        {
            return await FetchAsync(session, cancellationToken).ConfigureAwait(false);
        }

        // The sweep of an awaiting session: reconcile a running bot, wait for a stopped one, then look for the transcript.
        var now = Now;
        var status = session.Status;
        var stage = session.Stage;
        if (stage is not >= BotLifecycleStage.Stopped)
        {
            var current = await _client.Bots.GetStatusAsync(botId, cancellationToken).ConfigureAwait(false);
            if (current.Status is { LifecycleStage: { } reportedStage } reported && (stage is null || reportedStage > stage))
            {
                await _sessions.ApplyStateAsync(botId, new SessionStateChange { Status = reported, Stage = reportedStage, Event = "status.reconciled", OccurredAt = now }, cancellationToken).ConfigureAwait(false);
                status = reported;
                stage = reportedStage;
            }

            if (stage is not >= BotLifecycleStage.Stopped)
            {
                await _sessions.RescheduleAsync(botId, now + _options.RunningCheckInterval, countAttempt: false, cancellationToken).ConfigureAwait(false);
                return Result(botId, "still_running", note: "The bot is " + (status?.Value ?? "not started") + "; checked again later.");
            }
        }

        if (status is { } final && (final.Equals(BotStatus.NotAllowed) || final.Equals(BotStatus.Denied)))
        {
            var note = $"The bot was never admitted ({final.Value}), so nothing was recorded and no transcript will come.";
            await _sessions.CloseTranscriptAsync(botId, TranscriptProgress.Flagged, note, cancellationToken).ConfigureAwait(false);
            return Result(botId, "flagged", note: note);
        }

        var stoppedAt = session.StoppedAt ?? session.LastEventAt ?? now;
        if (now < stoppedAt + _options.StaleAfter)
        {
            await _sessions.RescheduleAsync(botId, stoppedAt + _options.StaleAfter, countAttempt: false, cancellationToken).ConfigureAwait(false);
            return Result(botId, "waiting", note: "Stopped at " + stoppedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture) + "; waiting for transcription.processed.");
        }

        return await FetchAsync(session, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TranscriptSessionResult> FetchAsync(BotSessionRecord session, CancellationToken cancellationToken)
    {
        var botId = session.BotId;
        if (!await _sessions.TryClaimTranscriptFetchAsync(botId, _options.FetchLease, cancellationToken).ConfigureAwait(false))
        {
            return Result(botId, "claimed_elsewhere");
        }

        string? transcriptId = null;
        try
        {
            transcriptId = await FindTranscriptIdAsync(session, cancellationToken).ConfigureAwait(false);
            if (transcriptId is null)
            {
                return await NotReadyAsync(session, null, "MeetStream reports no transcript for the bot yet.", cancellationToken).ConfigureAwait(false);
            }

            Transcript transcript;
            try
            {
                transcript = await _client.Transcripts.GetAsync(transcriptId, cancellationToken).ConfigureAwait(false);
            }
            catch (MeetStreamNotReadyException ex)
            {
                return await NotReadyAsync(session, transcriptId, "The transcript is still processing: " + (ex.ApiMessage ?? "202"), cancellationToken).ConfigureAwait(false);
            }
            catch (MeetStreamNotFoundException)
            {
                return await NotReadyAsync(session, transcriptId, "MeetStream does not know the transcript (404): unknown or its data was deleted.", cancellationToken).ConfigureAwait(false);
            }

            var key = await _transcripts.PutAsync(botId, transcriptId, Encoding.UTF8.GetBytes(transcript.Json.GetRawText()), cancellationToken).ConfigureAwait(false);
            var (analyticsKey, analyticsNote) = await StoreAnalyticsAsync(botId, transcriptId, key, transcript, cancellationToken).ConfigureAwait(false);
            var stored = await _sessions.MarkTranscriptStoredAsync(botId, transcriptId, key, cancellationToken).ConfigureAwait(false);
            return new TranscriptSessionResult
            {
                BotId = botId,
                Outcome = stored == SessionUpdate.Applied ? "stored" : "already_final",
                TranscriptId = transcriptId,
                S3Key = key,
                AnalyticsS3Key = analyticsKey,
                Note = analyticsNote,
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await ReleaseQuietlyAsync(botId).ConfigureAwait(false);
            throw;
        }
    }

    // The analytics are computed from the transcript just stored and written beside it. A transcript the analyzer cannot
    // use (no timings, no speakers) stores no analytics and says why in the note; a storage failure propagates like the
    // transcript's own (the retry rewrites both).
    private async Task<(string? Key, string? Note)> StoreAnalyticsAsync(string botId, string transcriptId, string transcriptKey, Transcript transcript, CancellationToken cancellationToken)
    {
        if (!_options.StoreAnalytics)
        {
            return (null, null);
        }

        MeetingAnalyticsDocument document;
        try
        {
            var report = TalkTimeAnalyzer.FromTranscript(transcript, _options.Analytics);
            document = MeetingAnalyticsDocument.Create(report, botId, transcriptId, transcriptKey, Now);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or ArithmeticException)
        {
            return (null, "No analytics: " + ex.Message);
        }

        var key = await _transcripts.PutAnalyticsAsync(botId, transcriptId, document.ToUtf8Json(), cancellationToken).ConfigureAwait(false);
        return (key, null);
    }

    private async Task<string?> FindTranscriptIdAsync(BotSessionRecord session, CancellationToken cancellationToken)
    {
        var details = await _client.Bots.GetDetailsAsync(session.BotId, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrWhiteSpace(details.TranscriptId))
        {
            return details.TranscriptId;
        }

        var runs = await _client.Transcripts.ListForBotAsync(session.BotId, cancellationToken).ConfigureAwait(false);
        var newest = (runs.Transcriptions ?? [])
            .Where(r => r.Status is { } s && s.Equals(TranscriptionStatus.Success) && !string.IsNullOrWhiteSpace(r.TranscriptId))
            .OrderByDescending(r => r.CreatedAt, StringComparer.Ordinal)
            .FirstOrDefault();
        return newest?.TranscriptId;
    }

    private async Task<TranscriptSessionResult> NotReadyAsync(BotSessionRecord session, string? transcriptId, string reason, CancellationToken cancellationToken)
    {
        var attempts = session.TranscriptAttempts + 1;
        if (attempts >= _options.MaxAttempts)
        {
            var note = $"No transcript after {attempts} attempts: {reason}";
            await _sessions.CloseTranscriptAsync(session.BotId, TranscriptProgress.Flagged, note, cancellationToken).ConfigureAwait(false);
            return Result(session.BotId, "flagged", transcriptId, note: note);
        }

        await _sessions.RescheduleAsync(session.BotId, Now + _options.RetryInterval, countAttempt: true, cancellationToken).ConfigureAwait(false);
        return Result(session.BotId, "not_ready", transcriptId, note: reason);
    }

    private async Task ReleaseQuietlyAsync(string botId)
    {
        try
        {
            await _sessions.RescheduleAsync(botId, Now + _options.RetryInterval, countAttempt: false, CancellationToken.None).ConfigureAwait(false);
        }
        catch (LambdaStorageException)
        {
            // The claim's lease ends by itself; the original error is what Lambda must see.
        }
    }

    private static TranscriptSessionResult Result(string botId, string outcome, string? transcriptId = null, string? s3Key = null, string? note = null) =>
        new() { BotId = botId, Outcome = outcome, TranscriptId = transcriptId, S3Key = s3Key, Note = note };

    private static TranscriptSessionResult Failed(string botId, Exception ex) =>
        Result(botId, "failed", note: ex.GetType().Name + ": " + ex.Message);
}
