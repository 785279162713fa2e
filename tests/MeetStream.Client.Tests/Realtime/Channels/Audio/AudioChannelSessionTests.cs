using System.Net.WebSockets;
using MeetStream.Client.Realtime;
using MeetStream.Client.Tests.Infrastructure;
using MeetStream.Client.Tests.Realtime.Support;

namespace MeetStream.Client.Tests.Realtime;

public sealed class AudioChannelSessionTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Hosts the customer's audio endpoint: each accepted socket becomes a session handed to the test.</summary>
    private static Task<(WebSocketTestServer Server, Task<AudioChannelSession> Session)> HostAsync(AudioChannelOptions? options = null) =>
        WebSocketTestServer.HostSessionAsync(socket => AudioChannelSession.StartAsync(socket, options, Token), session => session.Completion);

    private static async Task<List<OwnedAudioFrame>> ReadAllAsync(AudioChannelSession session)
    {
        var frames = new List<OwnedAudioFrame>();
        await foreach (var frame in session.ReadFramesAsync(Token))
        {
            frames.Add(frame.ToOwned());
        }

        return frames;
    }

    [Fact(Timeout = 60_000)]
    public async Task StartAsync_ReadyHandshake_ExposesBotIdAndMessage()
    {
        var (server, started) = await HostAsync();
        await using var _ = server;
        using var bot = await server.ConnectAsync("bridge/audio");

        await bot.SendReadyAsync("bot_abc123");
        var session = await started.WaitAsync(Token);

        Assert.Equal("bot_abc123", session.BotId);
        Assert.Equal(RealtimeChannelKind.Audio, session.Kind);
        Assert.Equal("ready", session.Ready.Type);
        Assert.Equal("Ready to receive messages", session.Ready.Message);
        await bot.CloseAsync();
    }

    [Fact(Timeout = 60_000)]
    public async Task ReadFramesAsync_TenSecondsAtFiftyFramesPerSecond_ArriveCompleteAndInOrder()
    {
        // The bot sends as fast as it can (not in real time), so the lossless queue mode is what guarantees completeness.
        var (server, started) = await HostAsync(new AudioChannelOptions { FrameQueueFullMode = FrameQueueFullMode.Wait });
        await using var _ = server;
        using var bot = await server.ConnectAsync("bridge/audio");
        await bot.SendReadyAsync("bot_1");
        var session = await started.WaitAsync(Token);
        var reading = ReadAllAsync(session);

        for (short i = 0; i < 500; i++)
        {
            string speaker = i < 250 ? "Alice" : "Bob";
            await bot.SendBinaryAsync(AudioFrameWriter.CreateFrame("spk_" + speaker, speaker, Pcm.Marked(i)));
        }

        await bot.CloseAsync();
        var frames = await reading;

        Assert.Equal(500, frames.Count);
        for (int i = 0; i < 500; i++)
        {
            Assert.Equal(i, frames[i].SequenceNumber);
            Assert.Equal(960, frames[i].SampleCount);
            Assert.All(frames[i].Samples.ToArray(), s => Assert.Equal(i, s));
            Assert.Equal(i < 250 ? "Alice" : "Bob", frames[i].SpeakerName);
            Assert.Equal(i < 250 ? "spk_Alice" : "spk_Bob", frames[i].SpeakerId);
            Assert.Equal(AudioFrameFormat.Binary, frames[i].Format);
        }

        Assert.Equal(TimeSpan.FromSeconds(10), TimeSpan.FromTicks(frames.Sum(f => f.Duration.Ticks)));
        Assert.Equal(500, session.FramesReceived);
        Assert.Equal(0, session.FramesDropped);
        Assert.Equal(0, session.FramesSkipped);
        Assert.Equal(0, session.FramesMalformed);
    }

    [Fact(Timeout = 60_000)]
    public async Task ReadFramesAsync_SteadySpeaker_ReusesTheSameStrings()
    {
        var (server, started) = await HostAsync();
        await using var _ = server;
        using var bot = await server.ConnectAsync("a");
        await bot.SendReadyAsync("bot_1");
        var session = await started.WaitAsync(Token);
        var reading = ReadAllAsync(session);

        for (short i = 0; i < 3; i++)
        {
            await bot.SendBinaryAsync(AudioFrameWriter.CreateFrame("spk_9", "Carol", Pcm.Marked(i)));
        }

        await bot.CloseAsync();
        var frames = await reading;

        Assert.Same(frames[0].SpeakerName, frames[1].SpeakerName);
        Assert.Same(frames[0].SpeakerName, frames[2].SpeakerName);
        Assert.Same(frames[0].SpeakerId, frames[2].SpeakerId);
    }

    [Fact(Timeout = 60_000)]
    public async Task ReadFramesAsync_MixedValidUnknownAndMalformed_YieldsValidAndCountsTheRest()
    {
        var (server, started) = await HostAsync();
        await using var _ = server;
        using var bot = await server.ConnectAsync("a");
        await bot.SendReadyAsync("bot_1");
        var session = await started.WaitAsync(Token);
        var reading = ReadAllAsync(session);

        await bot.SendBinaryAsync(AudioFrameWriter.CreateFrame("s1", "Alice", Pcm.Marked(1)));
        await bot.SendBinaryAsync([0x02, 0x00, 0x00, 0x00, 0x00, 0x01]);                        // other msg_type: skipped
        await bot.SendBinaryAsync([0x01, 0x00]);                                                // too short: malformed
        await bot.SendBinaryAsync([0x01, 0x09, 0x00, 0x41]);                                    // too short: malformed
        await bot.SendBinaryAsync([0x01, 0x09, 0x00, 0x41, 0x00, 0x00]);                        // sid past end: malformed
        await bot.SendBinaryAsync([0x01, 0x00, 0x00, 0x02, 0x00, 0xC3, 0x28, 0x00, 0x00]);      // bad UTF-8: malformed
        await bot.SendTextAsync(AudioFrameWriter.CreateLegacyPcmChunk("Bob", Pcm.Bytes(Pcm.Marked(2))));
        await bot.SendTextAsync("""{"type":"ack","message":"hello"}""");                       // other JSON type: skipped
        await bot.SendTextAsync("""{"type":"PCMChunk","audioData":"%%%"}""");                   // bad base64: malformed
        await bot.SendTextAsync("not json");                                                    // malformed
        await bot.SendBinaryAsync(AudioFrameWriter.CreateFrame("s3", "Dan", Pcm.Marked(3)));
        await bot.CloseAsync();
        var frames = await reading;

        Assert.Equal([1, 2, 3], frames.Select(f => (int)f.Samples[0]));
        Assert.Equal(["Alice", "Bob", "Dan"], frames.Select(f => f.SpeakerName));
        Assert.Equal([AudioFrameFormat.Binary, AudioFrameFormat.LegacyJson, AudioFrameFormat.Binary], frames.Select(f => f.Format));
        Assert.Equal(string.Empty, frames[1].SpeakerId);
        Assert.Equal(3, session.FramesReceived);
        Assert.Equal(2, session.FramesSkipped);
        Assert.Equal(6, session.FramesMalformed);
        Assert.Equal(AudioFrameParseError.InvalidJson, session.LastMalformedReason);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, session.CloseStatus);
    }

    [Fact(Timeout = 60_000)]
    public async Task ReadFramesAsync_FrameSplitAcrossWebSocketFragments_IsReassembled()
    {
        var (server, started) = await HostAsync();
        await using var _ = server;
        using var bot = await server.ConnectAsync("a");
        await bot.SendReadyAsync("bot_1");
        var session = await started.WaitAsync(Token);
        var reading = ReadAllAsync(session);
        var samples = Enumerable.Range(0, 48_000).Select(i => (short)(i % 30_000)).ToArray();

        await bot.SendFragmentedAsync(AudioFrameWriter.CreateFrame("s", "Eve", samples), WebSocketMessageType.Binary, pieces: 7);
        await bot.CloseAsync();
        var frames = await reading;

        var frame = Assert.Single(frames);
        Assert.Equal(samples, frame.Samples.ToArray());
        Assert.Equal("Eve", frame.SpeakerName);
    }

    [Fact(Timeout = 60_000)]
    public async Task ReadFramesAsync_MessageOverTheCap_IsSkippedAndCounted()
    {
        var (server, started) = await HostAsync(new AudioChannelOptions { MaxMessageBytes = 4096 });
        await using var _ = server;
        using var bot = await server.ConnectAsync("a");
        await bot.SendReadyAsync("bot_1");
        var session = await started.WaitAsync(Token);
        var reading = ReadAllAsync(session);

        await bot.SendBinaryAsync(AudioFrameWriter.CreateFrame("s", "A", Pcm.Marked(1)));
        await bot.SendFragmentedAsync(AudioFrameWriter.CreateFrame("s", "A", Pcm.Marked(2, 10_000)), WebSocketMessageType.Binary, pieces: 4);
        await bot.SendBinaryAsync(AudioFrameWriter.CreateFrame("s", "A", Pcm.Marked(3)));
        await bot.CloseAsync();
        var frames = await reading;

        Assert.Equal([1, 3], frames.Select(f => (int)f.Samples[0]));
        Assert.Equal(1, session.MessagesTooLarge);
    }

    [Fact(Timeout = 60_000)]
    public async Task ReadFramesAsync_MessageOverTheCapWithClosePolicy_ClosesWith1009()
    {
        var (server, started) = await HostAsync(new AudioChannelOptions { MaxMessageBytes = 4096, OversizedMessageAction = OversizedMessageAction.Close });
        await using var _ = server;
        using var bot = await server.ConnectAsync("a");
        await bot.SendReadyAsync("bot_1");
        var session = await started.WaitAsync(Token);
        var reading = ReadAllAsync(session);

        await bot.SendBinaryAsync(AudioFrameWriter.CreateFrame("s", "A", Pcm.Marked(2, 10_000)));
        var received = await bot.ReceiveAsync();

        Assert.Null(received);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, bot.Socket.CloseStatus);
        Assert.Empty(await reading);
        await session.Completion.WaitAsync(Token);
    }

    [Fact(Timeout = 60_000)]
    public async Task ReadFramesAsync_AbruptDisconnect_EndsEnumerationCleanly()
    {
        var (server, started) = await HostAsync();
        await using var _ = server;
        var bot = await server.ConnectAsync("a");
        await bot.SendReadyAsync("bot_1");
        var session = await started.WaitAsync(Token);
        var reading = ReadAllAsync(session);

        await bot.SendBinaryAsync(AudioFrameWriter.CreateFrame("s", "A", Pcm.Marked(1)));
        await bot.SendBinaryAsync(AudioFrameWriter.CreateFrame("s", "A", Pcm.Marked(2)));
        bot.Socket.Abort();
        bot.Dispose();
        await session.Completion.WaitAsync(Token);
        var frames = await reading.WaitAsync(Token);

        Assert.Equal([1, 2], frames.Select(f => (int)f.Samples[0]));
        Assert.True(session.ClosedAbruptly);
        Assert.Null(session.CloseStatus);
        Assert.True(session.IsClosed);
    }

    [Fact(Timeout = 60_000)]
    public async Task ReadFramesAsync_AfterClose_YieldsNothing()
    {
        var (server, started) = await HostAsync();
        await using var _ = server;
        using var bot = await server.ConnectAsync("a");
        await bot.SendReadyAsync("bot_1");
        var session = await started.WaitAsync(Token);
        await bot.CloseAsync();
        await session.Completion.WaitAsync(Token);

        Assert.Empty(await ReadAllAsync(session));
        Assert.Empty(await ReadAllAsync(session));
        Assert.Equal(WebSocketCloseStatus.NormalClosure, session.CloseStatus);
    }

    [Fact(Timeout = 60_000)]
    public async Task ReadFramesAsync_SecondConcurrentReader_Throws()
    {
        var (server, started) = await HostAsync();
        await using var _ = server;
        using var bot = await server.ConnectAsync("a");
        await bot.SendReadyAsync("bot_1");
        var session = await started.WaitAsync(Token);
        await using var first = session.ReadFramesAsync(Token).GetAsyncEnumerator(Token);
        var pending = first.MoveNextAsync();

        await using var second = session.ReadFramesAsync(Token).GetAsyncEnumerator(Token);
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(async () => await second.MoveNextAsync());

        Assert.Contains("bot_1", ex.Message, StringComparison.Ordinal);
        await bot.CloseAsync();
        Assert.False(await pending);
    }

    [Fact(Timeout = 60_000)]
    public async Task ReadFramesAsync_BreakThenResume_ContinuesWithNextFrame()
    {
        var (server, started) = await HostAsync();
        await using var _ = server;
        using var bot = await server.ConnectAsync("a");
        await bot.SendReadyAsync("bot_1");
        var session = await started.WaitAsync(Token);
        for (short i = 1; i <= 3; i++)
        {
            await bot.SendBinaryAsync(AudioFrameWriter.CreateFrame("s", "A", Pcm.Marked(i)));
        }

        await foreach (var frame in session.ReadFramesAsync(Token))
        {
            Assert.Equal(1, frame.Samples[0]);
            break;
        }

        await bot.CloseAsync();
        var rest = await ReadAllAsync(session);

        Assert.Equal([2, 3], rest.Select(f => (int)f.Samples[0]));
    }

    [Fact(Timeout = 60_000)]
    public async Task ReadFramesAsync_ConsumerFallsBehind_DropsOldestAndCounts()
    {
        var (server, started) = await HostAsync(new AudioChannelOptions { FrameQueueCapacity = 10 });
        await using var _ = server;
        using var bot = await server.ConnectAsync("a");
        await bot.SendReadyAsync("bot_1");
        var session = await started.WaitAsync(Token);

        for (short i = 0; i < 50; i++)
        {
            await bot.SendBinaryAsync(AudioFrameWriter.CreateFrame("s", "A", Pcm.Marked(i)));
        }

        await bot.CloseAsync();
        await session.Completion.WaitAsync(Token);
        var frames = await ReadAllAsync(session);

        Assert.Equal(Enumerable.Range(40, 10), frames.Select(f => (int)f.Samples[0]));
        Assert.Equal(Enumerable.Range(40, 10).Select(i => (long)i), frames.Select(f => f.SequenceNumber));
        Assert.Equal(40, session.FramesDropped);
        Assert.Equal(50, session.FramesReceived);
    }

    [Fact(Timeout = 60_000)]
    public async Task ReadFramesAsync_WaitModeConsumerFallsBehind_LosesNothing()
    {
        var (server, started) = await HostAsync(new AudioChannelOptions { FrameQueueCapacity = 2, FrameQueueFullMode = FrameQueueFullMode.Wait });
        await using var _ = server;
        using var bot = await server.ConnectAsync("a");
        await bot.SendReadyAsync("bot_1");
        var session = await started.WaitAsync(Token);

        for (short i = 0; i < 50; i++)
        {
            await bot.SendBinaryAsync(AudioFrameWriter.CreateFrame("s", "A", Pcm.Marked(i)));
        }

        var closing = bot.CloseAsync();
        var frames = await ReadAllAsync(session);
        await closing;

        Assert.Equal(Enumerable.Range(0, 50), frames.Select(f => (int)f.Samples[0]));
        Assert.Equal(0, session.FramesDropped);
    }

    [Fact(Timeout = 60_000)]
    public async Task ReadFramesAsync_Cancelled_StopsAndLeavesChannelOpen()
    {
        var (server, started) = await HostAsync();
        await using var _ = server;
        using var bot = await server.ConnectAsync("a");
        await bot.SendReadyAsync("bot_1");
        var session = await started.WaitAsync(Token);
        using var cts = new CancellationTokenSource();
        var enumerator = session.ReadFramesAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        var pending = enumerator.MoveNextAsync().AsTask();

        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        await enumerator.DisposeAsync();
        Assert.False(session.IsClosed);
        await bot.SendBinaryAsync(AudioFrameWriter.CreateFrame("s", "A", Pcm.Marked(5)));
        await bot.CloseAsync();
        var frames = await ReadAllAsync(session);
        Assert.Equal([5], frames.Select(f => (int)f.Samples[0]));
    }

    [Fact(Timeout = 60_000)]
    public async Task CloseAsync_ByServer_BotReceivesNormalClosure()
    {
        var (server, started) = await HostAsync();
        await using var _ = server;
        using var bot = await server.ConnectAsync("a");
        await bot.SendReadyAsync("bot_1");
        var session = await started.WaitAsync(Token);
        var botReceive = bot.ReceiveAsync();

        var closing = session.CloseAsync(Token);
        Assert.Null(await botReceive);
        await closing.WaitAsync(Token);

        Assert.Equal(WebSocketCloseStatus.NormalClosure, bot.Socket.CloseStatus);
        Assert.True(session.IsClosed);
        Assert.False(session.ClosedAbruptly);
    }

    [Fact(Timeout = 60_000)]
    public async Task CloseAsync_BotNeverAnswers_AbortsAfterCloseTimeout()
    {
        var time = new FakeTimeProvider();
        var (server, started) = await HostAsync(new AudioChannelOptions { TimeProvider = time, CloseTimeout = TimeSpan.FromSeconds(5) });
        await using var _ = server;
        using var bot = await server.ConnectAsync("a");
        await bot.SendReadyAsync("bot_1");
        var session = await started.WaitAsync(Token);

        var closing = session.CloseAsync(Token);
        await time.WaitForTimerAsync(d => d == TimeSpan.FromSeconds(5));
        Assert.False(closing.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(5));
        await closing.WaitAsync(Token);

        Assert.True(session.IsClosed);
        Assert.True(session.ClosedAbruptly);
    }

    [Fact(Timeout = 60_000)]
    public async Task StartAsync_FirstMessageIsBinary_ThrowsAndClosesWith1008()
    {
        var (server, started) = await HostAsync();
        await using var _ = server;
        using var bot = await server.ConnectAsync("a");

        await bot.SendBinaryAsync(AudioFrameWriter.CreateFrame("s", "A", Pcm.Marked(1)));
        var botReceive = bot.ReceiveAsync();

        var ex = await Assert.ThrowsAsync<MeetStreamRealtimeException>(() => started.WaitAsync(Token));
        Assert.Equal("audio", ex.Channel);
        Assert.Contains("binary", ex.Message, StringComparison.Ordinal);
        Assert.Null(await botReceive);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, bot.Socket.CloseStatus);
    }

    [Fact(Timeout = 60_000)]
    public async Task StartAsync_ReadyWithoutBotId_Throws()
    {
        var (server, started) = await HostAsync();
        await using var _ = server;
        using var bot = await server.ConnectAsync("a");

        await bot.SendTextAsync("""{"type":"ready","message":"Ready to receive messages"}""");
        var botReceive = bot.ReceiveAsync();

        var ex = await Assert.ThrowsAsync<MeetStreamRealtimeException>(() => started.WaitAsync(Token));
        Assert.Contains("bot_id", ex.Message, StringComparison.Ordinal);
        Assert.Null(await botReceive);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, bot.Socket.CloseStatus);
    }

    [Fact(Timeout = 60_000)]
    public async Task StartAsync_OtherJsonFirst_ThrowsNamingIt()
    {
        var (server, started) = await HostAsync();
        await using var _ = server;
        using var bot = await server.ConnectAsync("a");

        await bot.SendTextAsync("""{"command":"usermsg","message":"hi"}""");
        var botReceive = bot.ReceiveAsync();

        var ex = await Assert.ThrowsAsync<MeetStreamRealtimeException>(() => started.WaitAsync(Token));
        Assert.Contains("usermsg", ex.Message, StringComparison.Ordinal);
        Assert.Null(await botReceive);
    }

    [Fact(Timeout = 60_000)]
    public async Task StartAsync_NoHandshakeWithinTimeout_ThrowsAndAborts()
    {
        var time = new FakeTimeProvider();
        var (server, started) = await HostAsync(new AudioChannelOptions { TimeProvider = time, HandshakeTimeout = TimeSpan.FromSeconds(30) });
        await using var _ = server;
        using var bot = await server.ConnectAsync("a");

        await time.WaitForTimerAsync(d => d == TimeSpan.FromSeconds(30));
        time.Advance(TimeSpan.FromSeconds(30));

        var ex = await Assert.ThrowsAsync<MeetStreamRealtimeException>(() => started.WaitAsync(Token));
        Assert.Contains("30 s", ex.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task StartAsync_NullSocket_Throws()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => AudioChannelSession.StartAsync(null!, cancellationToken: Token));
    }

    [Fact(Timeout = 60_000)]
    public async Task StartAsync_InvalidOption_ThrowsNamingIt()
    {
        var (server, started) = await HostAsync(new AudioChannelOptions { SpeakerCacheSize = 0 });
        await using var _ = server;
        using var bot = await server.ConnectAsync("a");

        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => started.WaitAsync(Token));
        Assert.Equal("SpeakerCacheSize", ex.ParamName);
    }
}
