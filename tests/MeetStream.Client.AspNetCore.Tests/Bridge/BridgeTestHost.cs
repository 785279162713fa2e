using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using MeetStream.Client.AspNetCore.Tests.Infrastructure;
using MeetStream.Client.Realtime;
using MeetStream.Client.Tests.Realtime.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeetStream.Client.AspNetCore.Tests.Bridge;

/// <summary>
/// Real Kestrel on a free loopback port with <c>AddMeetStreamBridge</c> + <c>MapMeetStreamBridge("/bridge")</c>; the
/// handler records every session it is called with. Bots connect with real <see cref="ClientWebSocket"/>s.
/// </summary>
internal sealed class BridgeTestHost : IAsyncDisposable
{
    public const string Token = "test-bridge-token-0123456789";
    public const string OldToken = "previous-bridge-token-abcdef";

    private readonly ConcurrentDictionary<string, TaskCompletionSource<BotSession>> _started = new();
    private int _handlerCalls;

    private BridgeTestHost(ListLoggerProvider logs) => Logs = logs;

    public WebApplication App { get; private set; } = null!;

    public Uri BaseUri { get; private set; } = null!;

    public ListLoggerProvider Logs { get; }

    public BotSessionRegistry Registry => App.Services.GetRequiredService<BotSessionRegistry>();

    /// <summary>Gets how many times the handler was called.</summary>
    public int HandlerCalls => Volatile.Read(ref _handlerCalls);

    public static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Starts the host. <paramref name="handler"/> runs after the session is recorded (default: return at once).</summary>
    public static async Task<BridgeTestHost> StartAsync(
        Action<MeetStreamBridgeOptions>? configure = null,
        Func<BotSession, CancellationToken, Task>? handler = null,
        bool smallSocketBuffers = false)
    {
        var logs = new ListLoggerProvider();
        var host = new BridgeTestHost(logs);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(logs);
        builder.WebHost.UseKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, 0);
            if (smallSocketBuffers)
            {
                options.Limits.MaxResponseBufferSize = 4096;
            }
        });
        if (smallSocketBuffers)
        {
            builder.WebHost.UseSockets(options => options.CreateBoundListenSocket = endpoint =>
            {
                var socket = SocketTransportOptions.CreateDefaultBoundListenSocket(endpoint);
                socket.SendBufferSize = 4096;
                return socket;
            });
        }

        builder.Services.AddMeetStreamBridge(options =>
        {
            options.AccessTokens.Add(Token);
            options.AccessTokens.Add(OldToken);
            configure?.Invoke(options);
        }).AddHandler(async (session, cancellationToken) =>
        {
            Interlocked.Increment(ref host._handlerCalls);
            host.Started(session.BotId).TrySetResult(session);
            if (handler is not null)
            {
                await handler(session, cancellationToken);
            }
        });
        var app = builder.Build();
        app.MapMeetStreamBridge("/bridge");
        await app.StartAsync(Cancel);
        host.App = app;
        host.BaseUri = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        return host;
    }

    /// <summary>Waits for the handler's call for a bot.</summary>
    public Task<BotSession> SessionAsync(string botId) => Started(botId).Task.WaitAsync(Cancel);

    public Uri Url(string path, string? token = Token) =>
        new(new Uri("ws://" + BaseUri.Authority), token is null ? path : $"{path}?token={Uri.EscapeDataString(token)}");

    /// <summary>Opens a bot socket without a handshake.</summary>
    public async Task<FakeBot> OpenAsync(string path, string? token = Token, bool smallReceiveBuffer = false)
    {
        var client = new ClientWebSocket();
        client.Options.CollectHttpResponseDetails = true;
        if (smallReceiveBuffer)
        {
            var handler = new SocketsHttpHandler
            {
                ConnectCallback = async (context, cancellationToken) =>
                {
                    var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveBufferSize = 4096 };
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                },
            };
            using var invoker = new HttpMessageInvoker(handler);
            await client.ConnectAsync(Url(path, token), invoker, Cancel);
        }
        else
        {
            await client.ConnectAsync(Url(path, token), Cancel);
        }

        return new FakeBot(client);
    }

    /// <summary>Opens a bot socket and sends its handshake (<c>ready</c>, or <c>video_stream_start</c> on video paths).</summary>
    public async Task<FakeBot> ConnectAsync(string path, string botId, string? token = Token, bool smallReceiveBuffer = false)
    {
        var bot = await OpenAsync(path, token, smallReceiveBuffer);
        if (path.EndsWith("/video", StringComparison.Ordinal))
        {
            await bot.SendTextAsync($$"""{"type":"video_stream_start","bot_id":"{{botId}}","codec":"h264","container":"fmp4"}""");
        }
        else
        {
            await bot.SendReadyAsync(botId);
        }

        return bot;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
    }

    private TaskCompletionSource<BotSession> Started(string botId) =>
        _started.GetOrAdd(botId, _ => new TaskCompletionSource<BotSession>(TaskCreationOptions.RunContinuationsAsynchronously));
}
