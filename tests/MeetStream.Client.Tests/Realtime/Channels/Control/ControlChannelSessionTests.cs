using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using MeetStream.Client.Realtime;
using MeetStream.Client.Realtime.Dsp;
using MeetStream.Client.Tests.Infrastructure;
using MeetStream.Client.Tests.Realtime.Support;

namespace MeetStream.Client.Tests.Realtime;

public sealed class ControlChannelSessionTests
{
    private const string BotId = "bot_abc123";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static Task<(WebSocketTestServer Server, Task<ControlChannelSession> Session)> HostAsync(ControlChannelOptions? options = null, bool smallSocketBuffers = false) =>
        WebSocketTestServer.HostSessionAsync(socket => ControlChannelSession.StartAsync(socket, options, Token), session => session.Completion, smallSocketBuffers);

    private static async Task<(WebSocketTestServer Server, FakeBot Bot, ControlChannelSession Session)> ConnectAsync(ControlChannelOptions? options = null)
    {
        var (server, started) = await HostAsync(options);
        var bot = await server.ConnectAsync("bridge");
        await bot.SendReadyAsync(BotId);
        return (server, bot, await started.WaitAsync(Token));
    }

    private static string[] Keys(JsonObject json) => json.Select(p => p.Key).ToArray();

    private static short[] Samples(int count, int start = 0) => Enumerable.Range(start, count).Select(i => (short)(i % 20_000)).ToArray();

    private static short[] DecodeAudio(JsonObject sendaudio)
    {
        var bytes = Convert.FromBase64String(sendaudio["audiochunk"]!.GetValue<string>());
        var samples = new short[bytes.Length / 2];
        Buffer.BlockCopy(bytes, 0, samples, 0, bytes.Length);
        return samples;
    }

    [Fact(Timeout = 60_000)]
    public async Task StartAsync_Ready_ExposesBotIdAndYieldsReadyFirst()
    {
        var (server, bot, session) = await ConnectAsync();
        await using var _ = server;
        using var __ = bot;

        Assert.Equal(BotId, session.BotId);
        Assert.Equal(RealtimeChannelKind.Control, session.Kind);
        await bot.CloseAsync();
        var messages = await session.ReadMessagesAsync(Token).ToListAsync(Token);

        var ready = Assert.IsType<ReadyMessage>(Assert.Single(messages));
        Assert.Equal(BotId, ready.BotId);
        Assert.Equal("Ready to receive messages", ready.Message);
        Assert.Equal("ready", ready.Raw.GetProperty("type").GetString());
    }

    [Fact(Timeout = 60_000)]
    public async Task SendAudioAsync_Wire_IsTheDocumentedSendaudioCommand()
    {
        var (server, bot, session) = await ConnectAsync();
        await using var _ = server;
        using var __ = bot;
        var pcm = Pcm.Bytes(Samples(24_000));

        Assert.True(await session.SendAudioAsync(pcm, Token));
        var json = await bot.ReceiveJsonAsync();

        Assert.Equal(["command", "bot_id", "audiochunk", "sample_rate", "encoding", "channels", "endianness"], Keys(json));
        Assert.Equal("sendaudio", json["command"]!.GetValue<string>());
        Assert.Equal(BotId, json["bot_id"]!.GetValue<string>());
        Assert.Equal(pcm, Convert.FromBase64String(json["audiochunk"]!.GetValue<string>()));
        Assert.Equal(48000, json["sample_rate"]!.GetValue<int>());
        Assert.Equal("pcm16", json["encoding"]!.GetValue<string>());
        Assert.Equal(1, json["channels"]!.GetValue<int>());
        Assert.Equal("little", json["endianness"]!.GetValue<string>());
    }

    [Fact(Timeout = 60_000)]
    public async Task SendMessageAsync_Wire_SetsBothMessageAndMsg()
    {
        var (server, bot, session) = await ConnectAsync();
        await using var _ = server;
        using var __ = bot;

        await session.SendMessageAsync("Hello! \"quoted\" ünïcode 👋", Token);
        var json = await bot.ReceiveJsonAsync();

        Assert.Equal(["command", "bot_id", "message", "msg"], Keys(json));
        Assert.Equal("sendmsg", json["command"]!.GetValue<string>());
        Assert.Equal(BotId, json["bot_id"]!.GetValue<string>());
        Assert.Equal("Hello! \"quoted\" ünïcode 👋", json["message"]!.GetValue<string>());
        Assert.Equal("Hello! \"quoted\" ünïcode 👋", json["msg"]!.GetValue<string>());
    }

