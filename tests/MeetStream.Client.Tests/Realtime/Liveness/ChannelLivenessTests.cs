using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using MeetStream.Client.Realtime;
using MeetStream.Client.Tests.Infrastructure;
using MeetStream.Client.Tests.Realtime.Support;

namespace MeetStream.Client.Tests.Realtime.Liveness;

/// <summary>
/// Dead-peer detection of the channel sessions on real sockets, driven by the fake clock: a bot that goes silent after
/// <c>ready</c>, a frame that stalls mid-way (a header announcing 2^62 bytes), and a healthy bot that must never be cut.
/// </summary>
public sealed class ChannelLivenessTests
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Message = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact(Timeout = 60_000)]
    public async Task AudioSession_ReadyThenSilence_EndsWithIdleTimeoutAfterTheTimeoutNotBefore()
    {
        await using var host = await LivenessHost<AudioChannelSession>.StartAsync((socket, clock, logger) => AudioChannelSession.StartAsync(socket, new AudioChannelOptions { TimeProvider = clock, IdleTimeout = Idle, Logger = logger }, Token));
        using var bot = await host.ConnectBotAsync("bridge/audio");
        await bot.SendReadyAsync("bot_silent");
        var session = await host.SessionAsync();
        await Eventually.TrueAsync(() => session.Core.Liveness.IsWaiting, "the session waits for the bot", 30_000);

        host.Clock.Advance(Idle - TimeSpan.FromSeconds(1));
        Assert.Equal(0, host.TimeoutsLogged());
        Assert.False(session.IsClosed);
        Assert.Equal(RealtimeCloseReason.None, session.CloseReason);

        host.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.NotEqual(0, host.TimeoutsLogged());
        await session.Completion.WaitAsync(HangGuard, Token);

        Assert.Equal(RealtimeCloseReason.IdleTimeout, session.CloseReason);
        Assert.True(session.ClosedAbruptly);
        Assert.Null(session.CloseStatus);
        Assert.Equal(1, host.TimeoutsLogged("bot_silent"));
        await AssertBotSeesTheEndAsync(bot.Socket);
    }

    [Fact(Timeout = 60_000)]
    public async Task AudioSession_HeaderAnnouncing2Pow62BytesThenPartOfThePayload_EndsWithMessageTimeout()
    {
        await using var host = await LivenessHost<AudioChannelSession>.StartAsync((socket, clock, logger) => AudioChannelSession.StartAsync(socket, new AudioChannelOptions { TimeProvider = clock, IdleTimeout = Idle, MessageTimeout = Message, Logger = logger }, Token));
        using var peer = await host.ConnectPeerAsync("bridge/audio");
        await peer.SendTextAsync("""{"type":"ready","bot_id":"bot_stuck"}""");
        var session = await host.SessionAsync();
        long before = session.MessagesTooLarge;

        await peer.SendPartialBinaryAsync(1UL << 62, new byte[40_000]);
        await Eventually.TrueAsync(() => session.Core.Liveness.MessageInProgress, "the first bytes of the frame arrive", 30_000);
        host.Clock.Advance(Message - TimeSpan.FromSeconds(1));
        Assert.False(session.IsClosed);
        Assert.Equal(0, host.TimeoutsLogged());
        host.Clock.Advance(TimeSpan.FromSeconds(1));

        await session.Completion.WaitAsync(HangGuard, Token);
        Assert.Equal(RealtimeCloseReason.MessageTimeout, session.CloseReason);
        Assert.Equal(before, session.MessagesTooLarge);
        Assert.NotEqual(0, host.TimeoutsLogged("message"));
        await peer.ReadUntilClosedAsync();
    }

    [Fact(Timeout = 60_000)]
    public async Task AudioSession_HeaderAnnouncing2Pow62BytesAndNoPayload_EndsWithIdleTimeout()
    {
        await using var host = await LivenessHost<AudioChannelSession>.StartAsync((socket, clock, logger) => AudioChannelSession.StartAsync(socket, new AudioChannelOptions { TimeProvider = clock, IdleTimeout = Idle, MessageTimeout = Message, Logger = logger }, Token));
        using var peer = await host.ConnectPeerAsync("bridge/audio");
        await peer.SendTextAsync("""{"type":"ready","bot_id":"bot_header_only"}""");
        var session = await host.SessionAsync();

        // The header alone returns nothing to the reader (it waits for payload): to the session this is silence.
        await Eventually.TrueAsync(() => session.Core.Liveness.IsWaiting, "the session waits for the bot", 30_000);
        await peer.SendPartialBinaryAsync(1UL << 62, []);
        host.Clock.Advance(Idle - TimeSpan.FromSeconds(1));
        Assert.False(session.IsClosed);
        Assert.Equal(0, host.TimeoutsLogged());
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.NotEqual(0, host.TimeoutsLogged("idle"));

        await session.Completion.WaitAsync(HangGuard, Token);
        Assert.Equal(RealtimeCloseReason.IdleTimeout, session.CloseReason);
        await peer.ReadUntilClosedAsync();
    }

    [Fact(Timeout = 60_000)]
    public async Task ControlSession_LargeFrameWithOnlyPartOfItsPayload_EndsWithMessageTimeoutByDefaultSettings()
    {
        // Control has no idle timeout by default (a healthy bot may stay silent there), but a stalled frame still ends.
        Assert.Equal(Timeout.InfiniteTimeSpan, new ControlChannelOptions().IdleTimeout);
        await using var host = await LivenessHost<ControlChannelSession>.StartAsync((socket, clock, logger) => ControlChannelSession.StartAsync(socket, new ControlChannelOptions { TimeProvider = clock, Logger = logger }, Token));
        using var peer = await host.ConnectPeerAsync("bridge");
        await peer.SendTextAsync("""{"type":"ready","bot_id":"bot_half_frame"}""");
        var session = await host.SessionAsync();

        await peer.SendPartialBinaryAsync(200_000, new byte[40_000]);
        await Eventually.TrueAsync(() => session.Core.Liveness.MessageInProgress, "the first bytes of the frame arrive", 30_000);
        host.Clock.Advance(ControlChannelOptions.DefaultMessageTimeout - TimeSpan.FromSeconds(1));
        Assert.False(session.IsClosed);
        host.Clock.Advance(TimeSpan.FromSeconds(1));

        await session.Completion.WaitAsync(HangGuard, Token);
        Assert.Equal(RealtimeCloseReason.MessageTimeout, session.CloseReason);
        var error = await Assert.ThrowsAsync<MeetStreamRealtimeException>(() => session.SendMessageAsync("hello", Token));
        Assert.Equal(RealtimeCloseReason.MessageTimeout, error.CloseReason);
        Assert.Contains("MessageTimeout", error.Message, StringComparison.Ordinal);
        await peer.ReadUntilClosedAsync();
    }

    [Fact(Timeout = 60_000)]
    public async Task ControlSession_SilentForHoursByDefault_StaysOpen()
    {
        await using var host = await LivenessHost<ControlChannelSession>.StartAsync((socket, clock, logger) => ControlChannelSession.StartAsync(socket, new ControlChannelOptions { TimeProvider = clock, Logger = logger }, Token));
        using var bot = await host.ConnectBotAsync("bridge");
        await bot.SendReadyAsync("bot_quiet");
        var session = await host.SessionAsync();

        host.Clock.Advance(TimeSpan.FromHours(5));

        Assert.Equal(0, host.TimeoutsLogged());
        await session.SendMessageAsync("still here", Token);
        Assert.Equal("sendmsg", (await bot.ReceiveJsonAsync())["command"]!.GetValue<string>());
        await bot.CloseAsync();
        await session.Completion.WaitAsync(HangGuard, Token);
        Assert.Equal(RealtimeCloseReason.ClosedByBot, session.CloseReason);
    }

    [Fact(Timeout = 60_000)]
    public async Task AudioSession_HealthyPeerSendingEveryTenSeconds_IsNeverClosed()
    {
        await using var host = await LivenessHost<AudioChannelSession>.StartAsync((socket, clock, logger) => AudioChannelSession.StartAsync(socket, new AudioChannelOptions { TimeProvider = clock, IdleTimeout = Idle, MessageTimeout = Message, Logger = logger }, Token));
        using var bot = await host.ConnectBotAsync("bridge/audio");
        await bot.SendReadyAsync("bot_healthy");
        var session = await host.SessionAsync();
        var frame = AudioFrameWriter.CreateFrame("spk_1", "Alice", Pcm.Marked(1));

        // Ten simulated minutes, ten times the idle timeout; a frame every 10 s, some of them in two pieces.
        for (int i = 1; i <= 60; i++)
        {
            if (i % 3 == 0)
            {
                await bot.SendFragmentedAsync(frame, WebSocketMessageType.Binary, 2);
            }
            else
            {
                await bot.SendBinaryAsync(frame);
            }

            await Eventually.TrueAsync(() => session.FramesReceived == i, $"frame {i} is received", 30_000);
            host.Clock.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(0, host.TimeoutsLogged());
        Assert.False(session.IsClosed);
        await bot.CloseAsync();
        await session.Completion.WaitAsync(HangGuard, Token);
        Assert.Equal(RealtimeCloseReason.ClosedByBot, session.CloseReason);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, session.CloseStatus);
    }

    [Fact(Timeout = 60_000)]
    public async Task StartAsync_OnAWebSocketOverARawTcpStream_SilentPeerEndsWithIdleTimeoutAndCountsTheMetric()
    {
        var timeouts = new ConcurrentQueue<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "MeetStream.Client" && instrument.Name == "meetstream.realtime.liveness.timeouts")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var text = string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}"));
            if (!text.StartsWith("channel=control", StringComparison.Ordinal))
            {
                return; // the counter is process-wide: audio and video liveness tests in other classes run in parallel
            }

            for (long n = 0; n < value; n++)
            {
                timeouts.Enqueue(text);
            }
        });
        listener.Start();

        // No Kestrel: the application made its own WebSocket over a TCP stream and hands it to the SDK.
        using var tcp = new TcpListener(IPAddress.Loopback, 0);
        tcp.Start();
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)tcp.LocalEndpoint).Port, Token);
        using var accepted = await tcp.AcceptTcpClientAsync(Token);
        using var botSocket = WebSocket.CreateFromStream(client.GetStream(), new WebSocketCreationOptions { IsServer = false });
        var serverSocket = WebSocket.CreateFromStream(accepted.GetStream(), new WebSocketCreationOptions { IsServer = true });
        var clock = new FakeTimeProvider();
        await botSocket.SendAsync(Encoding.UTF8.GetBytes("""{"type":"ready","bot_id":"bot_stream"}"""), WebSocketMessageType.Text, true, Token);
        var session = await ControlChannelSession.StartAsync(serverSocket, new ControlChannelOptions { TimeProvider = clock, IdleTimeout = Idle }, Token);

        await Eventually.TrueAsync(() => session.Core.Liveness.IsWaiting, "the session waits for the bot", 30_000);
        clock.Advance(Idle - TimeSpan.FromSeconds(1));
        Assert.False(session.IsClosed);
        Assert.Empty(timeouts);
        clock.Advance(TimeSpan.FromSeconds(1));

        await session.Completion.WaitAsync(HangGuard, Token);
        Assert.Equal(RealtimeCloseReason.IdleTimeout, session.CloseReason);
        Assert.Equal(["channel=control,kind=idle"], timeouts.ToArray());

        // The bot sees the 1001 close frame (sent before the connection is dropped) or the drop itself.
        var buffer = new byte[256];
        try
        {
            var result = await botSocket.ReceiveAsync(new ArraySegment<byte>(buffer), Token).WaitAsync(HangGuard, Token);
            Assert.Equal(WebSocketMessageType.Close, result.MessageType);
            Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, result.CloseStatus);
            Assert.Equal("idle timeout", result.CloseStatusDescription);
        }
        catch (WebSocketException)
        {
        }
    }

    [Fact]
    public void Options_Defaults_AreOnForAudioAndVideoAndMessageTimeoutsEverywhere()
    {
        Assert.Equal(TimeSpan.FromMinutes(5), new AudioChannelOptions().IdleTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), new AudioChannelOptions().MessageTimeout);
        Assert.Equal(Timeout.InfiniteTimeSpan, new ControlChannelOptions().IdleTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), new ControlChannelOptions().MessageTimeout);
        Assert.Equal(TimeSpan.FromMinutes(5), new VideoChannelOptions().IdleTimeout);
        Assert.Equal(TimeSpan.FromMinutes(2), new VideoChannelOptions().MessageTimeout);
    }

    public static TheoryData<string, long> BadTimeouts => new()
    {
        { nameof(RealtimeChannelOptions.IdleTimeout), TimeSpan.FromSeconds(-5).Ticks },
        { nameof(RealtimeChannelOptions.IdleTimeout), TimeSpan.FromDays(2).Ticks },
        { nameof(RealtimeChannelOptions.IdleTimeout), TimeSpan.MinValue.Ticks },
        { nameof(RealtimeChannelOptions.MessageTimeout), -1 },
        { nameof(RealtimeChannelOptions.MessageTimeout), TimeSpan.MaxValue.Ticks },
    };

    [Theory]
    [MemberData(nameof(BadTimeouts))]
    public async Task StartAsync_OutOfRangeLivenessTimeout_ThrowsNamingTheSetting(string name, long ticks)
    {
        var options = new AudioChannelOptions();
        if (name == nameof(RealtimeChannelOptions.IdleTimeout))
        {
            options.IdleTimeout = TimeSpan.FromTicks(ticks);
        }
        else
        {
            options.MessageTimeout = TimeSpan.FromTicks(ticks);
        }

        using var socket = WebSocket.CreateFromStream(new MemoryStream(), new WebSocketCreationOptions { IsServer = true });
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => AudioChannelSession.StartAsync(socket, options, Token));
        Assert.Equal(name, error.ParamName);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-10_000L)]
    public async Task StartAsync_ZeroOrInfiniteLivenessTimeouts_TurnTheChecksOff(long ticks)
    {
        await using var host = await LivenessHost<AudioChannelSession>.StartAsync((socket, clock, _) => AudioChannelSession.StartAsync(socket, new AudioChannelOptions { TimeProvider = clock, IdleTimeout = TimeSpan.FromTicks(ticks), MessageTimeout = TimeSpan.FromTicks(ticks) }, Token));
        using var bot = await host.ConnectBotAsync("bridge/audio");
        await bot.SendReadyAsync("bot_off");
        var session = await host.SessionAsync();

        host.Clock.Advance(TimeSpan.FromDays(3));

        Assert.False(session.IsClosed);
        await bot.CloseAsync();
        await session.Completion.WaitAsync(HangGuard, Token);
        Assert.Equal(RealtimeCloseReason.ClosedByBot, session.CloseReason);
    }

    /// <summary>The bot sees the 1001 close frame the session sent before dropping the connection, or the drop itself.</summary>
    private static async Task AssertBotSeesTheEndAsync(WebSocket bot)
    {
        var buffer = new byte[256];
        try
        {
            var result = await bot.ReceiveAsync(new ArraySegment<byte>(buffer), Token).WaitAsync(HangGuard, Token);
            Assert.Equal(WebSocketMessageType.Close, result.MessageType);
            Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, result.CloseStatus);
        }
        catch (WebSocketException)
        {
            // The drop reached the bot first.
        }
    }
}
