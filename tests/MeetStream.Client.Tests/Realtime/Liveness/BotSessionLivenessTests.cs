using System.Net.WebSockets;
using MeetStream.Client.Realtime;
using MeetStream.Client.Tests.Infrastructure;
using MeetStream.Client.Tests.Realtime.Support;

namespace MeetStream.Client.Tests.Realtime.Liveness;

/// <summary>
/// A bot whose audio socket dies on a liveness timeout is gone: its quiet control socket (no idle timeout by default,
/// and no ping timeout on .NET 8) must not keep the <see cref="BotSession"/> open forever. Real sockets, fake clock.
/// </summary>
public sealed class BotSessionLivenessTests
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(45); // distinct from every channel timer (30 s message timeout)
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact(Timeout = 120_000)]
    public async Task AudioIdleTimeout_NoGracePeriod_ClosesTheControlChannelWith1001AndEndsTheSession()
    {
        await using var bridge = await Bridge.StartAsync(TimeSpan.Zero);
        using var control = await bridge.ConnectAsync("bridge");
        using var audio = await bridge.ConnectAsync("bridge/audio");
        var session = await bridge.SessionWithBothChannelsAsync();

        await bridge.TimeOutAudioAsync(session);

        var (_, status) = await control.ReceiveUntilCloseAsync().WaitAsync(HangGuard, Token);
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, status);
        await session.Completion.WaitAsync(HangGuard, Token);
        Assert.Equal(RealtimeCloseReason.IdleTimeout, session.Audio!.CloseReason);
        Assert.Equal(RealtimeCloseReason.ClosedLocally, session.Control!.CloseReason);
    }

    [Fact(Timeout = 120_000)]
    public async Task AudioIdleTimeout_WithGracePeriod_ControlStaysOpenUntilTheGraceEndsThenCloses()
    {
        await using var bridge = await Bridge.StartAsync(Grace);
        using var control = await bridge.ConnectAsync("bridge");
        using var audio = await bridge.ConnectAsync("bridge/audio");
        var session = await bridge.SessionWithBothChannelsAsync();

        await bridge.TimeOutAudioAsync(session);
        await bridge.Clock.WaitForTimerAsync(d => d == Grace);
        bridge.Clock.Advance(Grace - TimeSpan.FromSeconds(1));
        Assert.False(session.Control!.IsClosed);
        Assert.False(session.IsEnded);

        bridge.Clock.Advance(TimeSpan.FromSeconds(1));
        var (_, status) = await control.ReceiveUntilCloseAsync().WaitAsync(HangGuard, Token);
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, status);
        await session.Completion.WaitAsync(HangGuard, Token);
    }

    [Fact(Timeout = 120_000)]
    public async Task AudioIdleTimeout_AudioReconnectsWithinTheGrace_ControlStaysOpen()
    {
        await using var bridge = await Bridge.StartAsync(Grace);
        using var control = await bridge.ConnectAsync("bridge");
        using var audio = await bridge.ConnectAsync("bridge/audio");
        var session = await bridge.SessionWithBothChannelsAsync();
        await bridge.TimeOutAudioAsync(session);
        await bridge.Clock.WaitForTimerAsync(d => d == Grace);

        using var reconnected = await bridge.ConnectAsync("bridge/audio");
        await Eventually.TrueAsync(() => session.Audio is { IsClosed: false }, "the new audio channel is attached");
        bridge.Clock.Advance(Grace);

        Assert.False(session.Control!.IsClosed);
        Assert.False(session.IsEnded);
        Assert.Equal(RealtimeCloseReason.None, session.Control.CloseReason);
    }

    [Fact(Timeout = 120_000)]
    public async Task AudioClosedByTheBot_ControlOpen_SessionWaitsForControlAsBefore()
    {
        // Only a liveness timeout says the bot is gone: a bot that closes its audio socket itself keeps its control channel.
        await using var bridge = await Bridge.StartAsync(TimeSpan.Zero);
        using var control = await bridge.ConnectAsync("bridge");
        using var audio = await bridge.ConnectAsync("bridge/audio");
        var session = await bridge.SessionWithBothChannelsAsync();

        await audio.CloseAsync();
        await session.Audio!.Completion.WaitAsync(HangGuard, Token);
        bridge.Clock.Advance(Idle + Grace);

        Assert.Equal(RealtimeCloseReason.ClosedByBot, session.Audio.CloseReason);
        Assert.False(session.Control!.IsClosed);
        Assert.False(session.IsEnded);
    }

    /// <summary>A bridge whose audio and control sessions and registry run on one fake clock.</summary>
    private sealed class Bridge : IAsyncDisposable
    {
        private const string BotId = "bot_gone";

        private Bridge(WebSocketTestServer server, BotSessionRegistry registry, FakeTimeProvider clock)
        {
            Server = server;
            Registry = registry;
            Clock = clock;
        }

        public FakeTimeProvider Clock { get; }

        private WebSocketTestServer Server { get; }

        private BotSessionRegistry Registry { get; }

        public static async Task<Bridge> StartAsync(TimeSpan grace)
        {
            var clock = new FakeTimeProvider();
            var registry = new BotSessionRegistry(new BotSessionOptions { TimeProvider = clock, EndGracePeriod = grace });
            var audioOptions = new AudioChannelOptions { TimeProvider = clock, IdleTimeout = Idle };
            var controlOptions = new ControlChannelOptions { TimeProvider = clock };
            var server = await WebSocketTestServer.StartAsync(async (path, socket) =>
            {
                RealtimeChannelSession channel = path == "/bridge/audio"
                    ? await AudioChannelSession.StartAsync(socket, audioOptions, Token)
                    : await ControlChannelSession.StartAsync(socket, controlOptions, Token);
                registry.Attach(channel);
                await channel.Completion;
            });
            return new Bridge(server, registry, clock);
        }

        public async Task<FakeBot> ConnectAsync(string path)
        {
            var bot = await Server.ConnectAsync(path);
            await bot.SendReadyAsync(BotId);
            return bot;
        }

        public async Task<BotSession> SessionWithBothChannelsAsync()
        {
            BotSession? session = null;
            await Eventually.TrueAsync(
                () => Registry.TryGetSession(BotId, out session) && session.Audio is not null && session.Control is not null,
                "audio and control attached to one session");
            return session!;
        }

        /// <summary>Lets the audio channel's idle timeout expire while it waits for the (silent) bot.</summary>
        public async Task TimeOutAudioAsync(BotSession session)
        {
            var audio = session.Audio!;
            await Eventually.TrueAsync(() => audio.Core.Liveness.IsWaiting, "the audio channel waits for the bot");
            Clock.Advance(Idle);
            await audio.Completion.WaitAsync(HangGuard, Token);
            Assert.Equal(RealtimeCloseReason.IdleTimeout, audio.CloseReason);
        }

        public async ValueTask DisposeAsync()
        {
            await Registry.DisposeAsync();
            await Server.DisposeAsync();
        }
    }
}
