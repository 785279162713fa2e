using System.Net;
using MeetStream.Client.AspNetCore.Tests.Infrastructure;
using MeetStream.Client.Tests.Webhooks;
using MeetStream.Client.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace MeetStream.Client.AspNetCore.Tests;

public sealed class BotStatusWaiterEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WaitForStatusAsync_SignedWebhookPostedToEndpoint_CompletesTheWait()
    {
        await using var host = await WebhookTestHost.StartAsync(services: s => s.AddMeetStreamClient(o =>
        {
            o.ApiKey = "k";
            o.BaseUrl = new Uri("http://127.0.0.1:9/api/v1");
            o.Retry.MaxRetries = 0;
        }));
        var waiter = host.App.Services.GetRequiredService<BotStatusWaiter>();

        var wait = waiter.WaitForStatusAsync(WebhookPayloads.BotId, BotStatus.InMeeting, TimeSpan.FromMinutes(5), Ct);
        using var response = await host.Client.SendAsync(WebhookTestHost.Signed(WebhookPayloads.Lifecycle("bot.inmeeting", "InMeeting", "Bot joined")), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(BotStatus.InMeeting, await wait.WaitAsync(TimeSpan.FromSeconds(60), Ct));
    }

    [Fact]
    public async Task BotStatusWaiter_WithoutRestClient_ResolvingExplainsWhatIsMissing()
    {
        await using var host = await WebhookTestHost.StartAsync();

        var ex = Assert.Throws<InvalidOperationException>(() => host.App.Services.GetRequiredService<BotStatusWaiter>());

        Assert.Contains("AddMeetStreamClient", ex.Message, StringComparison.Ordinal);
        using var response = await host.Client.SendAsync(WebhookTestHost.Signed(WebhookPayloads.Lifecycle("bot.inmeeting", "InMeeting", "Bot joined")), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
