using Microsoft.Extensions.Logging;

namespace MeetStream.Client.AspNetCore.Internal;

/// <summary>
/// Log messages of the webhook endpoint and dispatcher. They carry reasons, event descriptions and sizes; never
/// secrets, signatures, tokens or bodies.
/// </summary>
internal static partial class WebhookLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "MeetStream webhook rejected with 401 ({Reason}) from {RemoteAddress}: {Detail}")]
    public static partial void Unauthorized(ILogger logger, string reason, string? remoteAddress, string detail);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "MeetStream webhook rejected with 400 ({Error}) from {RemoteAddress}: {Detail}")]
    public static partial void Malformed(ILogger logger, string error, string? remoteAddress, string detail);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "MeetStream webhook rejected with 413 from {RemoteAddress}: body larger than {MaxBodyBytes} bytes")]
    public static partial void TooLarge(ILogger logger, string? remoteAddress, int maxBodyBytes);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Debug, Message = "MeetStream webhook duplicate ignored: {Event}")]
    public static partial void Duplicate(ILogger logger, string @event);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Debug, Message = "MeetStream webhook accepted ({Authentication}): {Event}")]
    public static partial void Accepted(ILogger logger, string authentication, string @event);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Error, Message = "MeetStream webhook refused with 503 because the queue stayed full for {Timeout} (capacity {Capacity}); MeetStream does not retry, reconcile through the REST API: {Event}")]
    public static partial void QueueFull(ILogger logger, TimeSpan timeout, int capacity, string @event);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "MeetStream webhook refused with 503 because the application is stopping: {Event}")]
    public static partial void ShuttingDown(ILogger logger, string @event);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Error, Message = "MeetStream webhook handler {Handler} failed for {Event}")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string handler, string @event);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Information, Message = "MeetStream webhook dispatcher stopping: draining {Count} queued events")]
    public static partial void Draining(ILogger logger, int count);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Error, Message = "MeetStream webhook dispatcher stopped by the shutdown timeout with {Count} accepted events not dispatched")]
    public static partial void DrainAborted(ILogger logger, int count);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Debug, Message = "MeetStream webhook delivery abandoned by the sender while waiting for queue room: {Event}")]
    public static partial void Abandoned(ILogger logger, string @event);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Debug, Message = "MeetStream webhook event has no handler: {Event}")]
    public static partial void NoHandler(ILogger logger, string @event);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Error, Message = "MeetStream webhook observer {Observer} failed for {Event}")]
    public static partial void ObserverFailed(ILogger logger, string observer, string @event, Exception exception);

    [LoggerMessage(EventId = 2014, Level = LogLevel.Error, Message = "MeetStream webhook refused with 503 because the deduplication store failed ({ErrorType}); MeetStream does not retry, reconcile through the REST API: {Event}")]
    public static partial void DeduplicationUnavailable(ILogger logger, string errorType, string @event, Exception exception);

    [LoggerMessage(EventId = 2015, Level = LogLevel.Error, Message = "MeetStream webhook refused with 503 because the durable inbox could not store it: {Event}")]
    public static partial void InboxUnavailable(ILogger logger, string @event);
}
