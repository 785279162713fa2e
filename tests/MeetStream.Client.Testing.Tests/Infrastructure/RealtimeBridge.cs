using System.Net;
using MeetStream.Client.Realtime;
using MeetStream.Client.TestSupport.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeetStream.Client.Testing.Tests.Infrastructure;

/// <summary>
/// A customer's real-time bridge built from the SDK's sessions, on real Kestrel: <c>/bridge/audio</c>, <c>/bridge</c>
/// (control) and <c>/bridge/video</c> start channel sessions, attach them to one <see cref="BotSessionRegistry"/>, and
/// run <see cref="OnSession"/> once per bot (the docs' bridge pattern).
/// </summary>
public sealed class RealtimeBridge : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TaskCompletionSource<AudioChannelSession> _audio = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<ControlChannelSession> _control = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<VideoChannelSession> _video = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<BotSession> _session = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _videoDrained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _videoFragments;

    private RealtimeBridge(WebApplication app) => _app = app;

    public BotSessionRegistry Registry { get; } = new();

    /// <summary>Gets or sets the per-bot logic, started once when a bot's first socket connects.</summary>
    public Func<BotSession, Task>? OnSession { get; set; }

    public Task? BotTask { get; private set; }

    /// <summary>Gets how many video fragments the bridge read (it drains the video socket, as a real consumer must).</summary>
    public int VideoFragments => Volatile.Read(ref _videoFragments);

    /// <summary>Gets a task that completes when the video enumeration has ended.</summary>
    public Task VideoDrained => _videoDrained.Task.WaitAsync(TimeSpan.FromSeconds(30));

    public Uri Root { get; private set; } = null!;

    public string Url(string path) => "ws://" + Root.Authority + path;

    public Task<AudioChannelSession> Audio => _audio.Task.WaitAsync(TimeSpan.FromSeconds(30));

    public Task<ControlChannelSession> Control => _control.Task.WaitAsync(TimeSpan.FromSeconds(30));

    public Task<VideoChannelSession> Video => _video.Task.WaitAsync(TimeSpan.FromSeconds(30));

    public Task<BotSession> Session => _session.Task.WaitAsync(TimeSpan.FromSeconds(30));

    public static async Task<RealtimeBridge> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0)).UseShutdownTimeout(TimeSpan.FromSeconds(5));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var bridge = new RealtimeBridge(app);
        app.UseWebSockets();
        app.Map("/bridge/audio", async context =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var audio = await AudioChannelSession.StartAsync(socket, cancellationToken: context.RequestAborted);
            bridge._audio.TrySetResult(audio);
            bridge.Attach(bridge.Registry.Attach(audio));
            await audio.Completion;
        });
        app.Map("/bridge", async context =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var control = await ControlChannelSession.StartAsync(socket, cancellationToken: context.RequestAborted);
            bridge._control.TrySetResult(control);
            bridge.Attach(bridge.Registry.Attach(control));
            await control.Completion;
        });
        app.Map("/bridge/video", async context =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var video = await VideoChannelSession.StartAsync(socket, cancellationToken: context.RequestAborted);
            bridge._video.TrySetResult(video);
            await foreach (var fragment in video.ReadFragmentsAsync(context.RequestAborted))
            {
                Interlocked.Increment(ref bridge._videoFragments);
            }

            bridge._videoDrained.TrySetResult();
            await video.Completion;
        });
        await app.StartAsync();
        var address = LoopbackKestrel.Address(app).ToString();
        bridge.Root = new Uri(address.TrimEnd('/') + "/");
        return bridge;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Attach(BotSessionAttachment attachment)
    {
        if (attachment.IsNewSession)
        {
            _session.TrySetResult(attachment.Session);
            if (OnSession is { } run)
            {
                BotTask = Task.Run(() => run(attachment.Session));
            }
        }
    }
}
