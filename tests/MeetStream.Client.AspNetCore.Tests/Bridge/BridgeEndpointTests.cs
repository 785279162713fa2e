using System.Net;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using MeetStream.Client.Realtime;
using MeetStream.Client.Tests.Realtime.Support;

namespace MeetStream.Client.AspNetCore.Tests.Bridge;

/// <summary>The mapped bridge on real Kestrel with real <see cref="ClientWebSocket"/> bots: handshakes, routing, tokens, limits and closes.</summary>
public sealed class BridgeEndpointTests
{
    private const string BotId = "bot_abc123";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact(Timeout = 30_000)]
    public async Task MapMeetStreamBridge_ControlThenAudio_OneSessionWithBothChannelsAndOneHandlerCall()
    {
        await using var host = await BridgeTestHost.StartAsync();
        using var control = await host.ConnectAsync("/bridge", BotId);
        var session = await host.SessionAsync(BotId);
        using var audio = await host.ConnectAsync("/bridge/audio", BotId);

        var audioChannel = await session.GetAudioAsync(Token);

        Assert.Equal(BotId, audioChannel.BotId);
        Assert.NotNull(session.Control);
        Assert.Same(session, Assert.Single(host.Registry.Sessions));
        Assert.Equal(1, host.HandlerCalls);
    }

    [Fact(Timeout = 30_000)]
    public async Task MapMeetStreamBridge_AudioThenControl_OneSessionWithBothChannelsAndOneHandlerCall()
    {
        await using var host = await BridgeTestHost.StartAsync();
        using var audio = await host.ConnectAsync("/bridge/audio", BotId);
        var session = await host.SessionAsync(BotId);
        using var control = await host.ConnectAsync("/bridge", BotId);

        var controlChannel = await session.GetControlAsync(Token);

        Assert.Equal(BotId, controlChannel.BotId);
        Assert.NotNull(session.Audio);
        Assert.Same(session, Assert.Single(host.Registry.Sessions));
        Assert.Equal(1, host.HandlerCalls);
    }

    [Fact(Timeout = 30_000)]
    public async Task MapMeetStreamBridge_BotIdRoutes_AttachToTheSameSession()
    {
        await using var host = await BridgeTestHost.StartAsync();
        using var control = await host.ConnectAsync($"/{BotId}/bridge", BotId);
        var session = await host.SessionAsync(BotId);
        using var audio = await host.ConnectAsync($"/{BotId}/bridge/audio", BotId);
        using var video = await host.ConnectAsync($"/{BotId}/bridge/video", BotId);

        await session.GetAudioAsync(Token);
        var videoChannel = await session.GetVideoAsync(Token);

        Assert.Equal("h264", videoChannel.StreamStart.Codec);
        Assert.Equal(1, host.HandlerCalls);
    }

    [Fact(Timeout = 30_000)]
    public async Task MapMeetStreamBridge_ReadyBotIdDiffersFromRouteBotId_ClosesWith1008AndStartsNoSession()
    {
        await using var host = await BridgeTestHost.StartAsync();
        using var bot = await host.ConnectAsync("/bot_other/bridge/audio", BotId);

        Assert.Null(await bot.ReceiveAsync());

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, bot.Socket.CloseStatus);
        Assert.Equal(0, host.HandlerCalls);
        Assert.Equal(0, host.Registry.Count);
    }

    [Fact(Timeout = 30_000)]
    public async Task AudioSocket_AudioBeforeTheReadyHandshake_ClosesWith1008LogsAndStartsNoSession()
    {
        await using var host = await BridgeTestHost.StartAsync();
        using var bot = await host.OpenAsync("/bridge/audio");

        await bot.SendBinaryAsync(AudioFrameWriter.CreateFrame("spk_1", "Alice", Pcm.Marked(1)));

        Assert.Null(await bot.ReceiveAsync());
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, bot.Socket.CloseStatus);
        await Eventually.TrueAsync(() => host.Logs.Lines.Any(l => l.EventId.Id == 2103), "the failed handshake is logged");
        Assert.Equal(0, host.HandlerCalls);
        Assert.Equal(0, host.Registry.Count);
    }

    [Fact(Timeout = 60_000)]
    public async Task AudioSocket_TenSecondsAtFiftyFramesPerSecond_AllFramesReachTheHandlerInOrder()
    {
        const int frames = 500; // 10 s of 20 ms frames
        var received = new List<(short Marker, int Samples, string Speaker)>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await BridgeTestHost.StartAsync(
            options => options.Audio.FrameQueueCapacity = frames, // a CI machine may stall the handler for a while: nothing may be dropped
            async (session, cancellationToken) =>
            {
                await foreach (var frame in session.ReadAudioFramesAsync(cancellationToken))
                {
                    received.Add((frame.Samples[0], frame.SampleCount, frame.SpeakerName));
                    if (received.Count == frames)
                    {
                        done.TrySetResult();
                    }
                }
            });
        using var bot = await host.ConnectAsync("/bridge/audio", BotId);
        var session = await host.SessionAsync(BotId);

        using (var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20)))
        {
            for (short i = 0; i < frames; i++)
            {
                await bot.SendBinaryAsync(AudioFrameWriter.CreateFrame("spk_1", "Alice", Pcm.Marked(i)));
                await timer.WaitForNextTickAsync(Token);
            }
        }

        await done.Task.WaitAsync(Token);

        Assert.Equal(Enumerable.Range(0, frames).Select(i => (short)i), received.Select(r => r.Marker));
        Assert.All(received, r => Assert.Equal((960, "Alice"), (r.Samples, r.Speaker)));
        Assert.Equal(0, session.Audio!.FramesDropped);
    }

    [Fact(Timeout = 60_000)]
    public async Task AudioSocket_SlowHandler_QueueStaysBoundedAndDropsOldestWithACounter()
    {
        const int frames = 1_000;
        const int capacity = 50;
        var firstFrame = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var markers = new List<short>();
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await BridgeTestHost.StartAsync(
            options => options.Audio.FrameQueueCapacity = capacity,
            async (session, cancellationToken) =>
            {
                await foreach (var frame in session.ReadAudioFramesAsync(cancellationToken))
                {
                    markers.Add(frame.Samples[0]);
                    if (markers.Count == 1)
                    {
                        firstFrame.TrySetResult();
                        await release.Task; // a handler stuck on something slow
                    }

                    if (frame.Samples[0] == frames - 1)
                    {
                        finished.TrySetResult();
                    }
                }
            });
        using var bot = await host.ConnectAsync("/bridge/audio", BotId);
        var session = await host.SessionAsync(BotId);
        await bot.SendBinaryAsync(AudioFrameWriter.CreateFrame("spk_1", "Alice", Pcm.Marked(0)));
        await firstFrame.Task.WaitAsync(Token);

        for (short i = 1; i < frames; i++)
        {
            await bot.SendBinaryAsync(AudioFrameWriter.CreateFrame("spk_1", "Alice", Pcm.Marked(i)));
        }

        var audio = session.Audio!;
        await Eventually.TrueAsync(() => audio.FramesReceived == frames, "every frame was received");
        var queued = audio.QueuedFrames;
        var dropped = audio.FramesDropped;
        release.SetResult();
        await finished.Task.WaitAsync(Token);

        Assert.InRange(queued, 1, capacity);
        Assert.Equal(frames - 1 - queued, dropped);
        Assert.Equal(1 + queued, markers.Count);
        Assert.Equal(Enumerable.Range(frames - queued, queued).Select(i => (short)i), markers.Skip(1));
    }

    [Fact(Timeout = 60_000)]
    public async Task ControlSocket_InterruptWhileAudioIsQueued_ReachesTheBotBeforeTheQueuedAudio()
    {
        const int chunks = 40;
        await using var host = await BridgeTestHost.StartAsync(smallSocketBuffers: true);
        using var bot = await host.ConnectAsync("/bridge", BotId, smallReceiveBuffer: true);
        var session = await host.SessionAsync(BotId);
        var control = await session.GetControlAsync(Token);

        // The bot does not read yet: the server's writer blocks on the socket and the rest of the audio stays queued.
        var audio = new List<Task<bool>>();
        for (short i = 0; i < chunks; i++)
        {
            audio.Add(control.SendAudioAsync(Pcm.Bytes(Pcm.Marked(i, 48_000)), Token));
        }

        await Eventually.TrueAsync(() => control.PendingSendCount > 0 && control.MessagesSent < chunks, "the queue holds unsent audio");
        var interrupt = control.InterruptAsync(Token); // completes once written: the bot is not reading yet
        var next = control.SendAudioAsync(Pcm.Bytes(Pcm.Marked(1000, 480)), Token);

        var received = new List<JsonObject>();
        while (received.Count == 0 || received[^1]["command"]!.GetValue<string>() != "sendaudio" || Decode(received[^1])[0] != 1000)
        {
            var message = await bot.ReceiveJsonAsync();
            received.Add(message);
        }

        var commands = received.Select(m => m["command"]!.GetValue<string>()).ToList();
        var interruptAt = commands.IndexOf("interrupt");
        Assert.InRange(interruptAt, 0, chunks - 1);
        Assert.Equal("clear_audio_queue", received[interruptAt]["action"]!.GetValue<string>());
        Assert.Equal(BotId, received[interruptAt]["bot_id"]!.GetValue<string>());
        Assert.Equal(Enumerable.Range(0, interruptAt), received.Take(interruptAt).Select(m => (int)Decode(m)[0]));
        Assert.Equal(interruptAt + 2, received.Count); // sent audio, the interrupt, then only the audio queued after it
        await interrupt;
        Assert.True(await next);
        var results = await Task.WhenAll(audio);
        Assert.Equal(chunks - interruptAt, results.Count(sent => !sent));
        Assert.Equal(chunks - interruptAt, control.AudioChunksDiscarded);
    }

    [Fact(Timeout = 30_000)]
    public async Task Bot_AbruptDisconnectOfBothSockets_EndsTheSessionAndCancelsTheHandler()
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await BridgeTestHost.StartAsync(handler: async (session, cancellationToken) =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                cancelled.TrySetResult();
                throw;
            }
        });
        var control = await host.ConnectAsync("/bridge", BotId);
        var session = await host.SessionAsync(BotId);
        var audio = await host.ConnectAsync("/bridge/audio", BotId);
        await session.GetAudioAsync(Token);
        var audioChannel = session.Audio!;
        var controlChannel = session.Control!;

        control.Socket.Abort();
        audio.Socket.Abort();
        control.Dispose();
        audio.Dispose();

        await session.Completion.WaitAsync(Token);
        await cancelled.Task.WaitAsync(Token);
        Assert.True(audioChannel.ClosedAbruptly);
        Assert.True(controlChannel.ClosedAbruptly);
        Assert.Equal(0, host.Registry.Count);
        Assert.DoesNotContain(host.Logs.Lines, l => l.EventId.Id == 2108); // a cancelled handler is not a failure
    }

    [Fact(Timeout = 30_000)]
    public async Task Bot_CloseWith1000_SessionEndsWithNormalClosure()
    {
        await using var host = await BridgeTestHost.StartAsync();
        using var control = await host.ConnectAsync("/bridge", BotId);
        var session = await host.SessionAsync(BotId);
        var channel = session.Control!;

        await control.CloseAsync();

        await session.Completion.WaitAsync(Token);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, channel.CloseStatus);
        Assert.False(channel.ClosedAbruptly);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, control.Socket.CloseStatus);
    }

    [Fact(Timeout = 30_000)]
    public async Task AudioSocket_MessageOverTheLimit_ClosesWith1009()
    {
        await using var host = await BridgeTestHost.StartAsync(options => options.Audio.MaxMessageBytes = 64 * 1024);
        using var bot = await host.ConnectAsync("/bridge/audio", BotId);
        var session = await host.SessionAsync(BotId);

        await bot.SendBinaryAsync(AudioFrameWriter.CreateFrame("spk_1", "Alice", Pcm.Marked(1, 48_000)));

        Assert.Null(await bot.ReceiveAsync());
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, bot.Socket.CloseStatus);
        await session.Completion.WaitAsync(Token);
    }

    [Theory(Timeout = 30_000)]
    [InlineData("/bridge")]
    [InlineData("/bridge/audio")]
    [InlineData("/bridge/video")]
    public async Task Connect_WrongToken_403BeforeTheWebSocketAndNoSession(string path)
    {
        const string wrong = "wrong-token-value-0123456789";
        await using var host = await BridgeTestHost.StartAsync();
        using var client = new ClientWebSocket();
        client.Options.CollectHttpResponseDetails = true;

        await Assert.ThrowsAsync<WebSocketException>(() => client.ConnectAsync(host.Url(path, wrong), Token));

        Assert.Equal(HttpStatusCode.Forbidden, client.HttpStatusCode);
        Assert.Equal(0, host.HandlerCalls);
        Assert.Equal(0, host.Registry.Count);
        var line = Assert.Single(host.Logs.Lines, l => l.EventId.Id == 2101);
        Assert.Contains("403", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Logs.Lines, l => l.Category.StartsWith("MeetStream", StringComparison.Ordinal) && (l.Message.Contains(wrong, StringComparison.Ordinal) || l.Message.Contains(BridgeTestHost.Token, StringComparison.Ordinal)));
    }

    [Fact(Timeout = 30_000)]
    public async Task Connect_MissingToken_401AndNoSession()
    {
        await using var host = await BridgeTestHost.StartAsync();
        using var client = new ClientWebSocket();
        client.Options.CollectHttpResponseDetails = true;

        await Assert.ThrowsAsync<WebSocketException>(() => client.ConnectAsync(host.Url("/bridge/audio", token: null), Token));

        Assert.Equal(HttpStatusCode.Unauthorized, client.HttpStatusCode);
        Assert.Equal(0, host.HandlerCalls);
    }

    [Fact(Timeout = 30_000)]
    public async Task Connect_PreviousTokenStillConfigured_IsAccepted()
    {
        await using var host = await BridgeTestHost.StartAsync();
        using var bot = await host.ConnectAsync("/bridge", BotId, token: BridgeTestHost.OldToken);

        var session = await host.SessionAsync(BotId);

        Assert.Equal(BotId, session.BotId);
    }

    [Fact(Timeout = 30_000)]
    public async Task Request_NotAWebSocket_400()
    {
        await using var host = await BridgeTestHost.StartAsync();
        using var http = new HttpClient { BaseAddress = host.BaseUri };

        using var response = await http.GetAsync($"/bridge/audio?token={BridgeTestHost.Token}", Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact(Timeout = 30_000)]
    public async Task Handler_Throws_ErrorIsLoggedAndTheBotsSocketsCloseWith1000()
    {
        await using var host = await BridgeTestHost.StartAsync(handler: (_, _) => throw new InvalidOperationException("boom"));
        using var bot = await host.ConnectAsync("/bridge", BotId);

        Assert.Null(await bot.ReceiveAsync());

        Assert.Equal(WebSocketCloseStatus.NormalClosure, bot.Socket.CloseStatus);
        await Eventually.TrueAsync(() => host.Logs.Lines.Any(l => l.EventId.Id == 2108 && l.Exception is InvalidOperationException), "the failure is logged");
    }

    [Fact(Timeout = 30_000)]
    public async Task Application_Stopping_ClosesBotSocketsWith1001()
    {
        var host = await BridgeTestHost.StartAsync();
        await using var _ = host;
        using var bot = await host.ConnectAsync("/bridge", BotId);
        await host.SessionAsync(BotId);

        var stopping = host.App.StopAsync(Token);
        var closed = await bot.ReceiveAsync();
        await stopping;

        Assert.Null(closed);
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, bot.Socket.CloseStatus);
    }

    private static short[] Decode(JsonObject sendaudio)
    {
        var bytes = Convert.FromBase64String(sendaudio["audiochunk"]!.GetValue<string>());
        var samples = new short[bytes.Length / 2];
        Buffer.BlockCopy(bytes, 0, samples, 0, bytes.Length);
        return samples;
    }
}
