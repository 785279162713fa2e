using System.Collections.Concurrent;
using System.Net.WebSockets;
using MeetStream.Client.AspNetCore.Tests.Infrastructure;
using MeetStream.Client.Realtime;
using MeetStream.Client.Tests.Realtime.Support;
using MeetStream.Client.TestSupport.Hosting;
using MeetStream.Client.TestSupport.WebSockets;
using Microsoft.AspNetCore.Builder;
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
        LoopbackKestrel.Listen(builder, smallSocketBuffers);
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
        host.BaseUri = LoopbackKestrel.Address(app);
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
        await BotSockets.ConnectAsync(client, Url(path, token), smallReceiveBuffer, Cancel);
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
