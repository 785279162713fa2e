using MeetStream.Client.Realtime;
using MeetStream.Client.Redis.Sessions;
using MeetStream.Client.Redis.Tests.Infrastructure;
using MeetStream.Client.Testing;
using StackExchange.Redis;

namespace MeetStream.Client.Redis.Tests.Sessions;

/// <summary>
/// Live sessions across replicas: two real Kestrel replicas with the bridge share one real redis-server; the simulated
/// MeetStream bot dials replica A (replica-addressed URLs); commands issued on replica B reach it.
/// </summary>
public sealed class RedisBotCommandsTests : IAsyncLifetime
{
    private RedisServer _redis = null!;
    private ReplicaHost _a = null!;
    private ReplicaHost _b = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _redis = await RedisServer.StartAsync(Ct);
        _a = await ReplicaHost.StartAsync(_redis.ConnectionString, "replica-a");
        _b = await ReplicaHost.StartAsync(_redis.ConnectionString, "replica-b");
    }

    public async ValueTask DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task Commands_IssuedOnReplicaB_ReachTheBotConnectedToReplicaA()
    {
        await using var sim = await StartSimulatorAsync();
        var bot = await CreateBotAsync(sim, _a);
        var session = await _a.SessionAsync(bot);
        await session.GetControlAsync(Ct).WaitAsync(TimeSpan.FromMinutes(1), Ct);

        await WaitUntilAsync(async () => await _b.Commands.FindReplicaAsync(bot, Ct) == "replica-a");
        Assert.False(_b.Registry.TryGetSession(bot, out _));

        await _b.Commands.SendMessageAsync(bot, "Hello from replica B", Ct);
        var chat = await sim.Journal.WaitForRealtimeAsync(r => r.BotId == bot && r.Event == "sendmsg", cancellationToken: Ct);
        Assert.Contains("Hello from replica B", chat.Json, StringComparison.Ordinal);

        // 30 s of speech (paced in real time), so it is still playing when the interrupt from B arrives.
        var speaking = _b.Commands.SpeakAsync(bot, new short[48_000 * 30], 48_000, Ct);
        await sim.Journal.WaitForRealtimeAsync(r => r.BotId == bot && r.Event == "sendaudio", cancellationToken: Ct);
        await _b.Commands.InterruptAsync(bot, Ct);
        await sim.Journal.WaitForRealtimeAsync(r => r.BotId == bot && r.Event == "interrupt", cancellationToken: Ct);

        Assert.Equal(SpeakResult.Interrupted, await speaking.WaitAsync(TimeSpan.FromMinutes(1), Ct));
        Assert.Contains("sendmsg", sim.GetBot(bot)!.Commands);
        Assert.Contains("sendaudio", sim.GetBot(bot)!.Commands);
    }

    [Fact]
    public async Task Commands_RedisRestartedWhileTheBotStaysConnected_ReachTheBotAgain()
    {
        await using var sim = await StartSimulatorAsync();
        var bot = await CreateBotAsync(sim, _a);
        await (await _a.SessionAsync(bot)).GetControlAsync(Ct).WaitAsync(TimeSpan.FromMinutes(1), Ct);
        await WaitUntilAsync(async () => await _b.Commands.FindReplicaAsync(bot, Ct) == "replica-a");

        // redis-server without persistence comes back empty: the directory entry and every subscription are gone. The
        // bot's sockets to replica A do not depend on Redis and stay up.
        _redis.Kill();
        await _redis.RestartAsync(Ct);

        // The heartbeat lists the bot again and both replicas subscribe again on their own.
        await WaitUntilAsync(async () => await FindOrNullAsync(_b, bot) == "replica-a");
        await using var observer = await ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString);
        var keys = new RedisSessionKeys(RedisPackage.DefaultKeyPrefix);
        await WaitUntilAsync(async () => await SubscribersAsync(observer, keys.Commands("replica-a")) == 1 && await SubscribersAsync(observer, keys.Replies("replica-b")) == 1);
        await _b.Commands.SendMessageAsync(bot, "Hello after the restart", Ct);

        var chat = await sim.Journal.WaitForRealtimeAsync(r => r.BotId == bot && r.Event == "sendmsg", cancellationToken: Ct);
        Assert.Contains("Hello after the restart", chat.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SpeakAsync_IssuedOnReplicaB_CompletesOnReplicaA()
    {
        await using var sim = await StartSimulatorAsync();
        var bot = await CreateBotAsync(sim, _a);
        await (await _a.SessionAsync(bot)).GetControlAsync(Ct).WaitAsync(TimeSpan.FromMinutes(1), Ct);
        await WaitUntilAsync(async () => await _b.Commands.FindReplicaAsync(bot, Ct) == "replica-a");

        var result = await _b.Commands.SpeakAsync(bot, new short[4_800], 48_000, Ct).WaitAsync(TimeSpan.FromMinutes(1), Ct);

        Assert.Equal(SpeakResult.Completed, result);
        await sim.Journal.WaitForRealtimeAsync(r => r.BotId == bot && r.Event == "sendaudio", cancellationToken: Ct);
    }

    [Fact]
    public async Task SessionEnds_EntryRemovedAndCommandsFromOtherReplicaSayNotConnected()
    {
        await using var sim = await StartSimulatorAsync();
        var bot = await CreateBotAsync(sim, _a);
        var session = await _a.SessionAsync(bot);
        await WaitUntilAsync(async () => await _b.Commands.FindReplicaAsync(bot, Ct) == "replica-a");

        await session.CloseAsync(Ct);
        await WaitUntilAsync(async () => await _b.Commands.FindReplicaAsync(bot, Ct) is null);

        var error = await Assert.ThrowsAsync<RemoteBotCommandException>(() => _b.Commands.InterruptAsync(bot, Ct));
        Assert.Equal(RemoteBotCommandFailure.NotConnected, error.Failure);
        Assert.Equal(bot, error.BotId);
    }

    [Fact]
    public async Task SplitSockets_AudioOnReplicaBControlOnReplicaA_HandlerOnBSpeaksAndInterruptsThroughA()
    {
        await using var sim = await StartSimulatorAsync();
        var bot = await CreateBotAsync(sim, audio: _b, control: _a);
        var onB = await _b.SessionAsync(bot);
        await onB.GetAudioAsync(Ct).WaitAsync(TimeSpan.FromMinutes(1), Ct);
        await (await _a.SessionAsync(bot)).GetControlAsync(Ct).WaitAsync(TimeSpan.FromMinutes(1), Ct);
        await WaitUntilAsync(async () => await _b.Commands.FindReplicaAsync(bot, Ct) == "replica-a");

        // B holds the bot's audio only: a command on B goes to A, which holds the control socket.
        Assert.Null(onB.Control);
        var speaking = _b.Commands.SpeakAsync(bot, new short[48_000 * 30], 48_000, Ct);
        await sim.Journal.WaitForRealtimeAsync(r => r.BotId == bot && r.Event == "sendaudio", cancellationToken: Ct);
        await _b.Commands.InterruptAsync(bot, Ct);
        await sim.Journal.WaitForRealtimeAsync(r => r.BotId == bot && r.Event == "interrupt", cancellationToken: Ct);

        Assert.Equal(SpeakResult.Interrupted, await speaking.WaitAsync(TimeSpan.FromMinutes(1), Ct));
        Assert.True(sim.GetBot(bot)!.SpeechDropped > TimeSpan.Zero);
    }

    [Fact]
    public async Task SendMessageAsync_UnknownBot_ThrowsNotConnected()
    {
        var error = await Assert.ThrowsAsync<RemoteBotCommandException>(() => _b.Commands.SendMessageAsync("no-such-bot", "hi", Ct));

        Assert.Equal(RemoteBotCommandFailure.NotConnected, error.Failure);
        Assert.Contains("no-such-bot", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InterruptAsync_EntryNamesDeadReplica_ThrowsReplicaUnreachable()
    {
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString))
        {
            await redis.GetDatabase().StringSetAsync(RedisPackage.DefaultKeyPrefix + "sessions:bot:ghost-bot", "replica-dead", TimeSpan.FromMinutes(5));
        }

        var error = await Assert.ThrowsAsync<RemoteBotCommandException>(() => _b.Commands.InterruptAsync("ghost-bot", Ct));

        Assert.Equal(RemoteBotCommandFailure.ReplicaUnreachable, error.Failure);
        Assert.Equal("replica-dead", error.ReplicaId);
    }

    [Fact]
    public async Task Commands_BadArguments_ThrowArgumentErrors()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _b.Commands.InterruptAsync(" ", Ct));
        await Assert.ThrowsAsync<ArgumentNullException>(() => _b.Commands.InterruptAsync(null!, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => _b.Commands.SendMessageAsync("bot", string.Empty, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _b.Commands.SpeakAsync("bot", new short[10], 0, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => _b.Commands.FindReplicaAsync(string.Empty, Ct));
    }

    [Fact]
    public async Task RedisStopped_CommandForRemoteBot_ThrowsRedisUnavailable()
    {
        _redis.Kill();

        var error = await Assert.ThrowsAsync<RemoteBotCommandException>(() => _b.Commands.InterruptAsync("some-bot", Ct));

        Assert.Equal(RemoteBotCommandFailure.RedisUnavailable, error.Failure);
        await _redis.RestartAsync(Ct);
    }

    private static async Task<MeetStreamSimulator> StartSimulatorAsync() =>
        await MeetStreamSimulator.StartAsync(
            new MeetStreamSimulatorOptions { TimeScale = 0, StartTime = new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero), LiveAudioSpeed = 1 },
            Ct);

    private static Task<string> CreateBotAsync(MeetStreamSimulator sim, ReplicaHost replica) => CreateBotAsync(sim, replica, replica);

    private static async Task<string> CreateBotAsync(MeetStreamSimulator sim, ReplicaHost audio, ReplicaHost control)
    {
        using var client = sim.CreateClient();
        var request = new CreateBotRequest
        {
            MeetingLink = "https://meet.google.com/abc-defg-hij",
            BotName = "Replica Bot",
            CustomAttributes = new Dictionary<string, string> { [SimulatorScenarios.MeetingSecondsAttribute] = "600" },
            LiveAudioRequired = audio.Endpoints.Audio,
            SocketConnectionUrl = control.Endpoints.Control,
        };
        var bot = (await client.Bots.CreateAsync(request, cancellationToken: Ct)).BotId!;
        await sim.RunUntilAsync(bot, BotStatus.Recording, cancellationToken: Ct);
        return bot;
    }

    private static async Task<string?> FindOrNullAsync(ReplicaHost replica, string bot)
    {
        try
        {
            return await replica.Commands.FindReplicaAsync(bot, Ct);
        }
        catch (RemoteBotCommandException)
        {
            return null; // still reconnecting
        }
    }

    private static async Task<long> SubscribersAsync(ConnectionMultiplexer observer, RedisChannel channel)
    {
        try
        {
            var pair = (RedisResult[])(await observer.GetDatabase().ExecuteAsync("PUBSUB", "NUMSUB", channel.ToString()))!;
            return (long)pair[1];
        }
        catch (RedisConnectionException)
        {
            return -1;
        }
    }

    // Waits for a condition that a real event makes true; the deadline is a hang guard only.
    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not become true within the 60 s hang guard.");
            await Task.Delay(20, Ct);
        }
    }
}
