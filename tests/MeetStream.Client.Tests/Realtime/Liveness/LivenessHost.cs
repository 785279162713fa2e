using System.Net.WebSockets;
using MeetStream.Client.Realtime;
using MeetStream.Client.Tests.Infrastructure;
using MeetStream.Client.Tests.Realtime.Support;
using Microsoft.Extensions.Logging;

namespace MeetStream.Client.Tests.Realtime.Liveness;

/// <summary>
/// The setup every channel liveness test shares: a real Kestrel server hosting one channel session whose options use
/// a fake clock and a capturing logger, and helpers to connect the bot and to read the liveness log (event 3008).
/// </summary>
/// <typeparam name="TSession">The channel session under test.</typeparam>
internal sealed class LivenessHost<TSession> : IAsyncDisposable
    where TSession : RealtimeChannelSession
{
    private readonly Task<TSession> _started;

    private LivenessHost(FakeTimeProvider clock, CapturingLoggerProvider logs, WebSocketTestServer server, Task<TSession> started)
    {
        Clock = clock;
        Logs = logs;
        Server = server;
        _started = started;
    }

    /// <summary>Gets the fake clock the session's options use.</summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>Gets the log lines the session wrote.</summary>
    public CapturingLoggerProvider Logs { get; }

    /// <summary>Gets the server the bot connects to.</summary>
    public WebSocketTestServer Server { get; }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Hosts a session started by <paramref name="start"/> (given the socket, the fake clock and the logger for its options).</summary>
    public static async Task<LivenessHost<TSession>> StartAsync(Func<WebSocket, FakeTimeProvider, ILogger, Task<TSession>> start)
    {
        var clock = new FakeTimeProvider();
        var logs = new CapturingLoggerProvider();
        var logger = logs.CreateLogger("test");
        var (server, started) = await WebSocketTestServer.HostSessionAsync(socket => start(socket, clock, logger), s => s.Completion);
        return new LivenessHost<TSession>(clock, logs, server, started);
    }

    /// <summary>Connects a well-behaved bot on <paramref name="path"/>.</summary>
    public Task<FakeBot> ConnectBotAsync(string path) => Server.ConnectAsync(path);

    /// <summary>Connects a raw peer (it can send a frame header without its payload) on <paramref name="path"/>.</summary>
    public Task<RawWebSocketPeer> ConnectPeerAsync(string path) => RawWebSocketPeer.ConnectAsync(new Uri(Server.BaseUri, path));

    /// <summary>Waits for the session the bot's handshake started.</summary>
    public Task<TSession> SessionAsync() => _started.WaitAsync(Token);

    /// <summary>Gets how many liveness timeouts (event 3008) were logged whose line contains <paramref name="text"/> (any when null).</summary>
    public int TimeoutsLogged(string? text = null) =>
        Logs.Lines.Count(l => l.Contains("[3008]", StringComparison.Ordinal) && (text is null || l.Contains(text, StringComparison.Ordinal)));

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Logs.Dispose();
    }
}
