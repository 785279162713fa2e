using Microsoft.Extensions.Logging;

namespace MeetStream.Client.AspNetCore.Internal;

/// <summary>Log messages of keyword spotting and meeting analytics on the webhook pipeline: bot ids, counts and handler names; never transcript text.</summary>
internal static partial class IntelligenceLog
{
    [LoggerMessage(EventId = 6101, Level = LogLevel.Debug, Message = "Keyword spotting: {Count} new hits in a live chunk of bot {BotId}")]
    public static partial void LiveHits(ILogger logger, int count, string? botId);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Error, Message = "Keyword hit handler {Handler} failed for a hit of bot {BotId}")]
    public static partial void HitHandlerFailed(ILogger logger, Exception exception, string handler, string? botId);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Error, Message = "Meeting analytics handler {Handler} failed for bot {BotId}")]
    public static partial void AnalyticsHandlerFailed(ILogger logger, Exception exception, string handler, string botId);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Information, Message = "Meeting analytics for bot {BotId} from the {Source} ({Participants} participants, {Hits} keyword hits), triggered by {Trigger}")]
    public static partial void AnalyticsReady(ILogger logger, string botId, string source, int participants, int hits, string trigger);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Debug, Message = "Meeting analytics for bot {BotId} already done or in progress; {Trigger} ignored")]
    public static partial void AlreadyAnalysed(ILogger logger, string botId, string trigger);

    [LoggerMessage(EventId = 6106, Level = LogLevel.Information, Message = "Meeting analytics for bot {BotId}: no post-call transcript yet ({Reason}); waiting for bot.done")]
    public static partial void TranscriptNotReady(ILogger logger, string botId, string reason);

    [LoggerMessage(EventId = 6107, Level = LogLevel.Information, Message = "Meeting analytics for bot {BotId}: nothing to analyse ({Reason})")]
    public static partial void NothingToAnalyse(ILogger logger, string botId, string reason);

    [LoggerMessage(EventId = 6108, Level = LogLevel.Debug, Message = "Keyword spotting: state of bot {BotId} dropped at {Event}")]
    public static partial void LiveStateCompleted(ILogger logger, string botId, string @event);

    [LoggerMessage(EventId = 6109, Level = LogLevel.Warning, Message = "Forwarding to the signed webhook sink '{Sink}' dropped a {Kind} of bot {BotId}: the sink's queue is full or it is stopping")]
    public static partial void ForwardDropped(ILogger logger, string sink, string kind, string? botId);
}