    [Fact(Timeout = 60_000)]
    public async Task SendChatAsync_StreamingPattern_SendsGrowingTextThenFinal()
    {
        var (server, bot, session) = await ConnectAsync();
        await using var _ = server;
        using var __ = bot;

        await session.SendChatAsync(ChatRole.Assistant, "Hel", isFinal: false, Token);
        await session.SendChatAsync(ChatRole.Assistant, "Hello the", isFinal: false, Token);
        await session.SendChatAsync(ChatRole.Assistant, "Hello there", isFinal: true, Token);
        await session.SendChatAsync(ChatRole.User, "Hi", cancellationToken: Token);
        var messages = new[] { await bot.ReceiveJsonAsync(), await bot.ReceiveJsonAsync(), await bot.ReceiveJsonAsync(), await bot.ReceiveJsonAsync() };

        Assert.All(messages, json => Assert.Equal(["command", "bot_id", "role", "text", "is_final"], Keys(json)));
        Assert.All(messages, json => Assert.Equal("sendchat", json["command"]!.GetValue<string>()));
        Assert.All(messages, json => Assert.Equal(BotId, json["bot_id"]!.GetValue<string>()));
        Assert.Equal(["assistant", "assistant", "assistant", "user"], messages.Select(m => m["role"]!.GetValue<string>()));
        Assert.Equal(["Hel", "Hello the", "Hello there", "Hi"], messages.Select(m => m["text"]!.GetValue<string>()));
        Assert.Equal([false, false, true, true], messages.Select(m => m["is_final"]!.GetValue<bool>()));
    }

    [Fact(Timeout = 60_000)]
    public async Task InterruptAsync_Wire_IsClearAudioQueueAction()
    {
        var (server, bot, session) = await ConnectAsync();
        await using var _ = server;
        using var __ = bot;

        await session.InterruptAsync(Token);
        var json = await bot.ReceiveJsonAsync();

        Assert.Equal(["command", "bot_id", "action"], Keys(json));
        Assert.Equal("interrupt", json["command"]!.GetValue<string>());
        Assert.Equal(BotId, json["bot_id"]!.GetValue<string>());
        Assert.Equal("clear_audio_queue", json["action"]!.GetValue<string>());
    }

    [Fact(Timeout = 60_000)]
    public async Task SendImageAsync_Wire_SendsBase64Img()
    {
        var (server, bot, session) = await ConnectAsync();
        await using var _ = server;
        using var __ = bot;
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0xFF, 0xFE];

        await session.SendImageAsync(png, Token);
        var json = await bot.ReceiveJsonAsync();

