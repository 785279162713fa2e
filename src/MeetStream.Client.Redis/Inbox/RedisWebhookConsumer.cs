using System.Collections.Concurrent;
using MeetStream.Client.AspNetCore.Internal;
using MeetStream.Client.Redis.Configuration;
using MeetStream.Client.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace MeetStream.Client.Redis.Inbox;

/// <summary>
/// This replica's consumer of the inbox stream (replaces the in-memory dispatcher): reads new entries through the
/// consumer group (<c>XREADGROUP</c>), claims entries idle longer than <see cref="RedisWebhookInboxOptions.ClaimIdleTime"/>
/// (<c>XAUTOCLAIM</c>: their consumer died or their handler failed), runs the handlers one entry at a time in a fresh
/// DI scope with a <see cref="RedisWebhookDelivery"/>, acknowledges (<c>XACK</c>) only when every handler succeeded,
/// and moves an entry that failed <see cref="RedisWebhookInboxOptions.MaxDeliveryAttempts"/> times (or cannot be
/// parsed) to the dead-letter stream. On shutdown it stops reading and lets the running handler finish until the
/// host's shutdown timeout; an unfinished entry stays pending and another replica claims it.
/// </summary>
/// <remarks>
/// <para><b>Redis outages.</b> After any Redis error (and at start) the consumer first reads its OWN pending entries
/// again (<c>XREADGROUP … 0</c>: the rest of a batch it held when Redis went away, with their delivery count raised) before
/// new ones, so it resumes at once instead of waiting for <see cref="RedisWebhookInboxOptions.ClaimIdleTime"/>. An entry
/// whose handlers succeeded but whose <c>XACK</c> failed is remembered and acknowledged when Redis answers again, not
/// handled a second time (unless this replica dies first: at-least-once).</para>
/// <para><b>Gauges.</b> While a listener observes them, a background loop reads the stream length, pending count and
/// dead-letter length every <see cref="RedisWebhookInboxOptions.ClaimInterval"/> into a <see cref="RedisInboxSnapshot"/>;
/// the gauges' callbacks only read that snapshot.</para>
/// </remarks>
internal sealed class RedisWebhookConsumer : IHostedService, IDisposable
{
    private readonly RedisConnection _connection;
    private readonly RedisWebhookInboxOptions _options;
    private readonly RedisInboxSignal _signal;
    private readonly WebhookHandlerInvoker _invoker;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly ConcurrentDictionary<RedisValue, byte> _held = new();
    private readonly ConcurrentDictionary<RedisValue, byte> _toAcknowledge = new();
    private readonly RedisInboxSnapshot _snapshot;
    private Task? _loop;
    private Task? _heartbeat;
    private Task? _observer;
    private bool _groupReady;
    private bool _readOwnPending = true;
    private long _lastClaim;

