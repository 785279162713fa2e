using System.Net.WebSockets;
using Microsoft.Extensions.Logging;

namespace MeetStream.Client.Realtime;

/// <summary>
/// Source-generated log messages of the real-time sessions: handshakes, closes, dropped frames. Never audio, chat
/// text or images.
/// </summary>
internal static partial class RealtimeLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "MeetStream {Channel} channel ready for bot {BotId}")]
    public static partial void Ready(ILogger logger, string channel, string botId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "MeetStream {Channel} channel handshake failed: {Reason}")]
    public static partial void HandshakeFailed(ILogger logger, string channel, string reason);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "MeetStream {Channel} channel of bot {BotId} closed ({CloseStatus} {CloseDescription}, abrupt: {Abrupt})")]
    public static partial void Closed(ILogger logger, string channel, string? botId, WebSocketCloseStatus? closeStatus, string? closeDescription, bool abrupt);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Debug, Message = "MeetStream {Channel} channel of bot {BotId} skipped a malformed frame ({Reason}); {Count} so far")]
    public static partial void MalformedFrame(ILogger logger, string channel, string? botId, string reason, long count);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "MeetStream {Channel} channel of bot {BotId} received a message over the {MaxBytes}-byte limit ({Action})")]
    public static partial void MessageTooLarge(ILogger logger, string channel, string? botId, int maxBytes, OversizedMessageAction action);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "MeetStream bot {BotId}: {Channel} channel replaced by a reconnect")]
    public static partial void ChannelReplaced(ILogger logger, string botId, string channel);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Debug, Message = "MeetStream control channel of bot {BotId}: interrupt sent, {Discarded} queued audio chunks discarded so far")]
    public static partial void InterruptQueued(ILogger logger, string botId, long discarded);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Warning, Message = "MeetStream {Channel} channel of bot {BotId}: {Kind} timeout ({Timeout}) expired; closing with 1001 and dropping the connection")]
    public static partial void LivenessTimeout(ILogger logger, string channel, string? botId, string kind, TimeSpan timeout);
}
