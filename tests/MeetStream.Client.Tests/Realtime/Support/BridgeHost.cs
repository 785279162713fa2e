using System.Collections.Concurrent;
using MeetStream.Client.Realtime;

namespace MeetStream.Client.Tests.Realtime.Support;

/// <summary>
/// A minimal customer bridge on real Kestrel: <c>/bridge</c> (control), <c>/bridge/audio</c> and <c>/bridge/video</c>
/// start channel sessions and attach them to one <see cref="BotSessionRegistry"/>.
/// </summary>
public sealed class BridgeHost : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<BotSession>> _started = new();

    private BridgeHost(WebSocketTestServer server, BotSessionRegistry registry)
    {
        Server = server;
        Registry = registry;
    }

    public WebSocketTestServer Server { get; }

    public BotSessionRegistry Registry { get; }

    /// <summary>Gets every attach result, in order.</summary>
    public ConcurrentQueue<BotSessionAttachment> Attachments { get; } = new();

    public static async Task<BridgeHost> StartAsync(BotSessionOptions? options = null)
    {
        var registry = new BotSessionRegistry(options);
        BridgeHost? host = null;
        var server = await WebSocketTestServer.StartAsync(async (path, socket) =>
        {
            var token = TestContext.Current.CancellationToken;
            Task completion;
            BotSessionAttachment attachment;
            switch (path)
            {
                case "/bridge/audio":
                    var audio = await AudioChannelSession.StartAsync(socket, cancellationToken: token);
                    attachment = registry.Attach(audio);
                    completion = audio.Completion;
                    break;
                case "/bridge/video":
                    var video = await VideoChannelSession.StartAsync(socket, cancellationToken: token);
                    attachment = registry.Attach(video);
                    completion = video.Completion;
                    break;
                default:
                    var control = await ControlChannelSession.StartAsync(socket, cancellationToken: token);
                    attachment = registry.Attach(control);
                    completion = control.Completion;
                    break;
            }

            host!.Attachments.Enqueue(attachment);
            if (attachment.IsNewSession)
            {
                host.Started(attachment.Session.BotId).TrySetResult(attachment.Session);
            }

            await completion;
        });
        host = new BridgeHost(server, registry);
        return host;
    }

    /// <summary>Waits for the first session of a bot.</summary>
    public Task<BotSession> SessionAsync(string botId) => Started(botId).Task.WaitAsync(TestContext.Current.CancellationToken);

    /// <summary>Connects a bot channel and sends its handshake.</summary>
    public async Task<FakeBot> ConnectAsync(string path, string botId)
    {
        var bot = await Server.ConnectAsync(path);
        if (path.EndsWith("video", StringComparison.Ordinal))
        {
            await bot.SendTextAsync($$"""{"type":"video_stream_start","bot_id":"{{botId}}","codec":"h264","container":"fmp4"}""");
        }
        else
        {
            await bot.SendReadyAsync(botId);
        }

        return bot;
    }

    /// <summary>Waits until the registry has seen <paramref name="count"/> attaches.</summary>
    public Task AttachedAsync(int count) => Eventually.TrueAsync(() => Attachments.Count >= count, $"{count} channels attached");

    public async ValueTask DisposeAsync()
    {
        await Registry.DisposeAsync();
        await Server.DisposeAsync();
    }

    private TaskCompletionSource<BotSession> Started(string botId) =>
        _started.GetOrAdd(botId, _ => new TaskCompletionSource<BotSession>(TaskCreationOptions.RunContinuationsAsynchronously));
}
