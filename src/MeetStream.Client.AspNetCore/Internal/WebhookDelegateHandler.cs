using MeetStream.Client.Webhooks;

namespace MeetStream.Client.AspNetCore.Internal;

/// <summary>A handler registered as a delegate with <see cref="MeetStreamWebhookBuilder.On{TEvent}(Func{TEvent, CancellationToken, Task})"/>.</summary>
/// <param name="EventType">The event type it handles.</param>
/// <param name="Invoke">Calls the delegate.</param>
internal sealed record WebhookDelegateHandler(Type EventType, Func<WebhookEvent, IServiceProvider, CancellationToken, Task> Invoke);
