using System.Collections.Concurrent;
using MeetStream.Client.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace MeetStream.Client.AspNetCore.Internal;

/// <summary>
/// Finds the handlers of an event: for its type and each base type up to <see cref="WebhookEvent"/>, the
/// <see cref="IMeetStreamWebhookHandler{TEvent}"/> services and the delegate handlers. The closed generic service
/// types are listed here at compile time, so no runtime generic instantiation is needed (Native AOT safe).
/// </summary>
internal sealed class WebhookHandlerInvoker
{
    private static readonly Dictionary<Type, Func<IServiceProvider, IEnumerable<HandlerCall>>> ServiceResolvers = new()
    {
        [typeof(WebhookEvent)] = Resolve<WebhookEvent>,
        [typeof(BotLifecycleEvent)] = Resolve<BotLifecycleEvent>,
        [typeof(BotArtifactEvent)] = Resolve<BotArtifactEvent>,
        [typeof(ParticipantEvent)] = Resolve<ParticipantEvent>,
        [typeof(BotScheduledEvent)] = Resolve<BotScheduledEvent>,
        [typeof(BotJoiningEvent)] = Resolve<BotJoiningEvent>,
        [typeof(BotInWaitingRoomEvent)] = Resolve<BotInWaitingRoomEvent>,
        [typeof(BotInMeetingEvent)] = Resolve<BotInMeetingEvent>,
        [typeof(BotRecordingPermissionAllowedEvent)] = Resolve<BotRecordingPermissionAllowedEvent>,
        [typeof(BotRecordingPermissionDeniedEvent)] = Resolve<BotRecordingPermissionDeniedEvent>,
        [typeof(BotRecordingEvent)] = Resolve<BotRecordingEvent>,
        [typeof(BotLeavingEvent)] = Resolve<BotLeavingEvent>,
        [typeof(BotStoppedEvent)] = Resolve<BotStoppedEvent>,
        [typeof(BotErrorEvent)] = Resolve<BotErrorEvent>,
        [typeof(BotUploadingEvent)] = Resolve<BotUploadingEvent>,
        [typeof(BotTranscriptionReadyEvent)] = Resolve<BotTranscriptionReadyEvent>,
        [typeof(BotDoneEvent)] = Resolve<BotDoneEvent>,
        [typeof(ManifestCompletedEvent)] = Resolve<ManifestCompletedEvent>,
        [typeof(ManifestSkippedEvent)] = Resolve<ManifestSkippedEvent>,
        [typeof(AudioProcessedEvent)] = Resolve<AudioProcessedEvent>,
        [typeof(AudioSkippedEvent)] = Resolve<AudioSkippedEvent>,
        [typeof(TranscriptionProcessedEvent)] = Resolve<TranscriptionProcessedEvent>,
        [typeof(TranscriptionFailedEvent)] = Resolve<TranscriptionFailedEvent>,
        [typeof(TranscriptionSkippedEvent)] = Resolve<TranscriptionSkippedEvent>,
        [typeof(VideoProcessedEvent)] = Resolve<VideoProcessedEvent>,
        [typeof(DataDeletionEvent)] = Resolve<DataDeletionEvent>,
        [typeof(ParticipantJoinedEvent)] = Resolve<ParticipantJoinedEvent>,
        [typeof(ParticipantLeftEvent)] = Resolve<ParticipantLeftEvent>,
        [typeof(LiveTranscriptEvent)] = Resolve<LiveTranscriptEvent>,
        [typeof(UnknownWebhookEvent)] = Resolve<UnknownWebhookEvent>,
    };

    private readonly Dictionary<Type, WebhookDelegateHandler[]> _delegates;
    private readonly ConcurrentDictionary<Type, Type[]> _hierarchies = new();

    public WebhookHandlerInvoker(IEnumerable<WebhookDelegateHandler> delegates)
    {
        _delegates = delegates.GroupBy(d => d.EventType).ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>Gets the event types whose handlers are resolved from DI.</summary>
    public static IReadOnlyCollection<Type> KnownEventTypes => ServiceResolvers.Keys;

    /// <summary>Lists the handler calls for an event, most specific type first.</summary>
    /// <param name="webhookEvent">The event.</param>
    /// <param name="services">The event's scoped services.</param>
    /// <returns>The calls.</returns>
    public List<HandlerCall> GetHandlers(WebhookEvent webhookEvent, IServiceProvider services)
    {
        var calls = new List<HandlerCall>();
        foreach (var type in _hierarchies.GetOrAdd(webhookEvent.GetType(), Hierarchy))
        {
            if (ServiceResolvers.TryGetValue(type, out var resolve))
            {
                calls.AddRange(resolve(services));
            }

            if (_delegates.TryGetValue(type, out var delegates))
            {
                foreach (var handler in delegates)
                {
                    calls.Add(new HandlerCall("delegate for " + type.Name, (e, ct) => handler.Invoke(e, services, ct)));
                }
            }
        }

        return calls;
    }

    private static Type[] Hierarchy(Type type)
    {
        var types = new List<Type>();
        for (var current = type; current is not null && typeof(WebhookEvent).IsAssignableFrom(current); current = current.BaseType)
        {
            types.Add(current);
        }

        return [.. types];
    }

    private static IEnumerable<HandlerCall> Resolve<TEvent>(IServiceProvider services)
        where TEvent : WebhookEvent
    {
        foreach (var handler in services.GetServices<IMeetStreamWebhookHandler<TEvent>>())
        {
            yield return new HandlerCall(handler.GetType().Name, (e, ct) => handler.HandleAsync((TEvent)e, ct));
        }
    }

    /// <summary>One handler to call.</summary>
    /// <param name="Name">The handler's name, for logs.</param>
    /// <param name="Invoke">Calls it.</param>
    internal readonly record struct HandlerCall(string Name, Func<WebhookEvent, CancellationToken, Task> Invoke);
}
