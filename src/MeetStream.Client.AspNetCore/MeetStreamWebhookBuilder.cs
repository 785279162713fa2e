using System.Diagnostics.CodeAnalysis;
using MeetStream.Client.AspNetCore.Internal;
using MeetStream.Client.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MeetStream.Client.AspNetCore;

/// <summary>
/// Registers handlers for MeetStream webhook events; returned by <c>AddMeetStreamWebhooks</c>.
/// </summary>
public sealed class MeetStreamWebhookBuilder
{
    internal MeetStreamWebhookBuilder(IServiceCollection services)
    {
        Services = services;
    }

    /// <summary>Gets the service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Registers a handler class, created in a new DI scope for each event.</summary>
    /// <typeparam name="TEvent">The event type it handles (a base type covers every derived event).</typeparam>
    /// <typeparam name="THandler">The handler.</typeparam>
    /// <returns>This builder.</returns>
    public MeetStreamWebhookBuilder AddHandler<TEvent, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>()
        where TEvent : WebhookEvent
        where THandler : class, IMeetStreamWebhookHandler<TEvent>
    {
        Services.TryAddEnumerable(ServiceDescriptor.Scoped<IMeetStreamWebhookHandler<TEvent>, THandler>());
        return this;
    }

    /// <summary>Registers a delegate that handles one event type (for minimal APIs).</summary>
    /// <typeparam name="TEvent">The event type (a base type covers every derived event).</typeparam>
    /// <param name="handler">Handles the event.</param>
    /// <returns>This builder.</returns>
    public MeetStreamWebhookBuilder On<TEvent>(Func<TEvent, CancellationToken, Task> handler)
        where TEvent : WebhookEvent
    {
        ArgumentNullException.ThrowIfNull(handler);
        return On<TEvent>((webhookEvent, _, cancellationToken) => handler(webhookEvent, cancellationToken));
    }

    /// <summary>Registers a delegate that handles one event type and uses services from the event's DI scope.</summary>
    /// <typeparam name="TEvent">The event type (a base type covers every derived event).</typeparam>
    /// <param name="handler">Handles the event; receives the event's scoped service provider.</param>
    /// <returns>This builder.</returns>
    public MeetStreamWebhookBuilder On<TEvent>(Func<TEvent, IServiceProvider, CancellationToken, Task> handler)
        where TEvent : WebhookEvent
    {
        ArgumentNullException.ThrowIfNull(handler);
        Services.AddSingleton(new WebhookDelegateHandler(typeof(TEvent), (webhookEvent, services, cancellationToken) => handler((TEvent)webhookEvent, services, cancellationToken)));
        return this;
    }

    /// <summary>Replaces the in-memory deduplication store, e.g. with one over Redis shared by every instance.</summary>
    /// <typeparam name="TStore">The store, registered as a singleton.</typeparam>
    /// <returns>This builder.</returns>
    public MeetStreamWebhookBuilder UseDeduplicationStore<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TStore>()
        where TStore : class, IWebhookDeduplicationStore
    {
        Services.RemoveAll<IWebhookDeduplicationStore>();
        Services.AddSingleton<IWebhookDeduplicationStore, TStore>();
        return this;
    }

    /// <summary>Replaces the in-memory deduplication store with an instance you built.</summary>
    /// <param name="store">The store.</param>
    /// <returns>This builder.</returns>
    public MeetStreamWebhookBuilder UseDeduplicationStore(IWebhookDeduplicationStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        Services.RemoveAll<IWebhookDeduplicationStore>();
        Services.AddSingleton(store);
        return this;
    }
}
