using Microsoft.Extensions.Logging;

namespace MeetStream.Client.Lambda.Functions;

/// <summary>The keyword-alert function's log messages (source-generated).</summary>
internal static partial class KeywordAlertLog
{
    [LoggerMessage(EventId = 40, Level = LogLevel.Error, Message = "Keyword alerts: {Count} message(s) for bot {BotId} were not queued: {Error}")]
    public static partial void QueueFailed(ILogger logger, int count, string? botId, string error, Exception? exception);
}
