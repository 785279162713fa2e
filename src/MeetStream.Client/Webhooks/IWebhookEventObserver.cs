namespace MeetStream.Client.Webhooks;

/// <summary>
/// Sees every accepted, de-duplicated webhook event the moment it arrives, before handlers run (for example
/// <see cref="BotStatusWaiter"/>). Implementations must be fast and must not throw.
/// </summary>
public interface IWebhookEventObserver
{
    /// <summary>Observes one received event.</summary>
    /// <param name="webhookEvent">The event.</param>
    void Observe(WebhookEvent webhookEvent);
}
