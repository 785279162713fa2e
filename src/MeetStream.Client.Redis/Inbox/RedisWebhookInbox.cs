using MeetStream.Client.AspNetCore.Internal;
using MeetStream.Client.Redis.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace MeetStream.Client.Redis.Inbox;

/// <summary>
/// The durable <see cref="IWebhookInbox"/>: appends each verified delivery (raw body, the stored headers, receive time,
/// event name) to the inbox stream with <c>XADD … MAXLEN ~</c> before the endpoint answers 200. Any Redis failure, or
/// no stored answer within the package's one outage bound (<see cref="MeetStreamRedisOptions.DeliveryTimeout"/>,
/// which replaces the endpoint's <c>EnqueueTimeout</c> here), is <see cref="WebhookInboxResult.Unavailable"/> (503).
/// </summary>
internal sealed class RedisWebhookInbox : IWebhookInbox
{
    private readonly RedisConnection _connection;
    private readonly RedisWebhookInboxOptions _options;
    private readonly RedisInboxSignal _signal;
    private readonly ILogger _logger;

    public RedisWebhookInbox(RedisConnection connection, IOptions<RedisWebhookInboxOptions> options, RedisInboxSignal signal, ILogger<RedisWebhookInbox> logger)
    {
        _connection = connection;
        _options = options.Value;
        _signal = signal;
        _logger = logger;
    }

    public async ValueTask<WebhookInboxResult> AppendAsync(WebhookInboxDelivery delivery, TimeSpan timeout, CancellationToken requestAborted)
    {
        var fields = new List<NameValueEntry>(3 + _options.StoredHeaders.Count)
        {
            new(RedisInboxFields.Body, delivery.Body.ToArray()),
            new(RedisInboxFields.ReceivedAt, RedisInboxFields.Time(delivery.ReceivedAt)),
            new(RedisInboxFields.EventType, delivery.Event.GetType().Name),
        };
        foreach (var name in _options.StoredHeaders)
        {
            if (delivery.Headers.TryGetValue(name, out var value))
            {
                fields.Add(new(RedisInboxFields.HeaderPrefix + name.ToLowerInvariant(), value.ToString()));
            }
        }

        // The sender going away does not cancel the append (bounded by DeliveryTimeout): the outcome is then definite, so
        // the endpoint keeps the deduplication key exactly when the entry was stored.
        _ = requestAborted;
        _ = timeout;
        try
        {
            await _connection.RunForDeliveryAsync(
                database => database.StreamAddAsync(_options.StreamKey, [.. fields], maxLength: _options.MaxLength, useApproximateMaxLength: true),
                _connection.Options.DeliveryTimeout,
                CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            RedisInboxLog.AppendFailed(_logger, _options.StreamKey, ex.GetType().Name, ex);
            RedisInboxMetrics.AppendFailures.Add(1);
            return WebhookInboxResult.Unavailable;
        }

        _signal.Wake();
        return WebhookInboxResult.Accepted;
    }
}
