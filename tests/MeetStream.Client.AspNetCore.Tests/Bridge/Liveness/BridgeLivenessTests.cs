using System.Net.WebSockets;
using MeetStream.Client.AspNetCore.Internal;
using MeetStream.Client.Realtime;
using MeetStream.Client.Tests.Infrastructure;
using MeetStream.Client.Tests.Realtime.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MeetStream.Client.AspNetCore.Tests.Bridge.Liveness;

/// <summary>Dead-peer detection through the bridge (Kestrel on loopback, real WebSockets, the fake clock) and its settings.</summary>
public sealed class BridgeLivenessTests
{
    private const string Token = "test-bridge-token-0123456789";
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(60);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact(Timeout = 60_000)]
    public async Task AudioSocket_ReadyThenSilence_ClosedWithIdleTimeoutAndTheBotSessionEnds()
    {
        var (host, clock, bot, session) = await ConnectAsync(
            (o, c) =>
            {
                o.Audio.TimeProvider = c;
                o.Audio.IdleTimeout = Idle;
            },
            "/bridge/audio",
            "bot_gone");
        await using var _ = host;
        using var __ = bot;
        var audio = await session.GetAudioAsync(Cancel);

        clock.Advance(Idle - TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(host.Logs.Lines, l => l.EventId.Id == 3008);
        Assert.False(audio.IsClosed);

        // The receive started no earlier than the handshake, but on a loaded machine it may start after some of these
        // steps (its idle clock then starts later): step the fake clock and let the session's threads run between
        // steps until the timeout fires. The fake-time bound and the test's Timeout are hang guards only.
        var elapsed = Idle - TimeSpan.FromSeconds(1);
        while (!host.Logs.Lines.Any(l => l.EventId.Id == 3008))
        {
            Assert.True(elapsed < TimeSpan.FromHours(2), "no idle timeout within two hours of fake time");
            clock.Advance(TimeSpan.FromSeconds(1));
            elapsed += TimeSpan.FromSeconds(1);
            await Task.Delay(1, Cancel);
        }

        await audio.Completion.WaitAsync(TimeSpan.FromSeconds(30), Cancel);
        await session.Completion.WaitAsync(TimeSpan.FromSeconds(30), Cancel);
        Assert.Equal(RealtimeCloseReason.IdleTimeout, audio.CloseReason);
        Assert.Single(host.Logs.Lines, l => l.EventId.Id == 3008);
        await Eventually.TrueAsync(() => host.Logs.Lines.Any(l => l.EventId.Id == 2105), "the bridge logs the disconnect", 30_000);
    }

    [Fact(Timeout = 60_000)]
    public async Task ControlSocket_QuietForHoursWithDefaults_StaysOpen()
    {
        var (host, clock, bot, session) = await ConnectAsync((o, c) => o.Control.TimeProvider = c, "/bridge", "bot_quiet");
        await using var _ = host;
        using var __ = bot;
        var control = await session.GetControlAsync(Cancel);

        clock.Advance(TimeSpan.FromHours(4));

        Assert.False(control.IsClosed);
        await control.SendMessageAsync("still here", Cancel);
        Assert.Equal("sendmsg", (await bot.ReceiveJsonAsync())["command"]!.GetValue<string>());
        await bot.CloseAsync();
        await control.Completion.WaitAsync(TimeSpan.FromSeconds(30), Cancel);
        Assert.Equal(RealtimeCloseReason.ClosedByBot, control.CloseReason);
    }

    [Fact]
    public void CreateContext_DefaultOptions_PingsEveryThirtySecondsAndAbortsWithoutAPongWithinThirty()
    {
        var context = BridgeWebSocketAccept.CreateContext(new MeetStreamBridgeOptions());

        Assert.Equal(TimeSpan.FromSeconds(30), context.KeepAliveInterval);
#if NET9_0_OR_GREATER
        Assert.Equal(TimeSpan.FromSeconds(30), context.KeepAliveTimeout);
#endif
    }

    [Fact]
    public void CreateContext_KeepAlivesOff_SetsNoPongTimeout()
    {
        var context = BridgeWebSocketAccept.CreateContext(new MeetStreamBridgeOptions { KeepAliveInterval = TimeSpan.Zero, KeepAliveTimeout = TimeSpan.FromSeconds(5) });

        Assert.Equal(TimeSpan.Zero, context.KeepAliveInterval);
#if NET9_0_OR_GREATER
        Assert.Equal(Timeout.InfiniteTimeSpan, context.KeepAliveTimeout);
#endif
    }

    [Fact]
    public void AddMeetStreamBridge_LivenessConfiguration_BindsEveryTimeout()
    {
        var options = Bind(new Dictionary<string, string?>
        {
            ["Bridge:KeepAliveTimeout"] = "10",
            ["Bridge:AudioIdleTimeout"] = "00:02:00",
            ["Bridge:ControlIdleTimeout"] = "3600",
            ["Bridge:VideoIdleTimeout"] = "Infinite",
            ["Bridge:MessageTimeout"] = "15",
            ["Bridge:VideoMessageTimeout"] = "off",
        });

        Assert.Equal(TimeSpan.FromSeconds(10), options.KeepAliveTimeout);
        Assert.Equal(TimeSpan.FromMinutes(2), options.Audio.IdleTimeout);
        Assert.Equal(TimeSpan.FromHours(1), options.Control.IdleTimeout);
        Assert.Equal(Timeout.InfiniteTimeSpan, options.Video.IdleTimeout);
        Assert.Equal(TimeSpan.FromSeconds(15), options.Audio.MessageTimeout);
        Assert.Equal(TimeSpan.FromSeconds(15), options.Control.MessageTimeout);
        Assert.Equal(Timeout.InfiniteTimeSpan, options.Video.MessageTimeout);
        Assert.Contains("KeepAliveTimeout = 00:00:10", options.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("KeepAliveTimeout", "soon")]
    [InlineData("AudioIdleTimeout", "NaN")]
    [InlineData("MessageTimeout", "1e300")]
    public void AddMeetStreamBridge_UnreadableTimeout_FailsNamingTheKey(string key, string value)
    {
        var ex = Assert.Throws<MeetStreamConfigurationException>(() => Bind(new Dictionary<string, string?> { ["Bridge:" + key] = value }));

        Assert.Contains("Bridge:" + key, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("KeepAliveTimeout", "-5")]
    [InlineData("AudioIdleTimeout", "-1")]
    [InlineData("ControlIdleTimeout", "172800")]
    [InlineData("VideoMessageTimeout", "-0.5")]
    public void Validate_OutOfRangeTimeout_FailsNamingTheSetting(string key, string value)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Bind(new Dictionary<string, string?> { ["Bridge:" + key] = value }));

        string setting = key switch
        {
            "AudioIdleTimeout" => "Audio.IdleTimeout",
            "ControlIdleTimeout" => "Control.IdleTimeout",
            "VideoMessageTimeout" => "Video.MessageTimeout",
            _ => key,
        };
        Assert.Contains(setting + " must be zero or Timeout.InfiniteTimeSpan (off)", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The setup the socket tests share: a bridge on loopback whose options <paramref name="configure"/> points at a fake
    /// clock, one bot connected on <paramref name="path"/> after its handshake, and that bot's session.
    /// </summary>
    private static async Task<(BridgeTestHost Host, FakeTimeProvider Clock, FakeBot Bot, BotSession Session)> ConnectAsync(Action<MeetStreamBridgeOptions, FakeTimeProvider> configure, string path, string botId)
    {
        var clock = new FakeTimeProvider();
        var host = await BridgeTestHost.StartAsync(o => configure(o, clock));
        var bot = await host.ConnectAsync(path, botId);
        return (host, clock, bot, await host.SessionAsync(botId));
    }

    private static MeetStreamBridgeOptions Bind(Dictionary<string, string?> values)
    {
        values["Bridge:AccessTokens:0"] = Token;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddMeetStreamBridge(configuration.GetSection("Bridge")).AddHandler((_, _) => Task.CompletedTask);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<MeetStreamBridgeOptions>>().Value;
    }
}