        Assert.Equal(["command", "bot_id", "img"], Keys(json));
        Assert.Equal("sendimg", json["command"]!.GetValue<string>());
        Assert.Equal(BotId, json["bot_id"]!.GetValue<string>());
        Assert.Equal(png, Convert.FromBase64String(json["img"]!.GetValue<string>()));
    }

    [Fact(Timeout = 60_000)]
    public async Task SendImageUrlAsync_Wire_SendsImgUrl()
    {
        var (server, bot, session) = await ConnectAsync();
        await using var _ = server;
        using var __ = bot;

        await session.SendImageUrlAsync("https://cdn.example.com/slides/1.png?v=2&x=y", Token);
        var json = await bot.ReceiveJsonAsync();

        Assert.Equal(["command", "bot_id", "img_url"], Keys(json));
        Assert.Equal("sendimg_url", json["command"]!.GetValue<string>());
        Assert.Equal(BotId, json["bot_id"]!.GetValue<string>());
        Assert.Equal("https://cdn.example.com/slides/1.png?v=2&x=y", json["img_url"]!.GetValue<string>());
    }

    [Fact(Timeout = 60_000)]
    public async Task SendRawAsync_Wire_SendsTheBytesAsIs()
    {
        var (server, bot, session) = await ConnectAsync();
        await using var _ = server;
        using var __ = bot;

        await session.SendRawAsync("""{"command":"future","bot_id":"bot_abc123","x":1}"""u8.ToArray(), Token);
        var message = await bot.ReceiveAsync();

        Assert.Equal(WebSocketMessageType.Text, message!.Value.Type);
        Assert.Equal("""{"command":"future","bot_id":"bot_abc123","x":1}""", Encoding.UTF8.GetString(message.Value.Data));
    }

    [Theory(Timeout = 60_000)]
    [InlineData("ftp://example.com/a.png")]
    [InlineData("/relative.png")]
    [InlineData("not a url")]
    public async Task SendImageUrlAsync_NotAbsoluteHttpUrl_ThrowsNamingParameter(string url)
    {
        var (server, bot, session) = await ConnectAsync();
        await using var _ = server;
        using var __ = bot;

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => session.SendImageUrlAsync(url, Token));

        Assert.Equal("imageUrl", ex.ParamName);
    }

    [Fact(Timeout = 60_000)]
    public async Task SendMethods_InvalidArguments_ThrowBeforeSending()
    {
        var (server, bot, session) = await ConnectAsync();
        await using var _ = server;
        using var __ = bot;

        Assert.Equal("message", (await Assert.ThrowsAsync<ArgumentException>(() => session.SendMessageAsync("", Token))).ParamName);
        Assert.Equal("pcm", (await Assert.ThrowsAsync<ArgumentException>(() => session.SendAudioAsync(new byte[3], Token))).ParamName);
        Assert.Equal("pcm", (await Assert.ThrowsAsync<ArgumentException>(() => session.SendAudioAsync(Array.Empty<byte>(), Token))).ParamName);
        Assert.Equal("image", (await Assert.ThrowsAsync<ArgumentException>(() => session.SendImageAsync(Array.Empty<byte>(), Token))).ParamName);
        Assert.Equal("role", (await Assert.ThrowsAsync<ArgumentException>(() => session.SendChatAsync(default, "x", true, Token))).ParamName);
        Assert.Equal("pcm", (await Assert.ThrowsAsync<ArgumentException>(() => session.SpeakAsync(new byte[5], 48_000, Token))).ParamName);
        Assert.Equal(0, session.MessagesSent);
    }

    [Fact(Timeout = 60_000)]
    public async Task ReadMessagesAsync_InboundMessages_AreTyped()
    {
        var (server, bot, session) = await ConnectAsync();
        await using var _ = server;
        using var __ = bot;

        await bot.SendTextAsync("""{"command":"usermsg","message":"Can you summarise?","sender":"Alice"}""");
        await bot.SendTextAsync("""{"command":"interrupt","bot_id":"bot_abc123"}""");
        await bot.SendTextAsync("""{"command":"ack","bot_id":"bot_abc123","message":"bound"}""");
        await bot.SendTextAsync("not json");
        await bot.SendTextAsync("""{"type":"status","value":42}""");
        await bot.CloseAsync();
        var messages = await session.ReadMessagesAsync(Token).ToListAsync(Token);

        Assert.IsType<ReadyMessage>(messages[0]);
        var chat = Assert.IsType<UserChatMessage>(messages[1]);
        Assert.Equal("Can you summarise?", chat.Text);
        Assert.Equal("Alice", chat.AdditionalProperties!["sender"].GetString());
        var interrupt = Assert.IsType<InterruptMessage>(messages[2]);
        Assert.Equal(BotId, interrupt.BotId);
        var ack = Assert.IsType<UnknownControlMessage>(messages[3]);
        Assert.Equal("ack", ack.Name);
        Assert.Equal("bound", ack.Raw.GetProperty("message").GetString());
        var status = Assert.IsType<UnknownControlMessage>(messages[4]);
        Assert.Equal("status", status.Name);
        Assert.Equal(42, status.Raw.GetProperty("value").GetInt32());
        Assert.Equal(5, messages.Count);
        Assert.Equal(1, session.InboundMessagesMalformed);
        Assert.Equal(4, session.MessagesReceived);
    }

    [Fact(Timeout = 60_000)]
    public async Task ReadMessagesAsync_NobodyReads_DropsOldestAndStillNoticesClose()
    {
        var (server, bot, session) = await ConnectAsync(new ControlChannelOptions { InboundQueueCapacity = 3 });
        await using var _ = server;
        using var __ = bot;

        for (int i = 0; i < 10; i++)
        {
            await bot.SendTextAsync($$"""{"command":"usermsg","message":"m{{i}}"}""");
        }

        await bot.CloseAsync();
        await session.Completion.WaitAsync(Token);
        var messages = await session.ReadMessagesAsync(Token).ToListAsync(Token);

        Assert.Equal(["m7", "m8", "m9"], messages.Cast<UserChatMessage>().Select(m => m.Text));
        Assert.Equal(8, session.InboundMessagesDropped);
    }

    [Fact(Timeout = 60_000)]
    public async Task InterruptAsync_AudioQueuedBehindABlockedSocket_OvertakesItAndDiscardsUnsentAudio()
    {
        var (server, started) = await HostAsync(smallSocketBuffers: true);
        await using var _ = server;
        using var bot = await server.ConnectAsync("bridge", smallReceiveBuffer: true);
        await bot.SendReadyAsync(BotId);
        var session = await started.WaitAsync(Token);
        const int chunks = 40;

        // The bot does not read yet: the writer blocks on the socket after a few chunks and the rest stay queued.
        var audio = new List<Task<bool>>();
        for (short i = 0; i < chunks; i++)
        {
            audio.Add(session.SendAudioAsync(Pcm.Bytes(Pcm.Marked(i, 48_000)), Token));
        }

        var chat = session.SendMessageAsync("queued after the audio", Token);
        await Eventually.TrueAsync(() => session.PendingSendCount > 0 && session.MessagesSent < chunks, "the queue holds unsent audio");
        var interrupt = session.InterruptAsync(Token);

        var received = new List<JsonObject>();
        while (received.Count == 0 || received[^1]["command"]!.GetValue<string>() != "sendmsg")
        {
            received.Add(await bot.ReceiveJsonAsync());
        }

        await interrupt;
        await chat;
        var commands = received.Select(m => m["command"]!.GetValue<string>()).ToList();
        int sentAudio = commands.IndexOf("interrupt");
        Assert.InRange(sentAudio, 0, chunks - 1);
        Assert.All(commands.Take(sentAudio), c => Assert.Equal("sendaudio", c));
        Assert.Equal(["interrupt", "sendmsg"], commands.Skip(sentAudio));
        Assert.Equal(Enumerable.Range(0, sentAudio), received.Take(sentAudio).Select(m => (int)DecodeAudio(m)[0]));
        var results = await Task.WhenAll(audio);
        Assert.Equal(Enumerable.Repeat(true, sentAudio).Concat(Enumerable.Repeat(false, chunks - sentAudio)), results);
        Assert.Equal(chunks - sentAudio, session.AudioChunksDiscarded);
    }

    [Fact(Timeout = 60_000)]
    public async Task InterruptAsync_AudioQueuedAfterwards_IsKeptAndSentAfterTheInterrupt()
    {
        var (server, bot, session) = await ConnectAsync();
        await using var _ = server;
        using var __ = bot;

        var interrupt = session.InterruptAsync(Token);
        var next = session.SendAudioAsync(Pcm.Bytes(Pcm.Marked(9, 480)), Token);

        Assert.Equal("interrupt", (await bot.ReceiveJsonAsync())["command"]!.GetValue<string>());
        var audio = await bot.ReceiveJsonAsync();
        Assert.Equal("sendaudio", audio["command"]!.GetValue<string>());
        Assert.Equal(9, DecodeAudio(audio)[0]);
        await interrupt;
        Assert.True(await next);
    }

    [Fact(Timeout = 60_000)]
    public async Task SpeakAsync_ThreeAndAHalfSeconds_SendsOneSecondChunksPacedAtNinetyPercent()
    {
        var time = new FakeTimeProvider();
        var (server, bot, session) = await ConnectAsync(new ControlChannelOptions { TimeProvider = time });
        await using var _ = server;
        using var __ = bot;
        var speech = Samples(168_000);
        static int Paced(FakeTimeProvider t) => t.RequestedDelays.Count(d => d == TimeSpan.FromSeconds(0.9));

        var speaking = session.SpeakAsync(speech, 48_000, Token);
        var chunks = new List<short[]> { DecodeAudio(await bot.ReceiveJsonAsync()) };
        for (int i = 1; i <= 3; i++)
        {
            await Eventually.TrueAsync(() => Paced(time) == i, $"pacing timer {i} exists");
            Assert.False(speaking.IsCompleted);
            time.Advance(TimeSpan.FromSeconds(0.9));
            chunks.Add(DecodeAudio(await bot.ReceiveJsonAsync()));
        }

        Assert.Equal(SpeakResult.Completed, await speaking);
        Assert.Equal([48_000, 48_000, 48_000, 24_000], chunks.Select(c => c.Length));
        Assert.Equal(speech, chunks.SelectMany(c => c));
        Assert.Equal(3, Paced(time));
    }

    [Fact(Timeout = 60_000)]
    public async Task SpeakAsync_HalfSecondChunksAtRealTime_UsesConfiguredChunkAndPace()
    {
        var time = new FakeTimeProvider();
        var (server, bot, session) = await ConnectAsync(new ControlChannelOptions { TimeProvider = time, SpeechChunkDuration = TimeSpan.FromMilliseconds(500), PacingFactor = 1 });
        await using var _ = server;
        using var __ = bot;

        var speaking = session.SpeakAsync(Samples(48_000), 48_000, Token);
        Assert.Equal(24_000, DecodeAudio(await bot.ReceiveJsonAsync()).Length);
        await Eventually.TrueAsync(() => time.RequestedDelays.Contains(TimeSpan.FromMilliseconds(500)), "the pacing timer exists");
        time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(24_000, DecodeAudio(await bot.ReceiveJsonAsync()).Length);

        Assert.Equal(SpeakResult.Completed, await speaking);
    }

    [Fact(Timeout = 60_000)]
    public async Task SpeakAsync_InterruptedMidSpeech_ReturnsInterruptedAndSendsNoMoreAudio()
    {
        var time = new FakeTimeProvider();
        var (server, bot, session) = await ConnectAsync(new ControlChannelOptions { TimeProvider = time });
        await using var _ = server;
        using var __ = bot;

        var speaking = session.SpeakAsync(Samples(144_000), 48_000, Token);
        Assert.Equal("sendaudio", (await bot.ReceiveJsonAsync())["command"]!.GetValue<string>());
        await Eventually.TrueAsync(() => time.RequestedDelays.Contains(TimeSpan.FromSeconds(0.9)), "the pacing timer exists");
        await session.InterruptAsync(Token);

        Assert.Equal(SpeakResult.Interrupted, await speaking);
        await session.SendMessageAsync("end marker", Token);
        Assert.Equal("interrupt", (await bot.ReceiveJsonAsync())["command"]!.GetValue<string>());
        Assert.Equal("sendmsg", (await bot.ReceiveJsonAsync())["command"]!.GetValue<string>());
    }

    [Fact(Timeout = 60_000)]
    public async Task SpeakAsync_InboundInterruptFromMeetStream_StopsSpeakingWithoutSendingAnInterrupt()
    {
        var time = new FakeTimeProvider();
        var (server, bot, session) = await ConnectAsync(new ControlChannelOptions { TimeProvider = time });
        await using var _ = server;
        using var __ = bot;

        var speaking = session.SpeakAsync(Samples(144_000), 48_000, Token);
        Assert.Equal("sendaudio", (await bot.ReceiveJsonAsync())["command"]!.GetValue<string>());
        await bot.SendTextAsync("""{"command":"interrupt"}""");

        Assert.Equal(SpeakResult.Interrupted, await speaking);
        await session.SendMessageAsync("end marker", Token);
        Assert.Equal("sendmsg", (await bot.ReceiveJsonAsync())["command"]!.GetValue<string>());
    }

    [Fact(Timeout = 60_000)]
    public async Task SpeakAsync_SentenceAfterSentence_KeepsOnePacingClock()
    {
        var time = new FakeTimeProvider();
        var (server, bot, session) = await ConnectAsync(new ControlChannelOptions { TimeProvider = time });
        await using var _ = server;
        using var __ = bot;

        Assert.Equal(SpeakResult.Completed, await session.SpeakAsync(Samples(48_000), 48_000, Token));
        var second = session.SpeakAsync(Samples(48_000, start: 7), 48_000, Token);
        Assert.Equal(0, DecodeAudio(await bot.ReceiveJsonAsync())[0]);
        await Eventually.TrueAsync(() => time.RequestedDelays.Contains(TimeSpan.FromSeconds(0.9)), "the second sentence waits for its slot");
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.9));

        Assert.Equal(SpeakResult.Completed, await second);
        Assert.Equal(7, DecodeAudio(await bot.ReceiveJsonAsync())[0]);
    }

    [Fact(Timeout = 60_000)]
    public async Task SpeakAsync_AfterInterrupt_StartsAtOnce()
    {
        var time = new FakeTimeProvider();
        var (server, bot, session) = await ConnectAsync(new ControlChannelOptions { TimeProvider = time });
        await using var _ = server;
        using var __ = bot;

        Assert.Equal(SpeakResult.Completed, await session.SpeakAsync(Samples(48_000), 48_000, Token));
        await session.InterruptAsync(Token);
        Assert.Equal(SpeakResult.Completed, await session.SpeakAsync(Samples(48_000, start: 5), 48_000, Token));

        Assert.Equal("sendaudio", (await bot.ReceiveJsonAsync())["command"]!.GetValue<string>());
        Assert.Equal("interrupt", (await bot.ReceiveJsonAsync())["command"]!.GetValue<string>());
        Assert.Equal(5, DecodeAudio(await bot.ReceiveJsonAsync())[0]);
        Assert.DoesNotContain(TimeSpan.FromSeconds(0.9), time.RequestedDelays);
    }

    [Fact(Timeout = 60_000)]
    public async Task SpeakAsync_WaitingBehindAnotherSpeechWhenInterrupted_IsInterruptedToo()
    {
        var time = new FakeTimeProvider();
        var (server, bot, session) = await ConnectAsync(new ControlChannelOptions { TimeProvider = time });
        await using var _ = server;
        using var __ = bot;

        var first = session.SpeakAsync(Samples(96_000), 48_000, Token);
        var second = session.SpeakAsync(Samples(48_000), 48_000, Token);
        Assert.Equal("sendaudio", (await bot.ReceiveJsonAsync())["command"]!.GetValue<string>());
        await session.InterruptAsync(Token);

        Assert.Equal(SpeakResult.Interrupted, await first);
        Assert.Equal(SpeakResult.Interrupted, await second);
        await session.SendMessageAsync("end marker", Token);
        Assert.Equal("interrupt", (await bot.ReceiveJsonAsync())["command"]!.GetValue<string>());
        Assert.Equal("sendmsg", (await bot.ReceiveJsonAsync())["command"]!.GetValue<string>());
    }

    [Fact(Timeout = 60_000)]
    public async Task SpeakAsync_16kHzSpeech_IsResampledTo48kHzByDefault()
    {
        var (server, bot, session) = await ConnectAsync(new ControlChannelOptions { PacingFactor = 0 });
        await using var _ = server;
        using var __ = bot;
        var tone = new short[16_000];
        for (var i = 0; i < tone.Length; i++)
        {
            tone[i] = (short)(10_000 * Math.Sin(2 * Math.PI * 440 * i / 16_000.0));
        }

        Assert.Equal(SpeakResult.Completed, await session.SpeakAsync(tone, 16_000, Token));

        var received = new List<short>();
        while (received.Count < 48_000)
        {
            var command = await bot.ReceiveJsonAsync();
            Assert.Equal(48_000, command["sample_rate"]!.GetValue<int>());
            received.AddRange(DecodeAudio(command));
        }

        // One second at 48 kHz plus the filter's flushed tail (a few milliseconds), with the tone's level kept.
        Assert.InRange(received.Count, 48_000, 48_000 + 480);
        var rms = Math.Sqrt(received.Skip(4_800).Take(38_400).Average(s => (double)s * s));
        Assert.InRange(rms, 10_000 / Math.Sqrt(2) * 0.95, 10_000 / Math.Sqrt(2) * 1.05);
    }

    [Fact(Timeout = 60_000)]
    public async Task SpeakAsync_UnsupportedRate_ThrowsNamingSampleRate()
    {
        var (server, bot, session) = await ConnectAsync();
        await using var _ = server;
        using var __ = bot;

        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => session.SpeakAsync(Samples(7_919), 7_919, Token));
        var negative = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => session.SpeakAsync(Samples(10), -1, Token));

        Assert.Equal("sampleRate", ex.ParamName);
        Assert.Contains("48000", ex.Message, StringComparison.Ordinal);
        Assert.Equal("sampleRate", negative.ParamName);
    }

    [Fact(Timeout = 60_000)]
    public async Task SpeakAsync_Not48kHzWithSpeechResamplingOptions_SendsWhatThatFilterMakes()
    {
        var filter = new PcmResamplerOptions { PassbandEnd = 0.5, StopbandAttenuation = 40 };
        var options = new ControlChannelOptions { PacingFactor = 0, SpeechResampling = filter };
        var (server, bot, session) = await ConnectAsync(options);
        await using var _ = server;
        using var __ = bot;
        var speech = Samples(16_000);
        var expected = Resample(speech, filter);

        Assert.Equal(SpeakResult.Completed, await session.SpeakAsync(speech, 16_000, Token));

        var received = new List<short>();
        while (received.Count < expected.Length)
        {
            received.AddRange(DecodeAudio(await bot.ReceiveJsonAsync()));
        }

        Assert.Equal(expected, received);
        Assert.NotEqual(Resample(speech, null), expected);

        static short[] Resample(short[] input, PcmResamplerOptions? filter)
        {
            var resampler = new PcmResampler(16_000, 48_000, filter);
            var output = new short[resampler.GetOutputLength(input.Length) + resampler.GetFlushLength()];
            int written = resampler.Process(input, output);
            written += resampler.Flush(output.AsSpan(written));
            return output[..written];
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task StartAsync_SpeechResamplingOutOfRange_ThrowsNamingTheSetting()
    {
        var options = new ControlChannelOptions { SpeechResampling = new PcmResamplerOptions { PassbandEnd = 0.99 } };
        using var socket = WebSocket.CreateFromStream(new MemoryStream(), new WebSocketCreationOptions { IsServer = true });

        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ControlChannelSession.StartAsync(socket, options, Token));

        Assert.Equal("PassbandEnd", ex.ParamName);
    }

    [Fact(Timeout = 60_000)]
    public async Task SpeakAsync_PcmBytes_SendsTheSameAudio()
    {
        var (server, bot, session) = await ConnectAsync(new ControlChannelOptions { PacingFactor = 0 });
        await using var _ = server;
        using var __ = bot;
        var samples = Samples(1_000, start: 123);

        Assert.Equal(SpeakResult.Completed, await session.SpeakAsync(Pcm.Bytes(samples), 48_000, Token));

        Assert.Equal(samples, DecodeAudio(await bot.ReceiveJsonAsync()));
    }

    [Fact(Timeout = 60_000)]
    public async Task DisposeAsync_QueuedCommands_AreSentBeforeCloseWith1000()
    {
        var (server, bot, session) = await ConnectAsync();
        await using var _ = server;
        using var __ = bot;

        var sends = new[] { session.SendMessageAsync("one", Token), session.SendMessageAsync("two", Token), session.SendMessageAsync("three", Token) };
        var receiving = bot.ReceiveUntilCloseAsync();
        await session.DisposeAsync();
        await Task.WhenAll(sends);
        var (messages, status) = await receiving;

        Assert.Equal(["one", "two", "three"], messages.Select(m => m["message"]!.GetValue<string>()));
        Assert.Equal(WebSocketCloseStatus.NormalClosure, status);
        Assert.True(session.IsClosed);
    }

    [Fact(Timeout = 60_000)]
    public async Task SendMessageAsync_AfterBotLeft_ThrowsRealtimeExceptionWithCloseStatus()
    {
        var (server, bot, session) = await ConnectAsync();
        await using var _ = server;
        using var __ = bot;

        await bot.CloseAsync();
        await session.Completion.WaitAsync(Token);

        var ex = await Assert.ThrowsAsync<MeetStreamRealtimeException>(() => session.SendMessageAsync("hello", Token));
        Assert.Equal(WebSocketCloseStatus.NormalClosure, ex.CloseStatus);
        Assert.Equal(BotId, ex.BotId);
        Assert.Equal("control", ex.Channel);
        Assert.Contains("closed by the bot", ex.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<MeetStreamRealtimeException>(() => session.InterruptAsync(Token));
    }

    [Fact(Timeout = 60_000)]
    public async Task Completion_AbruptDisconnect_EndsLoopsAndMessages()
    {
        var (server, bot, session) = await ConnectAsync();
        await using var _ = server;

        var reading = session.ReadMessagesAsync(Token).ToListAsync(Token).AsTask();
        bot.Socket.Abort();
        bot.Dispose();
        await session.Completion.WaitAsync(Token);

        Assert.True(session.ClosedAbruptly);
        Assert.Single(await reading);
    }

    [Fact(Timeout = 60_000)]
    public async Task StartAsync_ChunkDurationOutOfRange_ThrowsNamingIt()
    {
        var (server, started) = await HostAsync(new ControlChannelOptions { SpeechChunkDuration = TimeSpan.FromSeconds(3) });
        await using var _ = server;
        using var bot = await server.ConnectAsync("bridge");

        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => started.WaitAsync(Token));
        Assert.Equal("SpeechChunkDuration", ex.ParamName);
    }
}
