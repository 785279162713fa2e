using System.Buffers;
using System.Text.Json;
using MeetStream.Client.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeetStream.Client.AspNetCore.Internal;

/// <summary>
/// Handles one webhook POST: reads the raw body within the size limit (413), validates it (401), parses it (400, also
/// for a JSON object that names no event: <see cref="WebhookParseError.MissingEventType"/>),
/// drops duplicates (200; 503 when the deduplication store throws, e.g. a shared store that is down; an inbox that
/// <see cref="IWebhookInbox.DeduplicatesOnAppend"/> claims and stores in one step instead), hands the delivery
/// to the <see cref="IWebhookInbox"/> (the in-memory queue waits for room, 503 only if none comes in time; a durable
/// inbox answers 503 when its store fails) and answers 200 as soon as the event is stored. Reads everything from
/// <see cref="HttpContext"/> itself: no reflection-based binding.
/// </summary>
internal sealed class WebhookEndpoint
{
    private const int InitialBufferBytes = 16 * 1024;

    private static readonly byte[] AcceptedBody = """{"status":"accepted"}"""u8.ToArray();
    private static readonly byte[] DuplicateBody = """{"status":"duplicate"}"""u8.ToArray();

    private readonly MeetStreamWebhookOptions _options;
    private readonly WebhookValidator _validator;
    private readonly IWebhookDeduplicationStore _deduplication;
    private readonly IWebhookInbox _inbox;
    private readonly IWebhookEventObserver[] _observers;
    private readonly ILogger _logger;

    public WebhookEndpoint(IOptions<MeetStreamWebhookOptions> options, WebhookValidator validator, IWebhookDeduplicationStore deduplication, IWebhookInbox inbox, IEnumerable<IWebhookEventObserver> observers, ILogger<WebhookEndpoint> logger)
    {
        _observers = observers.ToArray();
        _options = options.Value;
        _validator = validator;
        _deduplication = deduplication;
        _inbox = inbox;
        _logger = logger;
    }

    private void Notify(WebhookEvent webhookEvent)
    {
        foreach (var observer in _observers)
        {
            try
            {
                observer.Observe(webhookEvent);
            }
            catch (Exception ex)
            {
                WebhookLog.ObserverFailed(_logger, observer.GetType().Name, webhookEvent.Describe(), ex);
            }
        }
    }

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var remote = context.Connection.RemoteIpAddress?.ToString();
        var max = _options.MaxBodyBytes;
        if (request.ContentLength > max)
        {
            await RejectTooLargeAsync(context, remote).ConfigureAwait(false);
            return;
        }

