using System.Net.Sockets;
using System.Net.WebSockets;
using MeetStream.Client.TestSupport.Hosting;

namespace MeetStream.Client.TestSupport.WebSockets;

/// <summary>Connects a bot's <see cref="ClientWebSocket"/>, optionally over a socket with a tiny TCP receive window.</summary>
public static class BotSockets
{
    /// <summary>Connects <paramref name="client"/> to <paramref name="uri"/>.</summary>
    /// <param name="client">The bot's socket, with any options already set.</param>
    /// <param name="uri">The <c>ws://</c> address.</param>
    /// <param name="smallReceiveBuffer">Use a tiny TCP receive window so the server's sends block while the bot is not reading.</param>
    /// <param name="cancellationToken">The test's token.</param>
    public static async Task ConnectAsync(ClientWebSocket client, Uri uri, bool smallReceiveBuffer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (!smallReceiveBuffer)
        {
            await client.ConnectAsync(uri, cancellationToken);
            return;
        }

        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, token) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveBufferSize = LoopbackKestrel.SmallBufferBytes };
                await socket.ConnectAsync(context.DnsEndPoint, token);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        using var invoker = new HttpMessageInvoker(handler);
        await client.ConnectAsync(uri, invoker, cancellationToken);
    }
}
