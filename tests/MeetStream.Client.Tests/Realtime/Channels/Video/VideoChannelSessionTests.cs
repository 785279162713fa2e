using System.Net.WebSockets;
using MeetStream.Client.Realtime;
using MeetStream.Client.Tests.Infrastructure;
using MeetStream.Client.Tests.Realtime.Support;

namespace MeetStream.Client.Tests.Realtime;

public sealed class VideoChannelSessionTests
{
    private const string BotId = "bot_vid1";

    private const string StartJson = """{"type":"video_stream_start","bot_id":"bot_vid1","codec":"h264","audio_codec":"aac","container":"fmp4","width":1920,"height":1080,"framerate":25,"audio_sample_rate":44100,"audio_bitrate":"128k"}""";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static Task<(WebSocketTestServer Server, Task<VideoChannelSession> Session)> HostAsync(VideoChannelOptions? options = null) =>
        WebSocketTestServer.HostSessionAsync(socket => VideoChannelSession.StartAsync(socket, options, Token), session => session.Completion);

    /// <summary>fMP4-like fragments of varied sizes (one of 3 MB) with recognisable content.</summary>
    private static List<byte[]> Fragments()
    {
        int[] sizes = [1_200, 65_536, 3 * 1024 * 1024, 17, 200_000];
        return sizes.Select((size, index) => Enumerable.Range(0, size).Select(i => (byte)((i * 7) + index)).ToArray()).ToList();
    }

    [Fact(Timeout = 60_000)]
    public async Task StartAsync_StreamStart_ExposesEveryMetadataField()
    {
        var (server, started) = await HostAsync();
        await using var _ = server;
        using var bot = await server.ConnectAsync("bridge/video");

        await bot.SendTextAsync(StartJson);
        var session = await started.WaitAsync(Token);

        var start = session.StreamStart;
        Assert.Equal(BotId, session.BotId);
        Assert.Equal(RealtimeChannelKind.Video, session.Kind);
        Assert.Equal("video_stream_start", start.Type);
        Assert.Equal(BotId, start.BotId);
        Assert.Equal("h264", start.Codec);
        Assert.Equal("aac", start.AudioCodec);
        Assert.Equal("fmp4", start.Container);
        Assert.Equal(1920, start.Width);
        Assert.Equal(1080, start.Height);
        Assert.Equal(25, start.FrameRate);
        Assert.Equal(44100, start.AudioSampleRate);
        Assert.Equal("128k", start.AudioBitrate);
        var reading = session.ReadFragmentsAsync(Token).ToListAsync(Token).AsTask();
        await bot.CloseAsync();
        Assert.Empty(await reading);
    }

    [Fact(Timeout = 60_000)]
    public async Task ReadFragmentsAsync_FragmentsPingsAndEnd_YieldsFragmentsInOrderAndAnswersPings()
    {
        var (server, started) = await HostAsync();
        await using var _ = server;
        using var bot = await server.ConnectAsync("bridge/video");
        await bot.SendTextAsync(StartJson);
        var session = await started.WaitAsync(Token);
        var fragments = Fragments();
        var received = new List<(long Sequence, long Offset, byte[] Data)>();
        var reading = Task.Run(
            async () =>
        {
            await foreach (var fragment in session.ReadFragmentsAsync(Token))
            {
                received.Add((fragment.SequenceNumber, fragment.Offset, fragment.ToArray()));
            }
        },
            Token);

        for (int i = 0; i < fragments.Count; i++)
        {
            if (i == 2)
            {
                await bot.SendFragmentedAsync(fragments[i], WebSocketMessageType.Binary, pieces: 9);
            }
            else
            {
                await bot.SendBinaryAsync(fragments[i]);
            }

            await bot.SendTextAsync($$"""{"type":"video_latency_ping","bot_id":"bot_vid1","seq":{{40 + i}},"sent_at_ms":1767225600{{i}}00.5}""");
        }

        await bot.SendTextAsync("""{"type":"video_stream_end","bot_id":"bot_vid1","duration_seconds":152.7}""");
        var pongs = new List<System.Text.Json.Nodes.JsonObject>();
        for (int i = 0; i < fragments.Count; i++)
        {
            pongs.Add(await bot.ReceiveJsonAsync());
        }

        await bot.CloseAsync();
        await reading;

        Assert.Equal(fragments.Count, received.Count);
        long offset = 0;
        for (int i = 0; i < fragments.Count; i++)
        {
            Assert.Equal(i, received[i].Sequence);
            Assert.Equal(offset, received[i].Offset);
            Assert.Equal(fragments[i], received[i].Data);
            offset += fragments[i].Length;
        }

        for (int i = 0; i < pongs.Count; i++)
        {
            var pong = pongs[i];
            Assert.Equal(["type", "seq", "sent_at_ms", "server_received_at_ms", "bot_id"], pong.Select(p => p.Key));
            Assert.Equal("video_latency_pong", pong["type"]!.GetValue<string>());
            Assert.Equal(40 + i, pong["seq"]!.GetValue<int>());
            Assert.Equal(double.Parse($"1767225600{i}00.5", System.Globalization.CultureInfo.InvariantCulture), pong["sent_at_ms"]!.GetValue<double>());
            Assert.InRange(pong["server_received_at_ms"]!.GetValue<long>(), DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            Assert.Equal(BotId, pong["bot_id"]!.GetValue<string>());
        }

        Assert.Equal(152.7, session.StreamEnd!.DurationSeconds);
        Assert.Equal(TimeSpan.FromSeconds(152.7), session.StreamEnd.Duration);
        Assert.Equal(fragments.Count, session.LatencyPingsAnswered);
        Assert.Equal(44, session.LastLatencyPing!.Seq);
        Assert.Equal(fragments.Sum(f => (long)f.Length), session.BytesReceived);
    }

    [Fact(Timeout = 60_000)]
    public async Task ReadFragmentsAsync_PingWithFakeClock_StampsServerReceivedAt()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var (server, started) = await HostAsync(new VideoChannelOptions { TimeProvider = time });
        await using var _ = server;
        using var bot = await server.ConnectAsync("v");
        await bot.SendTextAsync(StartJson);
        var session = await started.WaitAsync(Token);
        var reading = session.ReadFragmentsAsync(Token).ToListAsync(Token).AsTask();

        await bot.SendTextAsync("""{"type":"video_latency_ping","bot_id":"bot_vid1","seq":1,"sent_at_ms":1767225599990}""");
        var pong = await bot.ReceiveJsonAsync();
        await bot.CloseAsync();
        await reading;

        Assert.Equal(1767225600000, pong["server_received_at_ms"]!.GetValue<long>());
        Assert.Equal(1767225599990, pong["sent_at_ms"]!.GetValue<long>());
    }

