using System.Net.WebSockets;

namespace MeetStream.Client.Realtime;

/// <summary>
/// A real-time channel failed: the bot's handshake was missing or wrong, or a command was sent on a channel that has
/// closed (the bot left, the socket dropped, or the session was disposed).
/// </summary>
public sealed class MeetStreamRealtimeException : MeetStreamException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What happened and what to do about it.</param>
    /// <param name="channel">The channel: <c>audio</c>, <c>control</c> or <c>video</c>.</param>
    /// <param name="botId">The bot id, when the handshake got that far.</param>
    /// <param name="closeStatus">The WebSocket close status, when the socket was closed with one.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public MeetStreamRealtimeException(string message, string channel, string? botId, WebSocketCloseStatus? closeStatus, Exception? innerException = null)
        : base(message, innerException)
    {
        Channel = channel;
        BotId = botId;
        CloseStatus = closeStatus;
    }

    /// <summary>Gets the channel: <c>audio</c>, <c>control</c> or <c>video</c>.</summary>
    public string Channel { get; }

    /// <summary>Gets the bot id, when the handshake got that far.</summary>
    public string? BotId { get; }

    /// <summary>Gets the WebSocket close status, when the socket was closed with one.</summary>
    public WebSocketCloseStatus? CloseStatus { get; }

    /// <summary>Gets why the channel ended, when the error is about a closed channel (e.g. <see cref="RealtimeCloseReason.IdleTimeout"/>); <see cref="RealtimeCloseReason.None"/> otherwise.</summary>
    public RealtimeCloseReason CloseReason { get; internal init; }
}
