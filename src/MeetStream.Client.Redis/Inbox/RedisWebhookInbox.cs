using MeetStream.Client.AspNetCore.Internal;
using MeetStream.Client.AspNetCore;
using MeetStream.Client.Redis.Configuration;
using MeetStream.Client.Redis.Deduplication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace MeetStream.Client.Redis.Inbox;

/// <summary>
/// The durable <see cref="IWebhookInbox"/>: appends each verified delivery (raw body, the stored headers, receive time,
/// event name) to the inbox stream with <c>XADD … MAXLEN ~</c> before the endpoint answers 200. Any Redis failure, or
/// no stored answer within the package's one outage bound (<see cref="MeetStreamRedisOptions.DeliveryTimeout"/>,
/// which replaces the endpoint's <c>EnqueueTimeout</c> here), is <see cref="WebhookInboxResult.Unavailable"/> (503).
/// With the shared Redis deduplication on (<see cref="MeetStreamRedisOptions.EnableDeduplication"/>) it
/// <see cref="DeduplicatesOnAppend"/>: one <see cref="RedisClaimAndAppendScript"/> claims the key and appends, so the
/// endpoint makes one Redis round trip and nothing is left to release when it fails; a Redis failure then throws (the
/// endpoint answers as for a failed claim) unless <see cref="MeetStreamRedisOptions.WhenDeduplicationUnavailable"/>
/// says to process anyway (then <see cref="WebhookInboxResult.Unavailable"/>: Redis could not store it either).
/// </summary>
internal sealed class RedisWebhookInbox : IWebhookInbox
{
    private readonly RedisConnection _connection;
    private readonly RedisWebhookInboxOptions _options;
    private readonly RedisInboxSignal _signal;
    private readonly ILogger _logger;
    private readonly TimeSpan _deduplicationExpiry;

    public RedisWebhookInbox(RedisConnection connection, IOptions<RedisWebhookInboxOptions> options, IOptions<MeetStreamWebhookOptions> webhooks, RedisInboxSignal signal, ILogger<RedisWebhookInbox> logger)
    {
        _connection = connection;
        _options = options.Value;
        _signal = signal;
        _logger = logger;
        DeduplicatesOnAppend = connection.Options.EnableDeduplication;
        _deduplicationExpiry = connection.Options.DeduplicationExpiry ?? webhooks.Value.DeduplicationExpiry;
    }

    /// <summary>Gets a value indicating whether the key is claimed in the append's script (the shared Redis deduplication is on).</summary>
    public bool DeduplicatesOnAppend { get; }

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
        var claim = DeduplicatesOnAppend ? delivery.DeduplicationKey : null;
        try
        {
            if (claim is null)
            {
                await _connection.RunForDeliveryAsync(
                    database => database.StreamAddAsync(_options.StreamKey, [.. fields], maxLength: _options.MaxLength, useApproximateMaxLength: true),
                    _connection.Options.DeliveryTimeout,
                    CancellationToken.None).ConfigureAwait(false);
            }
            else
            {
                var key = RedisWebhookDeduplicationStore.KeyFor(_connection, claim);
                var id = await _connection.RunForDeliveryAsync(
                    database => RedisClaimAndAppendScript.RunAsync(database, key, _options.StreamKey, _deduplicationExpiry, _options.MaxLength, fields),
                    _connection.Options.DeliveryTimeout,
                    CancellationToken.None).ConfigureAwait(false);
                if (id is null)
                {
                    RedisMetrics.Dedup("duplicate");
                    return WebhookInboxResult.Duplicate;
                }

                RedisMetrics.Dedup("claimed");
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            RedisInboxLog.AppendFailed(_logger, _options.StreamKey, ex.GetType().Name, ex);
            RedisInboxMetrics.AppendFailures.Add(1);
            if (claim is not null)
            {
                // Nothing was written, or (a timeout after the script was sent) both were: a retry is then a duplicate.
                if (_connection.Options.WhenDeduplicationUnavailable != RedisUnavailableBehavior.Process)
                {
                    RedisMetrics.Dedup("unavailable");
                    throw;
                }

                RedisMetrics.Dedup("processed_unavailable");
            }

            return WebhookInboxResult.Unavailable;
        }

        _signal.Wake();
        return WebhookInboxResult.Accepted;
    }
}
