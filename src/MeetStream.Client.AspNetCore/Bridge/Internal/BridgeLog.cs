using System.Net.WebSockets;
using Microsoft.Extensions.Logging;

namespace MeetStream.Client.AspNetCore.Internal;

/// <summary>Log messages of the MeetStream bridge. They carry paths, channels, bot ids and addresses; never tokens, query strings, audio or chat text.</summary>
internal static partial class BridgeLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "MeetStream bridge rejected a {Channel} connection on {Path} from {RemoteAddress} with {StatusCode}: {Reason}")]
    public static partial void Rejected(ILogger logger, string channel, string path, string? remoteAddress, int statusCode, string reason);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "MeetStream bridge: {Channel} channel of bot {BotId} connected from {RemoteAddress} (new session: {IsNewSession}, reconnect: {Reconnect})")]
    public static partial void Connected(ILogger logger, string channel, string botId, string? remoteAddress, bool isNewSession, bool reconnect);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "MeetStream bridge: {Channel} handshake from {RemoteAddress} failed: {Reason}")]
    public static partial void HandshakeFailed(ILogger logger, string channel, string? remoteAddress, string reason);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Warning, Message = "MeetStream bridge: {Channel} socket on the route of bot {RouteBotId} announced bot {BotId}; closed with 1008")]
    public static partial void BotIdMismatch(ILogger logger, string channel, string routeBotId, string botId);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Information, Message = "MeetStream bridge: {Channel} channel of bot {BotId} ended ({CloseStatus}, abrupt: {Abrupt})")]
    public static partial void Disconnected(ILogger logger, string channel, string botId, WebSocketCloseStatus? closeStatus, bool abrupt);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Information, Message = "MeetStream bridge: session of bot {BotId} started")]
    public static partial void SessionStarted(ILogger logger, string botId);

    [LoggerMessage(EventId = 2107, Level = LogLevel.Information, Message = "MeetStream bridge: session of bot {BotId} ended after {Duration}")]
    public static partial void SessionEnded(ILogger logger, string botId, TimeSpan duration);

    [LoggerMessage(EventId = 2108, Level = LogLevel.Error, Message = "MeetStream bridge: handler {Handler} failed for bot {BotId}; closing the bot's sockets")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string handler, string botId);

    [LoggerMessage(EventId = 2109, Level = LogLevel.Information, Message = "MeetStream bridge: application stopping, closing the {Channel} channel of bot {BotId} with 1001")]
    public static partial void ClosingForShutdown(ILogger logger, string channel, string botId);

    [LoggerMessage(EventId = 2110, Level = LogLevel.Warning, Message = "MeetStream bridge: {Count} more handshake failures in the last {Seconds} s (only the first {PerWindow} of each window are logged one by one; all are counted in meetstream.bridge.connections)")]
    public static partial void HandshakeFailuresSuppressed(ILogger logger, long count, string seconds, int perWindow);
}
