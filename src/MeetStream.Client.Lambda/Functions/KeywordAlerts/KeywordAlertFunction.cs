using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MeetStream.Client.Keywords;
using MeetStream.Client.Lambda.Functions;
using MeetStream.Client.Lambda.Hosting;
using MeetStream.Client.Lambda.Serialization;
using MeetStream.Client.Webhooks;
using Microsoft.Extensions.Logging;

namespace MeetStream.Client.Lambda;

/// <summary>
/// The keyword-alert function behind API Gateway (REST or HTTP API) or a Function URL, given to bots as their live
/// transcription webhook (<c>live_transcription_required.webhook_url</c>): checks the URL's token, parses each chunk
/// with the core <see cref="WebhookParser"/>, runs it through a <see cref="LiveKeywordSpotter"/> and sends every new
/// hit as one <see cref="KeywordAlertMessage"/> to a queue (<see cref="SqsKeywordAlertQueue"/>), then answers.
/// </summary>
/// <remarks>
/// <para>
/// Live transcript deliveries are not signed, so the URL carries a <c>meetstream_token</c> made by
/// <see cref="WebhookValidator.CreateCallbackUrl(string)"/> and checked in constant time (the validator given to the
/// constructor, normally with only callback token secrets).
/// </para>
/// <para>
/// Answers: 200 <c>processed</c> (with the hit count) or <c>ignored</c> (a body that is not a live transcript chunk);
/// 401 bad or missing token; 400 unreadable body (<see cref="WebhookParseError"/>); 405 anything but POST; 413 above
/// <see cref="KeywordAlertFunctionOptions.MaxBodyBytes"/>; 503 <c>queue_failed</c> when the queue failed, with the
/// hits kept (up to <see cref="KeywordAlertFunctionOptions.MaxPendingAlerts"/>) and sent first by the next invocation of
/// this instance; 500 <c>queue_failed</c> when the queue refused messages as malformed (they are not kept).
/// </para>
/// <para>
/// State is per execution environment: Lambda reuses an instance for many invocations, and the spotter's per-stream
/// state (the end of the previous chunk of each bot and speaker, and what was already alerted) lives in this object.
/// A phrase straddling two chunks that land on different instances is missed, and a chunk repeated to another instance
/// is spotted again; on a FIFO queue the second copy is dropped by SQS (deduplication id = <see cref="KeywordAlertMessage.AlertId"/>).
/// With reserved concurrency 1 every chunk of every meeting reaches the same instance.
/// </para>
/// </remarks>
public sealed class KeywordAlertFunction : LambdaHttpFunction
{
    private readonly WebhookValidator _validator;
    private readonly LiveKeywordSpotter _spotter;
    private readonly IKeywordAlertQueue _queue;
    private readonly KeywordAlertFunctionOptions _options;
    private readonly ILogger _logger;
    private readonly object _pendingGate = new();
    private readonly LinkedList<KeywordAlertMessage> _pending = new();
    private long _sent;
    private long _dropped;

    /// <summary>Initializes the function (once per execution environment).</summary>
    /// <param name="validator">Checks each delivery's URL token (callback token secrets), or allows unsigned deliveries.</param>
    /// <param name="spotter">The keywords; the function keeps one live spotter from it for its lifetime.</param>
    /// <param name="queue">Where hits are sent.</param>
    /// <param name="options">Limits and logging; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">A limit in <paramref name="options"/> is not positive.</exception>
    public KeywordAlertFunction(WebhookValidator validator, KeywordSpotter spotter, IKeywordAlertQueue queue, KeywordAlertFunctionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(spotter);
        ArgumentNullException.ThrowIfNull(queue);
        _options = options ?? new KeywordAlertFunctionOptions();
        if (_options.MaxBodyBytes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.MaxBodyBytes, "KeywordAlertFunctionOptions.MaxBodyBytes must be at least 1.");
        }