    public RedisWebhookConsumer(RedisConnection connection, IOptions<RedisWebhookInboxOptions> options, RedisInboxSignal signal, WebhookHandlerInvoker invoker, IServiceScopeFactory scopes, ILogger<RedisWebhookConsumer> logger)
    {
        _connection = connection;
        _options = options.Value;
        _signal = signal;
        _invoker = invoker;
        _scopes = scopes;
        _time = TimeProvider.System;
        _logger = logger;
        _snapshot = RedisInboxSnapshot.Register(_options.StreamKey, _options.ConsumerName);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(RunAsync, CancellationToken.None);
        _heartbeat = Task.Run(HeartbeatAsync, CancellationToken.None);
        _observer = Task.Run(ObserveAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _snapshot.Dispose();
        if (_loop is null)
        {
            return;
        }

        using (cancellationToken.Register(static state => ((CancellationTokenSource)state!).Cancel(), _abort))
        {
            await _loop.ConfigureAwait(false);
        }

        if (_heartbeat is not null)
        {
            await _heartbeat.ConfigureAwait(false);
        }

        if (_observer is not null)
        {
            await _observer.ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _abort.Cancel();
        _snapshot.Dispose();
        _stopping.Dispose();
        _abort.Dispose();
    }

    private async Task RunAsync()
    {
        var stopping = _stopping.Token;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var database = await _connection.GetDatabaseAsync().ConfigureAwait(false);
                await EnsureGroupAsync(database).ConfigureAwait(false);
                await AcknowledgeLateAsync(database).ConfigureAwait(false);
                if (_readOwnPending)
                {
                    await ReadOwnPendingAsync(database, stopping).ConfigureAwait(false);
                    continue;
                }

                var handled = await ClaimIdleAsync(database, stopping).ConfigureAwait(false);
                var entries = await database.StreamReadGroupAsync(_options.StreamKey, _options.ConsumerGroup, _options.ConsumerName, StreamPosition.NewMessages, _options.ReadBatchSize).ConfigureAwait(false);
                Hold(entries);
                try
                {
                    foreach (var entry in entries)
                    {
                        if (stopping.IsCancellationRequested)
                        {
                            break;
                        }

                        await ProcessAsync(database, entry, 1).ConfigureAwait(false);
                        _held.TryRemove(entry.Id, out _);
                    }
                }
                finally
                {
                    _held.Clear();
                }

                if (entries.Length == 0 && handled == 0)
                {
                    await _signal.WaitAsync(_options.PollInterval, stopping).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (RedisServerException ex) when (ex.Message.StartsWith("NOGROUP", StringComparison.Ordinal))
            {
                // The server lost the group (restarted without persistence): create it again.
                _groupReady = false;
                _readOwnPending = true;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                RedisInboxLog.ConsumerUnavailable(_logger, _options.ConsumerName, ex.GetType().Name, ex);
                _groupReady = false;
                _readOwnPending = true;
                try
                {
                    await Task.Delay(_options.PollInterval, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    // Reads this consumer's own pending entries (XREADGROUP with an id instead of '>'), a page at a time, and handles
    // them with their current delivery count. Until one page comes back empty the loop calls this instead of reading
    // new entries. Entries trimmed from the stream meanwhile come back without fields and are acknowledged (gone).
    private async Task ReadOwnPendingAsync(IDatabase database, CancellationToken stopping)
    {
        RedisValue after = "0-0";
        while (!stopping.IsCancellationRequested)
        {
            var entries = await database.StreamReadGroupAsync(_options.StreamKey, _options.ConsumerGroup, _options.ConsumerName, after, _options.ReadBatchSize).ConfigureAwait(false);
            if (entries.Length == 0)
            {
                _readOwnPending = false;
                return;
            }

            Hold(entries);
            try
            {
                foreach (var entry in entries)
                {
                    if (stopping.IsCancellationRequested)
                    {
                        return;
                    }

                    after = entry.Id;
                    if (entry.Values is null || entry.Values.Length == 0)
                    {
                        await database.StreamAcknowledgeAsync(_options.StreamKey, _options.ConsumerGroup, entry.Id).ConfigureAwait(false);
                        continue;
                    }

                    await ProcessAsync(database, entry, await DeliveryCountAsync(database, entry.Id).ConfigureAwait(false)).ConfigureAwait(false);
                    _held.TryRemove(entry.Id, out _);
                }
            }
            finally
            {
                _held.Clear();
            }
        }
    }

    // Acknowledges entries whose handlers succeeded while Redis could not take the XACK.
    private async Task AcknowledgeLateAsync(IDatabase database)
    {
        foreach (var id in _toAcknowledge.Keys)
        {
            await database.StreamAcknowledgeAsync(_options.StreamKey, _options.ConsumerGroup, id).ConfigureAwait(false);
            _toAcknowledge.TryRemove(id, out _);
            RedisInboxMetrics.Acknowledged.Add(1);
        }
    }

    private async Task<int> DeliveryCountAsync(IDatabase database, RedisValue id)
    {
        var pending = await database.StreamPendingMessagesAsync(_options.StreamKey, _options.ConsumerGroup, 1, RedisValue.Null, id, id).ConfigureAwait(false);
        return pending.Length == 1 ? pending[0].DeliveryCount : 2;
    }

    // Refreshes the gauges' snapshot every ClaimInterval while a listener observes them; Redis errors clear it.
    private async Task ObserveAsync()
    {
        var stopping = _stopping.Token;
        using var timer = new PeriodicTimer(_options.ClaimInterval, _time);
        try
        {
            do
            {
                if (!RedisInboxMetrics.GaugesEnabled)
                {
                    continue;
                }

                try
                {
                    var database = await _connection.GetDatabaseAsync().ConfigureAwait(false);
                    var length = database.StreamLengthAsync(_options.StreamKey);
                    var pending = database.StreamPendingAsync(_options.StreamKey, _options.ConsumerGroup);
                    var dead = database.StreamLengthAsync(_options.DeadLetterStreamKey);
                    await Task.WhenAll(length, pending, dead).ConfigureAwait(false);
                    _snapshot.Update(await length.ConfigureAwait(false), (await pending.ConfigureAwait(false)).PendingMessageCount, await dead.ConfigureAwait(false));
                }
                catch (Exception ex) when (ex is RedisException or TimeoutException)
                {
                    // Unknown sizes are not reported (a group not created yet counts as unknown too).
                    _snapshot.Clear();
                }
            }
            while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Hold(StreamEntry[] entries)
    {
        foreach (var entry in entries)
        {
            _held.TryAdd(entry.Id, 0);
        }
    }

    // Renews this consumer's hold on the entries it has read but not finished (XCLAIM … JUSTID resets their idle
    // time without counting a delivery), so a long batch or a slow handler is not claimed by another replica while
    // this one is alive. A replica that died stops renewing, and its entries become claimable after ClaimIdleTime.
    private async Task HeartbeatAsync()
    {
        var stopping = _stopping.Token;
        using var timer = new PeriodicTimer(_options.ClaimIdleTime / 3, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
            {
                var ids = _held.Keys.Concat(_toAcknowledge.Keys).Distinct().ToArray();
                if (ids.Length == 0)
                {
                    continue;
                }

                try
                {
                    var database = await _connection.GetDatabaseAsync().ConfigureAwait(false);
                    await database.StreamClaimIdsOnlyAsync(_options.StreamKey, _options.ConsumerGroup, _options.ConsumerName, 0, ids).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is RedisException or TimeoutException)
                {
                    RedisInboxLog.ConsumerUnavailable(_logger, _options.ConsumerName, ex.GetType().Name, ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task EnsureGroupAsync(IDatabase database)
    {
        if (_groupReady)
        {
            return;
        }

        try
        {
            // From the start of the stream: entries appended before any consumer ran are handled too.
            await database.StreamCreateConsumerGroupAsync(_options.StreamKey, _options.ConsumerGroup, StreamPosition.Beginning, createStream: true).ConfigureAwait(false);
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // Another replica created it.
        }

        _groupReady = true;
    }

    private async Task<int> ClaimIdleAsync(IDatabase database, CancellationToken stopping)
    {
        if (_lastClaim != 0 && _time.GetElapsedTime(_lastClaim) < _options.ClaimInterval)
        {
            return 0;
        }

        _lastClaim = _time.GetTimestamp();
        var handled = 0;
        RedisValue start = "0-0";
        do
        {
            var result = await database.StreamAutoClaimAsync(_options.StreamKey, _options.ConsumerGroup, _options.ConsumerName, (long)_options.ClaimIdleTime.TotalMilliseconds, start, _options.ReadBatchSize).ConfigureAwait(false);
            if (result.ClaimedEntries.Length > 0)
            {
                RedisInboxLog.Claimed(_logger, _options.ConsumerName, result.ClaimedEntries.Length);
            }

            Hold(result.ClaimedEntries);
            try
            {
                foreach (var entry in result.ClaimedEntries)
                {
                    if (stopping.IsCancellationRequested)
                    {
                        return handled;
                    }

                    await ProcessAsync(database, entry, await DeliveryCountAsync(database, entry.Id).ConfigureAwait(false)).ConfigureAwait(false);
                    _held.TryRemove(entry.Id, out _);
                    handled++;
                }
            }
            finally
            {
                _held.Clear();
            }

            start = result.NextStartId;
        }
        while (start != "0-0" && !stopping.IsCancellationRequested);
        return handled;
    }

    private async Task ProcessAsync(IDatabase database, StreamEntry entry, int deliveryCount)
    {
        var id = (string)entry.Id!;
        if (entry.IsNull)
        {
            return;
        }

        if (deliveryCount > 1)
        {
            RedisInboxMetrics.Redeliveries.Add(1);
        }

        if (deliveryCount > _options.MaxDeliveryAttempts)
        {
            await DeadLetterAsync(database, entry, deliveryCount - 1, "failed " + _options.MaxDeliveryAttempts + " deliveries").ConfigureAwait(false);
            return;
        }

        var body = (byte[]?)RedisInboxFields.Get(entry.Values, RedisInboxFields.Body);
        if (body is null)
        {
            await DeadLetterAsync(database, entry, deliveryCount, "no body").ConfigureAwait(false);
            return;
        }

        if (!WebhookParser.TryParse(body, out var webhookEvent, out var error))
        {
            await DeadLetterAsync(database, entry, deliveryCount, "unparseable: " + error.Error).ConfigureAwait(false);
            return;
        }

        var succeeded = await DispatchAsync(webhookEvent, id, deliveryCount, RedisInboxFields.GetTime(entry.Values, RedisInboxFields.ReceivedAt)).ConfigureAwait(false);
        if (succeeded)
        {
            try
            {
                await database.StreamAcknowledgeAsync(_options.StreamKey, _options.ConsumerGroup, entry.Id).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                // Handled: acknowledge it when Redis answers again instead of handling it twice.
                _toAcknowledge.TryAdd(entry.Id, 0);
                throw;
            }

            RedisInboxMetrics.Acknowledged.Add(1);
        }
        else if (deliveryCount >= _options.MaxDeliveryAttempts && !_abort.IsCancellationRequested)
        {
            await DeadLetterAsync(database, entry, deliveryCount, "handler failed " + deliveryCount + " times").ConfigureAwait(false);
        }

        // Otherwise the entry stays pending and is claimed again after ClaimIdleTime (a retry, with a higher count).
    }

    private async Task<bool> DispatchAsync(WebhookEvent webhookEvent, string entryId, int deliveryCount, DateTimeOffset receivedAt)
    {
        var scope = _scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var delivery = scope.ServiceProvider.GetRequiredService<RedisWebhookDelivery>();
            delivery.EntryId = entryId;
            delivery.DeliveryCount = deliveryCount;
            delivery.ReceivedAt = receivedAt;
            List<WebhookHandlerInvoker.HandlerCall> handlers;
            try
            {
                handlers = _invoker.GetHandlers(webhookEvent, scope.ServiceProvider);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                RedisInboxLog.HandlerFailed(_logger, ex, "(resolving handlers)", webhookEvent.Describe(), entryId, deliveryCount);
                return false;
            }

            if (handlers.Count == 0)
            {
                RedisInboxLog.NoHandler(_logger, webhookEvent.Describe(), entryId);
            }

            var succeeded = true;
            foreach (var handler in handlers)
            {
                try
                {
                    await handler.Invoke(webhookEvent, _abort.Token).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    succeeded = false;
                    RedisInboxLog.HandlerFailed(_logger, ex, handler.Name, webhookEvent.Describe(), entryId, deliveryCount);
                }
            }

            return succeeded && !_abort.IsCancellationRequested;
        }
    }

    private async Task DeadLetterAsync(IDatabase database, StreamEntry entry, int deliveryCount, string reason)
    {
        var fields = new List<NameValueEntry>(entry.Values.Length + 4);
        fields.AddRange(entry.Values);
        fields.Add(new(RedisInboxFields.OriginalId, entry.Id));
        fields.Add(new(RedisInboxFields.DeadLetteredAt, RedisInboxFields.Time(_time.GetUtcNow())));
        fields.Add(new(RedisInboxFields.DeliveryCount, deliveryCount));
        fields.Add(new(RedisInboxFields.Reason, reason));
        var transaction = database.CreateTransaction();
        _ = transaction.StreamAddAsync(_options.DeadLetterStreamKey, [.. fields], maxLength: _options.DeadLetterMaxLength, useApproximateMaxLength: true);
        _ = transaction.StreamAcknowledgeAsync(_options.StreamKey, _options.ConsumerGroup, entry.Id);
        await transaction.ExecuteAsync().ConfigureAwait(false);
        RedisInboxMetrics.DeadLetters.Add(1);
        RedisInboxLog.DeadLettered(_logger, (string)entry.Id!, _options.DeadLetterStreamKey, deliveryCount, reason);
    }
}
