using Microsoft.Extensions.Logging;

namespace MeetStream.Client.Diagnostics;

/// <summary>
/// Source-generated log messages of the REST client. They carry method, path template, status, duration, request id
/// and attempt; never the API key, headers or bodies.
/// </summary>
internal static partial class ClientLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "MeetStream {Method} {PathTemplate} answered {StatusCode} in {ElapsedMs:0.0} ms (request id {RequestId})")]
    public static partial void RequestCompleted(ILogger logger, string method, string pathTemplate, int statusCode, double elapsedMs, string? requestId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "MeetStream {Method} {PathTemplate} failed with {StatusCode} in {ElapsedMs:0.0} ms (request id {RequestId}): {ApiMessage}")]
    public static partial void RequestFailed(ILogger logger, string method, string pathTemplate, int statusCode, double elapsedMs, string? requestId, string? apiMessage);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "MeetStream {Method} {PathTemplate} could not be completed after {ElapsedMs:0.0} ms: {Reason}")]
    public static partial void RequestError(ILogger logger, string method, string pathTemplate, double elapsedMs, string reason);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "MeetStream {Method} {PathTemplate}: retry {Attempt} in {DelayMs:0} ms after {Outcome}")]
    public static partial void Retrying(ILogger logger, string method, string pathTemplate, int attempt, double delayMs, string outcome);
}
