using System.Collections.Concurrent;

namespace MeetStream.Client.Webhooks;

/// <summary>
/// Waits until a bot reaches a status: completes the moment a received webhook reports it (feed events through
/// <see cref="Observe"/>; the ASP.NET Core webhook endpoint does it for you) and falls back to polling
/// <c>GET /bots/{bot_id}/status</c>, because webhook delivery is best-effort. Replaces polling loops in user code.
/// Thread-safe; one instance serves any number of concurrent waits.
/// </summary>
public sealed class BotStatusWaiter : IWebhookEventObserver
{
    private readonly IBotsClient _bots;
    private readonly TimeSpan _pollInterval;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Waiter, byte>> _waiters = new(StringComparer.Ordinal);

    /// <summary>Initializes a waiter that polls through <paramref name="bots"/>.</summary>
    /// <param name="bots">The bots client used for the polling fallback.</param>
    /// <param name="options">Poll interval and clock; <see langword="null"/> for defaults.</param>
    public BotStatusWaiter(IBotsClient bots, BotStatusWaiterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bots);
        options ??= new BotStatusWaiterOptions();
        if (options.PollInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.PollInterval, "BotStatusWaiterOptions.PollInterval must be positive.");
        }

        _bots = bots;
        _pollInterval = options.PollInterval;
        _time = options.TimeProvider ?? TimeProvider.System;
    }

    /// <summary>Gets the number of waits in progress (for diagnostics).</summary>
    public int PendingWaits => _waiters.Values.Sum(w => w.Count);

    /// <summary>
    /// Reads the bot status a webhook event reports: <c>bot_status</c> when present, otherwise the status the event
    /// kind implies (<c>bot.stopped</c> → Stopped, <c>bot.done</c> → Done, <c>data_deletion</c> → MediaExpired).
    /// </summary>
    /// <param name="webhookEvent">The event.</param>
    /// <returns>The status, or <see langword="null"/> when the event says nothing about it.</returns>
    public static BotStatus? StatusOf(WebhookEvent? webhookEvent) => webhookEvent switch
    {
        BotLifecycleEvent { BotStatus: { } status } when status.Value.Length > 0 => status,
        BotStoppedEvent => BotStatus.Stopped,
        BotDoneEvent => BotStatus.Done,
        DataDeletionEvent => BotStatus.MediaExpired,
        BotJoiningEvent => BotStatus.Joining,
        BotInWaitingRoomEvent => BotStatus.InWaitingRoom,
        BotInMeetingEvent => BotStatus.InMeeting,
        BotRecordingEvent => BotStatus.Recording,
        BotLeavingEvent => BotStatus.Leaving,
        BotScheduledEvent => BotStatus.Scheduled,
        _ => default(BotStatus?),
    };

    /// <inheritdoc />
    public void Observe(WebhookEvent webhookEvent)
    {
        if (webhookEvent is null || webhookEvent.BotId is not { Length: > 0 } botId || StatusOf(webhookEvent) is not { } status
            || !_waiters.TryGetValue(botId, out var waiters))
        {
            return;
        }

        foreach (var waiter in waiters.Keys)
        {
            waiter.Offer(status);
        }
    }

    /// <summary>Waits until the bot's status equals <paramref name="target"/> (case-insensitive).</summary>
    /// <param name="botId">The bot.</param>
    /// <param name="target">The status to wait for.</param>
    /// <param name="timeout">How long to wait before <see cref="MeetStreamTimeoutException"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The status that satisfied the wait.</returns>
    /// <exception cref="MeetStreamTimeoutException">The status was not reached in time.</exception>
    /// <exception cref="MeetStreamApiException">Polling failed for a reason waiting cannot fix (401, 403, 404).</exception>
    public Task<BotStatus> WaitForStatusAsync(string botId, BotStatus target, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        WaitForStatusAsync(botId, status => status == target, timeout, $"status {target}", cancellationToken);

    /// <summary>Waits until the bot's status satisfies <paramref name="predicate"/>.</summary>
    /// <param name="botId">The bot.</param>
    /// <param name="predicate">The condition, e.g. <c>s =&gt; s.HasLeftMeeting</c>.</param>
    /// <param name="timeout">How long to wait before <see cref="MeetStreamTimeoutException"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The status that satisfied the wait.</returns>
    /// <exception cref="MeetStreamTimeoutException">The status was not reached in time.</exception>
    /// <exception cref="MeetStreamApiException">Polling failed for a reason waiting cannot fix (401, 403, 404).</exception>
    public Task<BotStatus> WaitForStatusAsync(string botId, Func<BotStatus, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        WaitForStatusAsync(botId, predicate, timeout, "the awaited status", cancellationToken);

    private async Task<BotStatus> WaitForStatusAsync(string botId, Func<BotStatus, bool> predicate, TimeSpan timeout, string what, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(botId);
        ArgumentNullException.ThrowIfNull(predicate);
        if (timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be positive.");
        }

        var waiter = new Waiter(predicate);
        var forBot = _waiters.GetOrAdd(botId, _ => new ConcurrentDictionary<Waiter, byte>());
        forBot.TryAdd(waiter, 0);
        using var deadline = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        BotStatus? last = null;
        var polls = 0;
        try
        {
            while (true)
            {
                if (waiter.Task.IsCompleted)
                {
                    return await waiter.Task.ConfigureAwait(false);
                }

                polls++;
                last = await PollAsync(botId, linked.Token).ConfigureAwait(false) ?? last;
                if (last is { } polled && predicate(polled))
                {
                    return polled;
                }

                var delay = Task.Delay(_pollInterval, _time, linked.Token);
                await Task.WhenAny(waiter.Task, delay).ConfigureAwait(false);
                linked.Token.ThrowIfCancellationRequested();
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new MeetStreamTimeoutException(
                $"Bot '{botId}' did not reach {what} within {timeout} (last known status: {(last?.Value is { Length: > 0 } s ? s : "unknown")}, {polls} polls every {_pollInterval.TotalSeconds:0.#} s plus webhooks).",
                timeout);
        }
        finally
        {
            forBot.TryRemove(waiter, out _);
            if (forBot.IsEmpty)
            {
                _waiters.TryRemove(new KeyValuePair<string, ConcurrentDictionary<Waiter, byte>>(botId, forBot));
            }
        }
    }

    private async Task<BotStatus?> PollAsync(string botId, CancellationToken cancellationToken)
    {
        try
        {
            return (await _bots.GetStatusAsync(botId, cancellationToken).ConfigureAwait(false)).Status;
        }
        catch (Exception ex) when (ex is MeetStreamServerException or MeetStreamRateLimitException or MeetStreamConnectionException or MeetStreamTimeoutException or MeetStreamUnexpectedResponseException)
        {
            // Transient: a webhook can still complete the wait; the next poll tries again.
            return null;
        }
    }

    private sealed class Waiter(Func<BotStatus, bool> predicate)
    {
        private readonly TaskCompletionSource<BotStatus> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<BotStatus> Task => _completion.Task;

        public void Offer(BotStatus status)
        {
            bool matches;
            try
            {
                matches = predicate(status);
            }
            catch (Exception ex)
            {
                _completion.TrySetException(ex);
                return;
            }

            if (matches)
            {
                _completion.TrySetResult(status);
            }
        }
    }
}
