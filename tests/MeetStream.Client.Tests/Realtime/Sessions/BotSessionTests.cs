using MeetStream.Client.Realtime;
using MeetStream.Client.Tests.Infrastructure;
using MeetStream.Client.Tests.Realtime.Support;

namespace MeetStream.Client.Tests.Realtime;

public sealed class BotSessionTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static Task<List<int>> ReadMarkersAsync(BotSession session) =>
        session.ReadAudioFramesAsync(Token).Select(f => (int)f.Samples[0]).ToListAsync(Token).AsTask();

    [Fact(Timeout = 60_000)]
    public async Task Attach_AudioThenControl_OneSessionWithBoth()
    {
        await using var bridge = await BridgeHost.StartAsync();
        using var audioBot = await bridge.ConnectAsync("bridge/audio", "bot_1");
        var session = await bridge.SessionAsync("bot_1");
        Assert.Null(session.Control);
        var control = session.GetControlAsync(Token);

        using var controlBot = await bridge.ConnectAsync("bridge", "bot_1");
        await bridge.AttachedAsync(2);

        Assert.Same(await control, session.Control);
        Assert.NotNull(session.Audio);
        Assert.Equal([true, false], bridge.Attachments.Select(a => a.IsNewSession));
        Assert.All(bridge.Attachments, a => Assert.Same(session, a.Session));
        Assert.Equal(1, bridge.Registry.Count);
        await session.SendMessageAsync("hi from the session", Token);
        Assert.Equal("hi from the session", (await controlBot.ReceiveJsonAsync())["message"]!.GetValue<string>());
        var reading = ReadMarkersAsync(session);
        await audioBot.SendBinaryAsync(AudioFrameWriter.CreateFrame("s", "A", Pcm.Marked(7)));
        await audioBot.CloseAsync();
        await controlBot.CloseAsync();
        Assert.Equal([7], await reading);
    }

    [Fact(Timeout = 60_000)]
    public async Task Attach_ControlThenAudio_OneSessionWithBoth()
    {
        await using var bridge = await BridgeHost.StartAsync();
        using var controlBot = await bridge.ConnectAsync("bridge", "bot_2");
        var session = await bridge.SessionAsync("bot_2");
        Assert.Null(session.Audio);
        var reading = ReadMarkersAsync(session);

        using var audioBot = await bridge.ConnectAsync("bridge/audio", "bot_2");
        await bridge.AttachedAsync(2);
        await audioBot.SendBinaryAsync(AudioFrameWriter.CreateFrame("s", "A", Pcm.Marked(3)));
        await audioBot.CloseAsync();
        await controlBot.CloseAsync();

        Assert.Equal([3], await reading);
        Assert.Equal([true, false], bridge.Attachments.Select(a => a.IsNewSession));
        Assert.Same(session, bridge.Attachments.Last().Session);
        Assert.Same(session.Audio, await session.GetAudioAsync(Token));
    }

    [Fact(Timeout = 60_000)]
    public async Task Attach_AudioReconnects_ReplacesChannelAndReadingContinues()
    {
        await using var bridge = await BridgeHost.StartAsync();
        using var controlBot = await bridge.ConnectAsync("bridge", "bot_3");
        using var audio1 = await bridge.ConnectAsync("bridge/audio", "bot_3");
        var session = await bridge.SessionAsync("bot_3");
        await bridge.AttachedAsync(2);
        var firstAudio = session.Audio!;
        var reading = ReadMarkersAsync(session);
        await audio1.SendBinaryAsync(AudioFrameWriter.CreateFrame("s", "A", Pcm.Marked(1)));

        using var audio2 = await bridge.ConnectAsync("bridge/audio", "bot_3");
        await bridge.AttachedAsync(3);
        await firstAudio.Completion.WaitAsync(Token);
        await audio2.SendBinaryAsync(AudioFrameWriter.CreateFrame("s", "A", Pcm.Marked(2)));

        Assert.False(session.IsEnded);
        Assert.NotSame(firstAudio, session.Audio);
        Assert.True(bridge.Attachments.Last().ReplacedExisting);
        Assert.False(bridge.Attachments.Last().IsNewSession);
        Assert.Equal(2, session.AudioConnections);
        await audio2.CloseAsync();
        await controlBot.CloseAsync();
        Assert.Equal([1, 2], await reading);
        await session.Completion.WaitAsync(Token);
    }

    [Fact(Timeout = 60_000)]
    public async Task Attach_ControlReconnects_CommandsGoToTheNewChannel()
    {
        await using var bridge = await BridgeHost.StartAsync();
        using var control1 = await bridge.ConnectAsync("bridge", "bot_4");
        using var audioBot = await bridge.ConnectAsync("bridge/audio", "bot_4");
        var session = await bridge.SessionAsync("bot_4");
        await bridge.AttachedAsync(2);

        using var control2 = await bridge.ConnectAsync("bridge", "bot_4");
        await bridge.AttachedAsync(3);
        await session.SendMessageAsync("after reconnect", Token);

        Assert.Equal("after reconnect", (await control2.ReceiveJsonAsync())["message"]!.GetValue<string>());
        Assert.Null(await control1.ReceiveAsync().ContinueWith(t => t.IsFaulted ? null : t.Result, Token));
        Assert.Equal(2, session.ControlConnections);
        Assert.False(session.IsEnded);
        await audioBot.CloseAsync();
        await control2.CloseAsync();
        await session.Completion.WaitAsync(Token);
    }

    [Fact(Timeout = 60_000)]
    public async Task Completion_OnlyAfterBothChannelsClosed()
    {
        await using var bridge = await BridgeHost.StartAsync();
        using var audioBot = await bridge.ConnectAsync("bridge/audio", "bot_5");
        using var controlBot = await bridge.ConnectAsync("bridge", "bot_5");
        var session = await bridge.SessionAsync("bot_5");
        await bridge.AttachedAsync(2);
        var messages = session.ReadControlMessagesAsync(Token).ToListAsync(Token).AsTask();

        await audioBot.CloseAsync();
        await session.Audio!.Completion.WaitAsync(Token);
        Assert.False(session.IsEnded);
        Assert.Equal(1, bridge.Registry.Count);

        await controlBot.CloseAsync();
        await session.Completion.WaitAsync(Token);
        Assert.True(session.IsEnded);
        Assert.Equal(0, bridge.Registry.Count);
        Assert.False(bridge.Registry.TryGetSession("bot_5", out _));
        Assert.IsType<ReadyMessage>(Assert.Single(await messages));
    }

    [Fact(Timeout = 60_000)]
    public async Task Attach_AfterSessionEnded_StartsANewSession()
    {
        await using var bridge = await BridgeHost.StartAsync();
        using (var first = await bridge.ConnectAsync("bridge", "bot_6"))
        {
            var ended = await bridge.SessionAsync("bot_6");
            await first.CloseAsync();
            await ended.Completion.WaitAsync(Token);
        }

        using var second = await bridge.ConnectAsync("bridge", "bot_6");
        await bridge.AttachedAsync(2);

        var attachment = bridge.Attachments.Last();
        Assert.True(attachment.IsNewSession);
        Assert.False(attachment.Session.IsEnded);
        Assert.True(bridge.Registry.TryGetSession("bot_6", out var current));
        Assert.Same(attachment.Session, current);
        await second.CloseAsync();
    }

    [Fact(Timeout = 60_000)]
    public async Task Attach_DifferentBots_GetSeparateSessions()
    {
        await using var bridge = await BridgeHost.StartAsync();
        using var a = await bridge.ConnectAsync("bridge", "bot_a");
        using var b = await bridge.ConnectAsync("bridge", "bot_b");

        var sessionA = await bridge.SessionAsync("bot_a");
        var sessionB = await bridge.SessionAsync("bot_b");

        Assert.NotSame(sessionA, sessionB);
        Assert.Equal(2, bridge.Registry.Count);
        await a.CloseAsync();
        await b.CloseAsync();
    }

    [Fact(Timeout = 60_000)]
    public async Task Completion_WithGracePeriod_WaitsForAReconnectThenEnds()
    {
        var time = new FakeTimeProvider();
        await using var bridge = await BridgeHost.StartAsync(new BotSessionOptions { EndGracePeriod = TimeSpan.FromSeconds(10), TimeProvider = time });
        var first = await bridge.ConnectAsync("bridge", "bot_7");
        var session = await bridge.SessionAsync("bot_7");
        await first.CloseAsync();
        first.Dispose();
        await session.Control!.Completion.WaitAsync(Token);
        await time.WaitForTimerAsync(d => d == TimeSpan.FromSeconds(10));
        Assert.False(session.IsEnded);

        using var second = await bridge.ConnectAsync("bridge", "bot_7");
        await bridge.AttachedAsync(2);
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.False(session.IsEnded);
        Assert.Same(session, bridge.Attachments.Last().Session);

        await second.CloseAsync();
        await session.Control!.Completion.WaitAsync(Token);
        await Eventually.TrueAsync(() => time.RequestedDelays.Count(d => d == TimeSpan.FromSeconds(10)) == 2, "a second grace timer exists");
        time.Advance(TimeSpan.FromSeconds(10));
        await session.Completion.WaitAsync(Token);
    }

    [Fact(Timeout = 60_000)]
    public async Task Video_AttachedToTheSameSession_ClosedWhenTheSessionEnds()
    {
        await using var bridge = await BridgeHost.StartAsync();
        using var controlBot = await bridge.ConnectAsync("bridge", "bot_8");
        var session = await bridge.SessionAsync("bot_8");
        using var videoBot = await bridge.ConnectAsync("bridge/video", "bot_8");
        await bridge.AttachedAsync(2);
        var video = await session.GetVideoAsync(Token);
        var fragments = video.ReadFragmentsAsync(Token).Select(f => f.ToArray()).ToListAsync(Token).AsTask();
        await videoBot.SendBinaryAsync([1, 2, 3]);
        var videoClosed = videoBot.ReceiveAsync();

        await controlBot.CloseAsync();
        await session.Completion.WaitAsync(Token);

        Assert.Null(await videoClosed);
        Assert.Equal([1, 2, 3], Assert.Single(await fragments));
        await video.Completion.WaitAsync(Token);
    }

    [Fact(Timeout = 60_000)]
    public async Task GetAudioAsync_SessionEndsWithoutAudio_ThrowsNamingTheChannel()
    {
        await using var bridge = await BridgeHost.StartAsync();
        using var controlBot = await bridge.ConnectAsync("bridge", "bot_9");
        var session = await bridge.SessionAsync("bot_9");
        var waiting = session.GetAudioAsync(Token);

        await controlBot.CloseAsync();

        var ex = await Assert.ThrowsAsync<MeetStreamRealtimeException>(() => waiting);
        Assert.Equal("audio", ex.Channel);
        Assert.Equal("bot_9", ex.BotId);
    }

    [Fact(Timeout = 60_000)]
    public async Task InterruptAsync_NoControlChannel_DoesNothing()
    {
        await using var bridge = await BridgeHost.StartAsync();
        using var audioBot = await bridge.ConnectAsync("bridge/audio", "bot_10");
        var session = await bridge.SessionAsync("bot_10");

        await session.InterruptAsync(Token);

        Assert.Null(session.Control);
        await audioBot.CloseAsync();
    }

    [Fact(Timeout = 60_000)]
    public async Task DisposeAsync_Registry_ClosesEverySession()
    {
        var bridge = await BridgeHost.StartAsync();
        using var controlBot = await bridge.ConnectAsync("bridge", "bot_11");
        var session = await bridge.SessionAsync("bot_11");
        var closed = controlBot.ReceiveAsync();

        await bridge.Registry.DisposeAsync();

        Assert.True(session.IsEnded);
        Assert.Null(await closed);
        Assert.Throws<ObjectDisposedException>(() => bridge.Registry.Attach(session.Control!));
        await bridge.Server.DisposeAsync();
    }
}
