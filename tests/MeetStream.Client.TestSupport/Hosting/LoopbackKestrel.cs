using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;

namespace MeetStream.Client.TestSupport.Hosting;

/// <summary>Kestrel for a test server: 127.0.0.1 on a free port, optionally with tiny send buffers, and its bound address once started.</summary>
public static class LoopbackKestrel
{
    /// <summary>The buffer size, in bytes, of <c>smallSocketBuffers</c>: small enough that a few frames fill it.</summary>
    public const int SmallBufferBytes = 4096;

    /// <summary>Listens on 127.0.0.1 with a free port.</summary>
    /// <param name="builder">The test server's builder.</param>
    /// <param name="smallSocketBuffers">Shrink the response buffer and the socket send buffer so writes block early (backpressure tests).</param>
    public static void Listen(WebApplicationBuilder builder, bool smallSocketBuffers = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WebHost.UseKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, 0);
            if (smallSocketBuffers)
            {
                options.Limits.MaxResponseBufferSize = SmallBufferBytes;
            }
        });
        if (smallSocketBuffers)
        {
            builder.WebHost.UseSockets(options => options.CreateBoundListenSocket = endpoint =>
            {
                var socket = SocketTransportOptions.CreateDefaultBoundListenSocket(endpoint);
                socket.SendBufferSize = SmallBufferBytes;
                return socket;
            });
        }
    }

    /// <summary>Gets the address a started server is bound to, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    /// <param name="app">The started server.</param>
    public static Uri Address(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }
}
