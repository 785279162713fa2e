using Microsoft.Extensions.Logging;

namespace MeetStream.Client.Lambda.Hosting;

/// <summary>The host's log messages (source-generated, allocation-free when the level is off).</summary>
internal static partial class HostLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Lambda function initialization failed with {ExceptionType}: {ErrorMessage}")]
    public static partial void InitializationFailed(ILogger logger, string? exceptionType, string errorMessage, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Invocation {RequestId} failed ({ErrorType}, {ExceptionType}): {ErrorMessage}")]
    public static partial void InvocationFailed(ILogger logger, string requestId, string errorType, string? exceptionType, string errorMessage, Exception? exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Critical, Message = "{ErrorMessage}")]
    public static partial void Fatal(ILogger logger, string errorMessage, Exception? exception);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "The Runtime API answered the error report of invocation {RequestId} with {StatusCode}{Detail}")]
    public static partial void ErrorReportRejected(ILogger logger, string requestId, int statusCode, string detail);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Could not cap the GC heap at the function's {Megabytes} MB: {Reason}")]
    public static partial void MemoryLimitNotApplied(ILogger logger, int megabytes, string reason);
}