        byte[]? buffer = null;
        try
        {
            int length;
            (buffer, length) = await ReadBodyAsync(context, max).ConfigureAwait(false);
            if (length > max)
            {
                await RejectTooLargeAsync(context, remote).ConfigureAwait(false);
                return;
            }

            await ProcessAsync(context, buffer.AsMemory(0, length), remote).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await RejectTooLargeAsync(context, remote).ConfigureAwait(false);
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private async Task ProcessAsync(HttpContext context, ReadOnlyMemory<byte> body, string? remote)
    {
        var headers = context.Request.Headers;
        var query = context.Request.Query;
        var validation = _validator.Validate(
            body.Span,
            name => headers.TryGetValue(name, out var value) ? value.ToString() : null,
            name => query.TryGetValue(name, out var value) ? value.ToString() : null);
        if (!validation.IsValid)
        {
            WebhookMetrics.Delivery("unauthorized");
            WebhookLog.Unauthorized(_logger, validation.Failure.ToString(), remote, validation.Message);
            await WriteProblemAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized", validation.Message, "reason", validation.Failure.ToString()).ConfigureAwait(false);
            return;
        }

        WebhookEvent webhookEvent;
        try
        {
            webhookEvent = WebhookParser.Parse(body.Span, _options.MaxBodyBytes);
        }
        catch (WebhookParseException ex)
        {
            WebhookMetrics.Malformed(ex.Error.ToString());
            WebhookLog.Malformed(_logger, ex.Error.ToString(), remote, ex.Message);
            await WriteProblemAsync(context, StatusCodes.Status400BadRequest, "Bad Request", ex.Message, "error", ex.Error.ToString()).ConfigureAwait(false);
            return;
        }

        var key = webhookEvent.DeduplicationKey;
        var cancellationToken = context.RequestAborted;
        var deduplicate = _options.EnableDeduplication && key is not null;

        // An inbox that claims the key in the same atomic step as the append (e.g. Redis): no separate claim, nothing
        // to release on failure.
        var atomic = deduplicate && _inbox.DeduplicatesOnAppend;
        WebhookInboxResult? atomicResult = null;
        bool claimed;
        try
        {
            if (atomic)
            {
                var claimAndStore = new WebhookInboxDelivery(webhookEvent, body, context.Request.Headers, _options.TimeProvider.GetUtcNow()) { DeduplicationKey = key };
                atomicResult = await _inbox.AppendAsync(claimAndStore, _options.EnqueueTimeout, cancellationToken).ConfigureAwait(false);
                claimed = atomicResult != WebhookInboxResult.Duplicate;
            }
            else
            {
                // Not cancelled when the sender goes away: a shared store may already hold the key (the command reached
                // Redis), so the delivery must then be stored too, or the sender's retry is a "duplicate" of nothing.
                claimed = !deduplicate || await _deduplication.TryClaimAsync(key!, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A shared store (e.g. Redis) that cannot answer: refuse visibly rather than risk handling a duplicate twice.
            WebhookMetrics.Delivery("unavailable");
            WebhookLog.DeduplicationUnavailable(_logger, ex.GetType().Name, webhookEvent.Describe(), ex);
            context.Response.Headers.RetryAfter = "5";
            await WriteProblemAsync(context, StatusCodes.Status503ServiceUnavailable, "Service Unavailable", "The webhook deduplication store is unavailable.", "reason", "DeduplicationUnavailable").ConfigureAwait(false);
            return;
        }

        if (!claimed)
        {
            WebhookMetrics.Delivery("duplicate");
            WebhookLog.Duplicate(_logger, webhookEvent.Describe());
            await WriteJsonAsync(context, StatusCodes.Status200OK, DuplicateBody).ConfigureAwait(false);
            return;
        }

        WebhookInboxResult result;
        if (atomicResult is { } stored)
        {
            result = stored;
        }
        else
        {
            var delivery = new WebhookInboxDelivery(webhookEvent, body, context.Request.Headers, _options.TimeProvider.GetUtcNow());
            result = await _inbox.AppendAsync(delivery, _options.EnqueueTimeout, cancellationToken).ConfigureAwait(false);
        }

        if (result == WebhookInboxResult.Accepted)
        {
            Notify(webhookEvent);
            WebhookMetrics.Delivery("accepted");
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                WebhookLog.Accepted(_logger, validation.Authentication.ToString(), webhookEvent.Describe());
            }

            await WriteJsonAsync(context, StatusCodes.Status200OK, AcceptedBody).ConfigureAwait(false);
            return;
        }

        // Not accepted: forget the key so a later delivery of the same event is processed (an atomic inbox wrote nothing).
        if (deduplicate && !atomic && key is not null)
        {
            await _deduplication.ReleaseAsync(key, CancellationToken.None).ConfigureAwait(false);
        }

        switch (result)
        {
            case WebhookInboxResult.Aborted:
                WebhookMetrics.Delivery("aborted");
                WebhookLog.Abandoned(_logger, webhookEvent.Describe());
                break;
            case WebhookInboxResult.Closed:
                WebhookMetrics.Delivery("unavailable");
                WebhookLog.ShuttingDown(_logger, webhookEvent.Describe());
                context.Response.Headers.RetryAfter = "5";
                await WriteProblemAsync(context, StatusCodes.Status503ServiceUnavailable, "Service Unavailable", "The webhook endpoint is shutting down.", "reason", "ShuttingDown").ConfigureAwait(false);
                break;
            case WebhookInboxResult.Unavailable:
                WebhookMetrics.Delivery("unavailable");
                WebhookLog.InboxUnavailable(_logger, webhookEvent.Describe());
                context.Response.Headers.RetryAfter = "5";
                await WriteProblemAsync(context, StatusCodes.Status503ServiceUnavailable, "Service Unavailable", "The webhook inbox could not store the delivery.", "reason", "InboxUnavailable").ConfigureAwait(false);
                break;
            default:
                WebhookMetrics.Delivery("unavailable");
                WebhookLog.QueueFull(_logger, _options.EnqueueTimeout, (_inbox as WebhookEventQueue)?.Capacity ?? 0, webhookEvent.Describe());
                context.Response.Headers.RetryAfter = "1";
                await WriteProblemAsync(context, StatusCodes.Status503ServiceUnavailable, "Service Unavailable", "The webhook queue is full.", "reason", "QueueFull").ConfigureAwait(false);
                break;
        }
    }

    private static async Task<(byte[] Buffer, int Length)> ReadBodyAsync(HttpContext context, int max)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit
            && (limit.MaxRequestBodySize is null || limit.MaxRequestBodySize < max + 1L))
        {
            limit.MaxRequestBodySize = max + 1L;
        }

        var declared = context.Request.ContentLength;
        var size = declared is { } known ? (int)Math.Min(known + 1, max + 1L) : Math.Min(InitialBufferBytes, max + 1);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(size, 1));
        var length = 0;
        var stream = context.Request.Body;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > max)
                {
                    return (buffer, length);
                }

                var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, max + 1L));
                buffer.AsSpan(0, length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }

            var read = await stream.ReadAsync(buffer.AsMemory(length), context.RequestAborted).ConfigureAwait(false);
            if (read == 0)
            {
                return (buffer, length);
            }

            length += read;
            if (length > max)
            {
                return (buffer, length);
            }
        }
    }

    private async Task RejectTooLargeAsync(HttpContext context, string? remote)
    {
        WebhookMetrics.Delivery("too_large");
        WebhookLog.TooLarge(_logger, remote, _options.MaxBodyBytes);
        await WriteProblemAsync(context, StatusCodes.Status413PayloadTooLarge, "Payload Too Large", $"The webhook body is larger than {_options.MaxBodyBytes} bytes.", "reason", "BodyTooLarge").ConfigureAwait(false);
    }

    private static Task WriteJsonAsync(HttpContext context, int status, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body, 0, body.Length, context.RequestAborted);
    }

    private static async Task WriteProblemAsync(HttpContext context, int status, string title, string detail, string extensionName, string extensionValue)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", status switch
            {
                401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
                413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
                503 => "https://tools.ietf.org/html/rfc9110#section-15.6.4",
                _ => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            });
            writer.WriteString("title", title);
            writer.WriteNumber("status", status);
            writer.WriteString("detail", detail);
            writer.WriteString(extensionName, extensionValue);
            writer.WriteEndObject();
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json";
        context.Response.ContentLength = buffer.WrittenCount;
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }
}