    [Fact(Timeout = 60_000)]
    public async Task OpenReadStream_CopyToFile_WritesTheConcatenatedFragments()
    {
        var (server, started) = await HostAsync();
        await using var _ = server;
        using var bot = await server.ConnectAsync("bridge/video");
        await bot.SendTextAsync(StartJson);
        var session = await started.WaitAsync(Token);
        var fragments = Fragments();
        string path = Path.Combine(Path.GetTempPath(), $"meetstream-video-{Guid.NewGuid():N}.mp4");
        try
        {
            var copying = Task.Run(
                async () =>
                {
                    await using var video = session.OpenReadStream();
                    await using var file = File.Create(path);
                    await video.CopyToAsync(file, Token);
                },
                Token);
            foreach (var fragment in fragments)
            {
                await bot.SendBinaryAsync(fragment);
            }

            await bot.CloseAsync();
            await copying;

            Assert.Equal(fragments.SelectMany(f => f).ToArray(), await File.ReadAllBytesAsync(path, Token));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task CopyToAsync_Stream_ReturnsByteCountAndBytes()
    {
        var (server, started) = await HostAsync();
        await using var _ = server;
        using var bot = await server.ConnectAsync("v");
        await bot.SendTextAsync(StartJson);
        var session = await started.WaitAsync(Token);
        using var destination = new MemoryStream();

        var copying = session.CopyToAsync(destination, Token);
        await bot.SendBinaryAsync([1, 2, 3]);
        await bot.SendTextAsync("""{"type":"something_new","x":1}""");
        await bot.SendBinaryAsync([4, 5]);
        await bot.CloseAsync();

        Assert.Equal(5, await copying);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, destination.ToArray());
        Assert.Equal(1, session.MessagesSkipped);
    }

    [Fact(Timeout = 60_000)]
    public async Task StartAsync_ReadyAndPingBeforeStart_AreTolerated()
    {
        var (server, started) = await HostAsync();
        await using var _ = server;
        using var bot = await server.ConnectAsync("v");

        await bot.SendTextAsync("""{"type":"ready","bot_id":"bot_vid1","message":"Ready to receive messages"}""");
        await bot.SendTextAsync("""{"type":"video_latency_ping","bot_id":"bot_vid1","seq":1,"sent_at_ms":5}""");
        await bot.SendTextAsync(StartJson);
        var session = await started.WaitAsync(Token);
        var pong = await bot.ReceiveJsonAsync();

        Assert.Equal("h264", session.StreamStart.Codec);
        Assert.Equal(1, pong["seq"]!.GetValue<int>());
        var reading = session.ReadFragmentsAsync(Token).ToListAsync(Token).AsTask();
        await bot.CloseAsync();
        await reading;
    }

    [Fact(Timeout = 60_000)]
    public async Task StartAsync_BinaryBeforeStart_ThrowsAndClosesWith1008()
    {
        var (server, started) = await HostAsync();
        await using var _ = server;
        using var bot = await server.ConnectAsync("v");

        await bot.SendBinaryAsync([0, 0, 0, 24, (byte)'f', (byte)'t', (byte)'y', (byte)'p']);
        var botReceive = bot.ReceiveAsync();

        var ex = await Assert.ThrowsAsync<MeetStreamRealtimeException>(() => started.WaitAsync(Token));
        Assert.Equal("video", ex.Channel);
        Assert.Null(await botReceive);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, bot.Socket.CloseStatus);
    }

    [Fact(Timeout = 60_000)]
    public async Task ReadFragmentsAsync_AbruptDisconnect_EndsCleanly()
    {
        var (server, started) = await HostAsync();
        await using var _ = server;
        var bot = await server.ConnectAsync("v");
        await bot.SendTextAsync(StartJson);
        var session = await started.WaitAsync(Token);
        var reading = session.ReadFragmentsAsync(Token).Select(f => f.ToArray()).ToListAsync(Token).AsTask();

        await bot.SendBinaryAsync([9, 9]);
        bot.Socket.Abort();
        bot.Dispose();

        Assert.Equal([9, 9], Assert.Single(await reading));
        await session.Completion.WaitAsync(Token);
        Assert.True(session.ClosedAbruptly);
        Assert.Null(session.StreamEnd);
    }
}
