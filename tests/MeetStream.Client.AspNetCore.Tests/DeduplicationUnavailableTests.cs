using System.Net;
using MeetStream.Client.AspNetCore.Tests.Infrastructure;
using MeetStream.Client.Tests.Webhooks;
using MeetStream.Client.Webhooks;

namespace MeetStream.Client.AspNetCore.Tests;

/// <summary>A deduplication store that cannot answer (a shared store that is down) gets the delivery refused with 503, not a 500.</summary>
public sealed class DeduplicationUnavailableTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deliver_DeduplicationStoreThrows_Answers503DeduplicationUnavailableAndHandlesNothing()
    {
        var handled = 0;
        await using var host = await WebhookTestHost.StartAsync(handlers: b => b
            .UseDeduplicationStore(new UnavailableStore())
            .On<WebhookEvent>((_, _) =>
            {
                Interlocked.Increment(ref handled);
                return Task.CompletedTask;
            }));

        using var response = await host.Client.SendAsync(WebhookTestHost.Signed(WebhookPayloads.Lifecycle("bot.inmeeting", "InMeeting", "Bot joined")), Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("DeduplicationUnavailable", body, StringComparison.Ordinal);
        Assert.DoesNotContain("store-secret-detail", body, StringComparison.Ordinal);
        Assert.Contains(host.Logs.Lines, l => l.EventId.Id == 2014);
        Assert.Equal(0, Volatile.Read(ref handled));
    }

    [Fact]
    public async Task Deliver_DeduplicationDisabledAndStoreThrows_Accepted()
    {
        await using var host = await WebhookTestHost.StartAsync(configure: o => o.EnableDeduplication = false, handlers: b => b.UseDeduplicationStore(new UnavailableStore()));

        using var response = await host.Client.SendAsync(WebhookTestHost.Signed(WebhookPayloads.Lifecycle("bot.inmeeting", "InMeeting", "Bot joined")), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private sealed class UnavailableStore : IWebhookDeduplicationStore
    {
        public ValueTask<bool> TryClaimAsync(string key, CancellationToken cancellationToken = default) =>
            ValueTask.FromException<bool>(new InvalidOperationException("store-secret-detail: cannot reach the store"));

        public ValueTask ReleaseAsync(string key, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    }
}
