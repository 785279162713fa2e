namespace MeetStream.Client.Realtime;

/// <summary>
/// Why a real-time channel session ended: the first cause wins (a bot that answers the application's close is
/// <see cref="ClosedLocally"/>, not <see cref="ClosedByBot"/>).
/// </summary>
public enum RealtimeCloseReason
{
    /// <summary>The session is still open.</summary>
    None = 0,

    /// <summary>The bot sent a close frame (status 1000 when it leaves the meeting); see the session's <c>CloseStatus</c>.</summary>
    ClosedByBot,

    /// <summary>The application closed or aborted the session (<c>CloseAsync</c>, <c>DisposeAsync</c>, <c>Abort</c>, the bridge stopping).</summary>
    ClosedLocally,

    /// <summary>
    /// The connection ended without a close handshake: a reset, a network loss, or (on .NET 10 with a
    /// <c>KeepAliveTimeout</c> on the socket) a ping the peer did not answer in time.
    /// </summary>
    ConnectionLost,

    /// <summary>A message over <see cref="RealtimeChannelOptions.MaxMessageBytes"/> closed the channel with 1009 (<see cref="OversizedMessageAction.Close"/>).</summary>
    MessageTooLarge,

    /// <summary>
    /// Nothing arrived from the peer within <see cref="RealtimeChannelOptions.IdleTimeout"/> while the session was
    /// waiting for it; the socket was closed with 1001 and dropped.
    /// </summary>
    IdleTimeout,

    /// <summary>
    /// A message that had started did not end within <see cref="RealtimeChannelOptions.MessageTimeout"/> (a stalled or
    /// endless frame); the socket was closed with 1001 and dropped.
    /// </summary>
    MessageTimeout,
}
