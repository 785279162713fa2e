using MeetStream.Client.Webhooks;

namespace MeetStream.Client.AspNetCore;

/// <summary>
/// Handles one kind of MeetStream webhook event, in the background after the endpoint answered 200. Register with
/// <see cref="MeetStreamWebhookBuilder.AddHandler{TEvent, THandler}"/>; a handler for a base type
/// (<see cref="BotLifecycleEvent"/>, <see cref="WebhookEvent"/>) sees every event of the derived types. Each event gets
/// its own DI scope. An exception is logged with the event and does not stop other handlers or later events.
/// </summary>
/// <typeparam name="TEvent">The event type, e.g. <see cref="BotStoppedEvent"/>.</typeparam>
public interface IMeetStreamWebhookHandler<in TEvent>
    where TEvent : WebhookEvent
{
    /// <summary>Handles the event.</summary>
    /// <param name="webhookEvent">The event.</param>
    /// <param name="cancellationToken">Cancelled only when the host's shutdown timeout passes before the queue is drained.</param>
    /// <returns>A task that completes when the event is handled.</returns>
    Task HandleAsync(TEvent webhookEvent, CancellationToken cancellationToken);
}
