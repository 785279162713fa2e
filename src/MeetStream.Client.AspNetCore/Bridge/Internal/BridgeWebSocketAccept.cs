using Microsoft.AspNetCore.Http;

namespace MeetStream.Client.AspNetCore.Internal;

/// <summary>
/// Builds the <see cref="WebSocketAcceptContext"/> of every bridge socket from <see cref="MeetStreamBridgeOptions"/>:
/// the keep-alive interval and, on .NET 10, the ping/pong timeout that aborts a peer which stops answering.
/// </summary>
internal static class BridgeWebSocketAccept
{
    public static WebSocketAcceptContext CreateContext(MeetStreamBridgeOptions options)
    {
        var context = new WebSocketAcceptContext { KeepAliveInterval = options.KeepAliveInterval };
#if NET9_0_OR_GREATER
        // The server sends a ping every KeepAliveInterval and aborts the socket when no pong comes within this time.
        // Without it .NET only sends unsolicited pongs, which never find a dead peer.
        context.KeepAliveTimeout = options.KeepAliveInterval > TimeSpan.Zero ? options.KeepAliveTimeout : Timeout.InfiniteTimeSpan;
#endif
        return context;
    }
}
