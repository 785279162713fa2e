using System.Collections.Concurrent;
using System.Net;
using MeetStream.Client.AspNetCore.Tests.Infrastructure;
using MeetStream.Client.Tests.Webhooks;
using MeetStream.Client.Webhooks;

namespace MeetStream.Client.AspNetCore.Tests;

/// <summary>
/// A deduplication claim is seen through even when the sender goes away during it: a shared store (Redis) may already
/// hold the key, so the delivery must be stored too, or the sender's retry would be answered "duplicate" of an event
/// that was never handled (found by the Redis inbox's kill-mid-run proof).
/// </summary>
public sealed class DeduplicationClaimTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deliver_SenderGoesAwayDuringTheClaim_EventStillHandledAndRetryIsADuplicate()
    {
        var store = new GatedStore();
        var handled = new ConcurrentQueue<string>();
        await using var host = await WebhookTestHost.StartAsync(handlers: b => b
            .UseDeduplicationStore(store)
            .On<BotLifecycleEvent>((e, _) =>
            {
                handled.Enqueue(e.Message ?? string.Empty);
                return Task.CompletedTask;
            }));
        var json = WebhookPayloads.Lifecycle("bot.inmeeting", "InMeeting", "claimed-then-gone", timestamp: "2026-03-02T00:00:00+00:00");

        using (var sender = CancellationTokenSource.CreateLinkedTokenSource(Ct))
        {
            var send = host.Client.SendAsync(WebhookTestHost.Signed(json), sender.Token);
            await store.Entered.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);
            await sender.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);

            // Let the server see the sender leave (if the claim could be cancelled, its token is cancelled by now).
            await WaitAsync(() => !store.Token.CanBeCanceled || store.Token.IsCancellationRequested);
            store.Gate.SetResult();
        }

        await WaitAsync(() => !handled.IsEmpty);
        using var retry = await host.Client.SendAsync(WebhookTestHost.Signed(json), Ct);

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Contains("duplicate", await retry.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(["claimed-then-gone"], handled.ToArray());
    }

    // Waits for an asynchronous outcome; the 60-second limit is a hang guard only.
    private static async Task WaitAsync(Func<bool> condition)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        guard.CancelAfter(TimeSpan.FromSeconds(60));
        while (!condition())
        {
            Assert.False(guard.IsCancellationRequested, "Hang guard: the outcome never came.");
            await Task.Delay(10, CancellationToken.None);
        }
    }

    /// <summary>
    /// Like a shared store: the key is taken as soon as the claim starts (the command reached the server), then the
    /// first claim's answer is held at a gate and, like the Redis store, abandoned if its token is cancelled.
    /// </summary>
    private sealed class GatedStore : IWebhookDeduplicationStore
    {
        private readonly ConcurrentDictionary<string, byte> _keys = new(StringComparer.Ordinal);
        private int _gated = 1;

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationToken Token { get; private set; }

        public async ValueTask<bool> TryClaimAsync(string key, CancellationToken cancellationToken = default)
        {
            if (!_keys.TryAdd(key, 0))
            {
                return false;
            }

            if (Interlocked.Exchange(ref _gated, 0) == 1)
            {
                Token = cancellationToken;
                Entered.TrySetResult();
                await Gate.Task.WaitAsync(cancellationToken);
            }

            return true;
        }

        public ValueTask ReleaseAsync(string key, CancellationToken cancellationToken = default)
        {
            _keys.TryRemove(key, out _);
            return ValueTask.CompletedTask;
        }
    }
}
