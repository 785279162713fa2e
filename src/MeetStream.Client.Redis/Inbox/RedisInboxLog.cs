using Microsoft.Extensions.Logging;

namespace MeetStream.Client.Redis.Inbox;

/// <summary>The durable inbox's log messages (event ids 2100–2119). Bodies and headers are never logged.</summary>
internal static partial class RedisInboxLog
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Error, Message = "MeetStream webhook inbox could not append to Redis stream {Stream} ({Error}); the delivery is answered with 503")]
    public static partial void AppendFailed(ILogger logger, string stream, string error, Exception exception);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "MeetStream webhook inbox consumer {Consumer} cannot reach Redis ({Error}); retrying")]
    public static partial void ConsumerUnavailable(ILogger logger, string consumer, string error, Exception exception);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "MeetStream webhook handler {Handler} failed for {Event} (entry {EntryId}, delivery {DeliveryCount})")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string handler, string @event, string entryId, int deliveryCount);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Error, Message = "MeetStream webhook inbox entry {EntryId} moved to dead-letter stream {Stream} after {DeliveryCount} deliveries: {Reason}")]
    public static partial void DeadLettered(ILogger logger, string entryId, string stream, int deliveryCount, string reason);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Information, Message = "MeetStream webhook inbox consumer {Consumer} claimed {Count} idle entries")]
    public static partial void Claimed(ILogger logger, string consumer, int count);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Warning, Message = "MeetStream webhook inbox: no handler for {Event} (entry {EntryId})")]
    public static partial void NoHandler(ILogger logger, string @event, string entryId);
}
