using MeetStream.Client.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace MeetStream.Client.AspNetCore.Internal;

/// <summary>
/// Feeds every accepted webhook to the registered <see cref="BotStatusWaiter"/>, when the REST client is registered
/// too (the waiter needs it for its polling fallback); otherwise does nothing.
/// </summary>
internal sealed class BotStatusWaiterObserver(IServiceProvider services) : IWebhookEventObserver
{
    private readonly BotStatusWaiter? _waiter = services.GetService<IBotsClient>() is null ? null : services.GetRequiredService<BotStatusWaiter>();

    public void Observe(WebhookEvent webhookEvent) => _waiter?.Observe(webhookEvent);
}