        if (_options.MaxPendingAlerts < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.MaxPendingAlerts, "KeywordAlertFunctionOptions.MaxPendingAlerts must not be negative.");
        }

        _validator = validator;
        _spotter = spotter.CreateLiveSpotter();
        _queue = queue;
        _logger = _options.Logger ?? StandardErrorLogger.Instance;
    }

    /// <summary>Gets the number of messages this instance has sent to the queue.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Gets the number of hits dropped because more than <see cref="KeywordAlertFunctionOptions.MaxPendingAlerts"/> were waiting for a failing queue.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Gets the number of hits waiting to be sent again (the queue failed).</summary>
    public int Pending
    {
        get
        {
            lock (_pendingGate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Gets the number of live streams (bot and speaker) the spotter keeps state for.</summary>
    public int TrackedStreams => _spotter.TrackedStreams;

    /// <inheritdoc />
    public override async Task<LambdaHttpResponse> HandleAsync(LambdaHttpRequest request, LambdaContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.Equals(request.Method, "POST", StringComparison.Ordinal))
        {
            var notAllowed = Answer(405, new KeywordAlertFunctionResponse { Status = "method_not_allowed", Error = "Live transcript deliveries are POST requests." });
            notAllowed.Headers["Allow"] = "POST";
            return notAllowed;
        }

        if (request.Body.Length > _options.MaxBodyBytes)
        {
            return Answer(413, new KeywordAlertFunctionResponse { Status = "invalid", Error = $"The body has {request.Body.Length} bytes; the limit is {_options.MaxBodyBytes}." });
        }

        var verdict = _validator.Validate(request.Body.Span, name => request.Headers[name], request.GetQueryValue);
        if (!verdict.IsValid)
        {
            return Answer(401, new KeywordAlertFunctionResponse { Status = "unauthorized", Error = verdict.Failure + ": " + verdict.Message });
        }

        if (!WebhookParser.TryParse(request.Body.Span, out var webhookEvent, out var parseError))
        {
            return Answer(400, new KeywordAlertFunctionResponse { Status = "invalid", Error = parseError.Error + ": " + parseError.Message });
        }

        if (webhookEvent is not LiveTranscriptEvent chunk)
        {
            return Answer(200, new KeywordAlertFunctionResponse { Status = "ignored", BotId = webhookEvent.BotId, Error = "Not a live transcript chunk (" + webhookEvent.Type.Value + ")." });
        }

        var hits = _spotter.Process(chunk);
        var batch = TakePending(hits.Count);
        batch.AddRange(ToMessages(hits));
        if (batch.Count == 0)
        {
            return Answer(200, new KeywordAlertFunctionResponse { Status = "processed", BotId = chunk.BotId });
        }

        IReadOnlyList<KeywordAlertFailure> failures;
        try
        {
            failures = await _queue.SendAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is KeywordAlertQueueException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var pending = KeepPending(batch);
            KeywordAlertLog.QueueFailed(_logger, batch.Count, chunk.BotId, ex.Message, ex);
            return Answer(503, new KeywordAlertFunctionResponse { Status = "queue_failed", BotId = chunk.BotId, Hits = hits.Count, Pending = pending, Error = ex.Message });
        }
        catch
        {
            // Cancelled, or another IKeywordAlertQueue's own failure: the hits wait for the next invocation all the same.
            KeepPending(batch);
            throw;
        }

        Interlocked.Add(ref _sent, batch.Count - failures.Count);
        if (failures.Count == 0)
        {
            return Answer(200, new KeywordAlertFunctionResponse { Status = "processed", BotId = chunk.BotId, Hits = hits.Count, Sent = batch.Count });
        }

        var retryable = failures.Where(f => !f.IsSenderFault).Select(f => f.Message).ToList();
        var kept = KeepPending(retryable);
        var first = failures[0];
        var error = $"SQS did not accept {failures.Count} of {batch.Count} messages ({first.ErrorCode}: {first.Reason})"
            + (retryable.Count < failures.Count ? $"; {failures.Count - retryable.Count} were refused as malformed and are not kept." : "; they are kept for the next invocation.");
        KeywordAlertLog.QueueFailed(_logger, failures.Count, chunk.BotId, error, null);
        return Answer(retryable.Count < failures.Count ? 500 : 503, new KeywordAlertFunctionResponse
        {
            Status = "queue_failed",
            BotId = chunk.BotId,
            Hits = hits.Count,
            Sent = batch.Count - failures.Count,
            Pending = kept,
            Error = error,
        });
    }

    /// <summary>Drops the spotter's state of a bot (call it when the meeting ended, e.g. from another function's event).</summary>
    /// <param name="botId">The bot id.</param>
    public void Complete(string botId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(botId);
        _spotter.Complete(botId);
    }

    /// <summary>
    /// Computes a hit's stable identity (<see cref="KeywordAlertMessage.AlertId"/>): SHA-256 in hex of the bot id, the
    /// speaker, the keyword (its id, else its phrase) and the occurrence, which is the hit's offset from the recording
    /// start when word timings are known, else the chunk's timestamp and the hit's ordinal among the hits of that
    /// keyword in the chunk.
    /// </summary>
    /// <param name="hit">The hit.</param>
    /// <param name="ordinal">The hit's ordinal among the hits of the same keyword and speaker in one chunk (0 for the first).</param>
    /// <returns>64 lower-case hex characters.</returns>
    public static string CreateAlertId(KeywordHit hit, int ordinal = 0)
    {
        ArgumentNullException.ThrowIfNull(hit);
        ArgumentOutOfRangeException.ThrowIfNegative(ordinal);
        var occurrence = hit.Offset is { } offset
            ? "t" + offset.Ticks.ToString(CultureInfo.InvariantCulture)
            : "c" + (hit.Timestamp?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "-") + "#" + ordinal.ToString(CultureInfo.InvariantCulture);
        var identity = string.Join('\u001f', hit.BotId ?? string.Empty, hit.Speaker ?? string.Empty, hit.Keyword.Id ?? hit.Keyword.Phrase, occurrence);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(identity))).ToLowerInvariant();
    }

    private static List<KeywordAlertMessage> ToMessages(IReadOnlyList<KeywordHit> hits)
    {
        var messages = new List<KeywordAlertMessage>(hits.Count);
        for (var i = 0; i < hits.Count; i++)
        {
            var hit = hits[i];
            var ordinal = 0;
            for (var j = 0; j < i; j++)
            {
                if (ReferenceEquals(hits[j].Keyword, hit.Keyword) && string.Equals(hits[j].Speaker, hit.Speaker, StringComparison.Ordinal))
                {
                    ordinal++;
                }
            }

            messages.Add(new KeywordAlertMessage
            {
                BotId = hit.BotId,
                Speaker = hit.Speaker,
                Keyword = hit.Keyword.Phrase,
                KeywordId = hit.Keyword.Id,
                Category = hit.Category,
                MatchedText = hit.MatchedText,
                Context = hit.Context,
                Timestamp = hit.Timestamp,
                OffsetSeconds = hit.Offset?.TotalSeconds,
                CustomAttributes = hit.CustomAttributes,
                AlertId = CreateAlertId(hit, ordinal),
            });
        }

        return messages;
    }

    private List<KeywordAlertMessage> TakePending(int extra)
    {
        lock (_pendingGate)
        {
            var taken = new List<KeywordAlertMessage>(_pending.Count + extra);
            taken.AddRange(_pending);
            _pending.Clear();
            return taken;
        }
    }

    private int KeepPending(IReadOnlyList<KeywordAlertMessage> messages)
    {
        lock (_pendingGate)
        {
            foreach (var message in messages)
            {
                _pending.AddLast(message);
            }

            while (_pending.Count > _options.MaxPendingAlerts)
            {
                _pending.RemoveFirst();
                Interlocked.Increment(ref _dropped);
            }

            return _pending.Count;
        }
    }

    private static LambdaHttpResponse Answer(int statusCode, KeywordAlertFunctionResponse body) =>
        LambdaHttpResponse.Json(statusCode, body, LambdaJsonContext.Default.KeywordAlertFunctionResponse);
}
