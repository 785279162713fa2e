using MeetStream.Client.Keywords;
using MeetStream.Client.Webhooks;
using Microsoft.Extensions.Logging;

namespace MeetStream.Client.AspNetCore.Internal;

/// <summary>
/// Feeds every live transcript chunk to the application's one <see cref="LiveKeywordSpotter"/> and raises its new
/// hits; drops a bot's spotting state when the bot stops or is done.
/// </summary>
internal sealed class LiveKeywordSpottingHandler(
    LiveKeywordSpotter spotter,
    IntelligenceDispatcher dispatcher,
    IServiceProvider scope,
    ILogger<LiveKeywordSpottingHandler> logger)
    : IMeetStreamWebhookHandler<LiveTranscriptEvent>, IMeetStreamWebhookHandler<BotStoppedEvent>, IMeetStreamWebhookHandler<BotDoneEvent>
{
    public Task HandleAsync(LiveTranscriptEvent webhookEvent, CancellationToken cancellationToken)
    {
        var hits = spotter.Process(webhookEvent);
        if (hits.Count == 0)
        {
            return Task.CompletedTask;
        }

        IntelligenceLog.LiveHits(logger, hits.Count, webhookEvent.BotId);
        return dispatcher.RaiseHitsAsync(hits, scope, cancellationToken);
    }

    public Task HandleAsync(BotStoppedEvent webhookEvent, CancellationToken cancellationToken) => Complete(webhookEvent);

    public Task HandleAsync(BotDoneEvent webhookEvent, CancellationToken cancellationToken) => Complete(webhookEvent);

    private Task Complete(WebhookEvent webhookEvent)
    {
        if (webhookEvent.BotId is { Length: > 0 } botId)
        {
            spotter.Complete(botId);
            IntelligenceLog.LiveStateCompleted(logger, botId, webhookEvent.Type.ToString());
        }

        return Task.CompletedTask;
    }
}
