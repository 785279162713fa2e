using System.Net.WebSockets;
using MeetStream.Client.TestSupport.Hosting;
using MeetStream.Client.TestSupport.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MeetStream.Client.Tests.Realtime.Support;

/// <summary>
/// A real Kestrel server on 127.0.0.1 with a free port that accepts WebSockets on any path and hands each accepted
/// socket (with its path) to the test's handler, which plays the customer's server: it wraps the socket in a session.
/// The request stays open until the handler returns.
/// </summary>
public sealed class WebSocketTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebSocketTestServer(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    /// <summary>Gets the <c>ws://127.0.0.1:port/</c> address.</summary>
    public Uri BaseUri { get; }

    /// <summary>Gets the exceptions the handler threw, in order.</summary>
    public List<Exception> HandlerErrors { get; } = [];

    /// <summary>
    /// Hosts the customer's side of one channel: each accepted socket is wrapped by <paramref name="start"/> (the
    /// session's handshake), handed to the test through the returned task, and kept open until the session completes.
    /// A handshake failure faults the task instead.
    /// </summary>
    /// <param name="start">Starts a session on an accepted socket (e.g. <c>AudioChannelSession.StartAsync</c>).</param>
    /// <param name="completion">The task that ends when the session has closed.</param>
    /// <param name="smallSocketBuffers">Shrink the server's socket send buffer (backpressure tests).</param>
    public static async Task<(WebSocketTestServer Server, Task<TSession> Session)> HostSessionAsync<TSession>(
        Func<WebSocket, Task<TSession>> start,
        Func<TSession, Task> completion,
        bool smallSocketBuffers = false)
    {
        var started = new TaskCompletionSource<TSession>(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = await StartAsync(
            async (_, socket) =>
            {
                TSession session;
                try
                {
                    session = await start(socket);
                }
                catch (Exception ex)
                {
                    started.TrySetException(ex);
                    return;
                }

                started.TrySetResult(session);
                await completion(session);
            },
            smallSocketBuffers);
        return (server, started.Task);
    }

    /// <summary>Starts a server.</summary>
    /// <param name="handler">Runs for every accepted WebSocket, with the request path.</param>
    /// <param name="smallSocketBuffers">Shrink the server's socket send buffer so writes block early (backpressure tests).</param>
    public static async Task<WebSocketTestServer> StartAsync(Func<string, WebSocket, Task> handler, bool smallSocketBuffers = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        LoopbackKestrel.Listen(builder, smallSocketBuffers);
        var app = builder.Build();
        WebSocketTestServer? server = null;
        app.UseWebSockets();
        app.Run(async context =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            try
            {
                await handler(context.Request.Path.Value ?? "/", socket);
            }
            catch (Exception ex)
            {
                lock (server!.HandlerErrors)
                {
                    server.HandlerErrors.Add(ex);
                }
            }
        });

        await app.StartAsync();
        var port = LoopbackKestrel.Address(app).Port;
        server = new WebSocketTestServer(app, new Uri($"ws://127.0.0.1:{port}/"));
        return server;
    }

    /// <summary>Connects a bot to a path.</summary>
    /// <param name="path">The path, e.g. <c>bridge/audio</c>.</param>
    /// <param name="smallReceiveBuffer">Use a tiny TCP receive window so the server's sends block while the bot is not reading.</param>
    public async Task<FakeBot> ConnectAsync(string path, bool smallReceiveBuffer = false)
    {
        var client = new ClientWebSocket();
        var uri = new Uri(BaseUri, path);
        await BotSockets.ConnectAsync(client, uri, smallReceiveBuffer, TestContext.Current.CancellationToken);
        return new FakeBot(client);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
