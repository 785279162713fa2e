using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using BenchmarkDotNet.Attributes;
using MeetStream.Client.Realtime;

namespace MeetStream.Client.Benchmarks;

/// <summary>
/// One 20 ms frame end to end through <see cref="AudioChannelSession"/> over a real loopback WebSocket: the bot sends
/// it, the session's receive loop parses and queues it in a pooled buffer, and the application's
/// <c>await foreach</c> receives it. Allocated bytes are process-wide per frame (bot send included).
/// </summary>
[MemoryDiagnoser]
public class RealtimeAudioSessionBenchmarks
{
    private const int FramesPerInvoke = 500;

    private TcpListener? _listener;
    private WebSocket? _bot;
    private AudioChannelSession? _session;
    private IAsyncEnumerator<AudioFrame>? _frames;
    private byte[] _frame = [];
    private WebSocket? _rawBot;
    private WebSocket? _rawServer;
    private readonly byte[] _rawBuffer = new byte[8192];

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = FramesPerInvoke, Description = "Baseline: bot send -> raw WebSocket.ReceiveAsync, per frame")]
    public async Task<long> SendAndReceiveRaw()
    {
        long total = 0;
        for (int i = 0; i < FramesPerInvoke; i++)
        {
            await _rawBot!.SendAsync(_frame.AsMemory(), WebSocketMessageType.Binary, true, CancellationToken.None);
            var result = await _rawServer!.ReceiveAsync(_rawBuffer.AsMemory(), CancellationToken.None);
            total += result.Count;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = FramesPerInvoke, Description = "Bot send -> session -> await foreach, per frame")]
    public async Task<long> SendAndReceiveFrame()
    {
        long total = 0;
        for (int i = 0; i < FramesPerInvoke; i++)
        {
            await _bot!.SendAsync(_frame.AsMemory(), WebSocketMessageType.Binary, true, CancellationToken.None);
            await _frames!.MoveNextAsync();
            total += _frames.Current.SampleCount;
        }

        return total;
    }

    private async Task<(WebSocket Server, WebSocket Bot)> ConnectPairAsync()
    {
        var connect = new TcpClient { NoDelay = true };
        var accepting = _listener!.AcceptTcpClientAsync();
        await connect.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)_listener.LocalEndpoint).Port);
        var accepted = await accepting;
        accepted.NoDelay = true;
        return (
            WebSocket.CreateFromStream(accepted.GetStream(), isServer: true, subProtocol: null, keepAliveInterval: TimeSpan.Zero),
            WebSocket.CreateFromStream(connect.GetStream(), isServer: false, subProtocol: null, keepAliveInterval: TimeSpan.Zero));
    }

    private async Task SetupAsync()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        (_rawServer, _rawBot) = await ConnectPairAsync();
        WebSocket server;
        (server, _bot) = await ConnectPairAsync();
        await _bot.SendAsync(Encoding.UTF8.GetBytes("""{"type":"ready","bot_id":"bench","message":"Ready to receive messages"}"""), WebSocketMessageType.Text, true, CancellationToken.None);
        _session = await AudioChannelSession.StartAsync(server, new AudioChannelOptions { FrameQueueFullMode = FrameQueueFullMode.Wait });
        _frames = _session.ReadFramesAsync().GetAsyncEnumerator();
        _frame = AudioFrameWriter.CreateFrame("spk_7f3a9c", "Alice Example", new short[960]);
    }

    private async Task CleanupAsync()
    {
        await _bot!.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        while (await _frames!.MoveNextAsync())
        {
        }

        await _frames.DisposeAsync();
        await _session!.DisposeAsync();
        _bot.Dispose();
        _rawBot!.Dispose();
        _rawServer!.Dispose();
        _listener!.Stop();
    }
}
