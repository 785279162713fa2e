using MeetStream.Client.AspNetCore;
using MeetStream.Client.Webhooks;

namespace WebhookReceiver;

/// <summary>Reacts to the end of a bot's participation: the reason says whether media will follow.</summary>
internal sealed class BotStoppedHandler(ILogger<BotStoppedHandler> logger) : IMeetStreamWebhookHandler<BotStoppedEvent>
{
    public Task HandleAsync(BotStoppedEvent webhookEvent, CancellationToken cancellationToken)
    {
        if (webhookEvent.IsFailure)
        {
            logger.LogWarning("Bot {BotId} never got a usable meeting ({Reason}): {Message}", webhookEvent.BotId, webhookEvent.Reason, webhookEvent.Message);
        }
        else
        {
            logger.LogInformation("Bot {BotId} left ({Reason}); recordings and transcripts will follow.", webhookEvent.BotId, webhookEvent.Reason);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Follows a bot through its lifecycle until MeetStream's pipeline finishes.</summary>
internal sealed class BotProgressHandler(ILogger<BotProgressHandler> logger) : IMeetStreamWebhookHandler<BotLifecycleEvent>
{
    public Task HandleAsync(BotLifecycleEvent webhookEvent, CancellationToken cancellationToken)
    {
        if (webhookEvent.IsPipelineFinished)
        {
            logger.LogInformation("Bot {BotId} is finished: every artifact is ready (or failed).", webhookEvent.BotId);
        }
        else if (webhookEvent.BotStatus is { IsFailure: true } status)
        {
            logger.LogWarning("Bot {BotId} reports a failure status {Status}.", webhookEvent.BotId, status);
        }

        return Task.CompletedTask;
    }
}
