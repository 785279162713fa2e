using Microsoft.Extensions.Logging;

namespace MeetStream.Client.Outbound;

/// <summary>
/// Log messages of <see cref="SignedWebhookSink"/>. They carry the sink's name, the endpoint's scheme, host and port
/// (never its path or query: incoming-webhook URLs carry their secret there), statuses and attempt numbers; never the
/// secret, the signature or the payload.
/// </summary>
internal static partial class OutboundLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Debug, Message = "Outbound webhook sink {Sink}: delivered to {Endpoint} with {StatusCode} on attempt {Attempt}")]
    public static partial void Delivered(ILogger logger, string sink, string endpoint, int statusCode, int attempt);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Outbound webhook sink {Sink}: attempt {Attempt} to {Endpoint} failed ({Outcome}); retrying in {DelayMs:0} ms")]
    public static partial void Retrying(ILogger logger, string sink, int attempt, string endpoint, string outcome, double delayMs);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "Outbound webhook sink {Sink}: payload to {Endpoint} failed ({Outcome}), not retried: {Detail}")]
    public static partial void Rejected(ILogger logger, string sink, string endpoint, string outcome, string detail);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Error, Message = "Outbound webhook sink {Sink}: payload to {Endpoint} failed after {Attempts} attempts, last outcome {Outcome}")]
    public static partial void GaveUp(ILogger logger, string sink, string endpoint, int attempts, string outcome);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Warning, Message = "Outbound webhook sink {Sink}: queue full (capacity {Capacity}), payloads are being dropped")]
    public static partial void QueueFull(ILogger logger, string sink, int capacity);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Error, Message = "Outbound webhook sink {Sink}: {Endpoint} asked to retry after {RetryAfter}, longer than MaxRetryAfter {MaxRetryAfter}; payload failed")]
    public static partial void RetryAfterTooLong(ILogger logger, string sink, string endpoint, TimeSpan retryAfter, TimeSpan maxRetryAfter);

    [LoggerMessage(EventId = 6007, Level = LogLevel.Warning, Message = "Outbound webhook sink {Sink}: stopped with {Count} payloads not delivered (drain timeout {DrainTimeout})")]
    public static partial void DrainAbandoned(ILogger logger, string sink, long count, TimeSpan drainTimeout);

    [LoggerMessage(EventId = 6008, Level = LogLevel.Warning, Message = "Outbound webhook sink {Sink}: payload enqueued after disposal was dropped")]
    public static partial void EnqueuedAfterDisposal(ILogger logger, string sink);
}
