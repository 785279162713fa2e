using MeetStream.Client.Testing.Tests.Infrastructure;

namespace MeetStream.Client.Testing.Tests.Clock;

/// <summary>The virtual clock: manual stepping, real time scaled by a factor, an injected TimeProvider, and option checks.</summary>
public sealed class SimulatorClockTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ManualClock_WithoutAdvance_NothingHappens()
    {
        await using var sim = await Simulators.StartManualAsync();
        using var client = Simulators.Client(sim);
        var bot = (await client.Bots.CreateAsync(Simulators.Bot(), cancellationToken: Ct)).BotId!;

        await Task.Delay(200, Ct);

        Assert.Equal(BotStatus.Joining, (await client.Bots.GetStatusAsync(bot, Ct)).Status);
        Assert.Equal(Simulators.StartTimeUtc, sim.Clock.UtcNow);
        Assert.True(sim.Clock.PendingSteps > 0);
    }

    [Fact]
    public async Task AdvanceAsync_ExactlyTheJoinDelay_AdmitsTheBot()
    {
        await using var sim = await Simulators.StartManualAsync();
        using var client = Simulators.Client(sim);
        var bot = (await client.Bots.CreateAsync(Simulators.Bot(), cancellationToken: Ct)).BotId!;

        await sim.AdvanceAsync(TimeSpan.FromSeconds(3) - TimeSpan.FromMilliseconds(1), Ct);
        var before = (await client.Bots.GetStatusAsync(bot, Ct)).Status;
        await sim.AdvanceAsync(TimeSpan.FromMilliseconds(1), Ct);

        Assert.Equal(BotStatus.Joining, before);
        Assert.Equal(BotStatus.InMeeting, (await client.Bots.GetStatusAsync(bot, Ct)).Status);
        Assert.Equal(Simulators.StartTimeUtc + TimeSpan.FromSeconds(3), sim.Clock.UtcNow);
    }

    [Fact]
    public async Task ScaledClock_Factor200_PlaysTheWholeLifecycleFasterThanRealTime()
    {
        await using var sim = await MeetStreamSimulator.StartAsync(new MeetStreamSimulatorOptions { TimeScale = 200 }, Ct);
        using var client = sim.CreateClient();
        var started = DateTime.UtcNow;
        var virtualStart = sim.Clock.UtcNow;

        var bot = (await client.Bots.CreateAsync(Simulators.Bot(), cancellationToken: Ct)).BotId!;
        var done = await sim.RunUntilAsync(bot, BotStatus.Done, TimeSpan.FromMinutes(2), Ct);

        // Not "within N seconds" of wall time (a loaded machine is slower): the virtual clock ran ahead of the real one.
        Assert.True(done.IsDone);
        var virtualElapsed = sim.Clock.UtcNow - virtualStart;
        Assert.True(virtualElapsed > TimeSpan.FromSeconds(60), $"virtual time moved only {virtualElapsed}");
        Assert.True(virtualElapsed > DateTime.UtcNow - started, $"virtual {virtualElapsed} did not outrun real {DateTime.UtcNow - started}");
        Assert.NotNull(await client.Transcripts.GetAsync(done.TranscriptId!, Ct));
    }

    [Fact]
    public async Task InjectedTimeProvider_DrivesAScaledClock()
    {
        var time = new ManualTimeProvider(Simulators.StartTimeUtc);
        await using var sim = await MeetStreamSimulator.StartAsync(new MeetStreamSimulatorOptions { TimeScale = 1, TimeProvider = time }, Ct);
        using var client = sim.CreateClient();
        var bot = (await client.Bots.CreateAsync(Simulators.Bot(), cancellationToken: Ct)).BotId!;
        await time.WaitForTimerDueWithinAsync(TimeSpan.FromSeconds(3.1), Ct);

        time.Advance(TimeSpan.FromSeconds(3.1));
        await sim.RunUntilAsync(bot, BotStatus.InMeeting, TimeSpan.FromSeconds(60), Ct);

        Assert.Equal(Simulators.StartTimeUtc + TimeSpan.FromSeconds(3.1), sim.Clock.UtcNow);
        Assert.Equal(BotStatus.InMeeting, (await client.Bots.GetStatusAsync(bot, Ct)).Status);
    }

    [Fact]
    public async Task TimeScale_ChangedAtRuntime_KeepsVirtualTimeAndStartsRunning()
    {
        await using var sim = await Simulators.StartManualAsync();
        using var client = Simulators.Client(sim);
        var bot = (await client.Bots.CreateAsync(Simulators.Bot(), cancellationToken: Ct)).BotId!;

        sim.Clock.TimeScale = 500;
        await sim.RunUntilAsync(bot, BotStatus.Done, TimeSpan.FromSeconds(60), Ct);

        Assert.True(sim.Clock.UtcNow > Simulators.StartTimeUtc + TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task RunUntilAsync_StatusTheScenarioNeverReaches_ThrowsInvalidOperation()
    {
        await using var sim = await Simulators.StartManualAsync(o => o.DefaultScenario = SimulatorScenarios.Denied);
        using var client = Simulators.Client(sim);
        var bot = (await client.Bots.CreateAsync(new CreateBotRequest { MeetingLink = Simulators.MeetLink, BotName = "B" }, cancellationToken: Ct)).BotId!;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => sim.RunUntilAsync(bot, BotStatus.Recording, cancellationToken: Ct));

        Assert.Contains("never reached status Recording", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdvanceAsync_Negative_Throws()
    {
        await using var sim = await Simulators.StartManualAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => sim.AdvanceAsync(TimeSpan.FromSeconds(-1), Ct));
    }

    [Theory]
    [InlineData(-1.0, 0, "happy_path")]
    [InlineData(1.0, 70000, "happy_path")]
    [InlineData(1.0, 0, "no_such_scenario")]
    public async Task StartAsync_InvalidOption_ThrowsNamingIt(double scale, int port, string scenario)
    {
        var options = new MeetStreamSimulatorOptions { TimeScale = scale, Port = port, DefaultScenario = scenario };

        await Assert.ThrowsAnyAsync<ArgumentException>(() => MeetStreamSimulator.StartAsync(options, Ct));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(601.0)]
    public async Task StartAsync_BargeInDelayOutOfRange_ThrowsNamingTheSetting(double seconds)
    {
        var options = new MeetStreamSimulatorOptions
        {
            Conversation =
            [
                new SimulatorUtterance("Alice", "Hello."),
                new SimulatorUtterance("Bob", "Wait!") { AfterBotStartsSpeaking = TimeSpan.FromSeconds(seconds) },
            ],
        };

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => MeetStreamSimulator.StartAsync(options, Ct));
        Assert.Contains("AfterBotStartsSpeaking", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_OnlyBargeInLines_ThrowsAskingForATimelineLine()
    {
        var options = new MeetStreamSimulatorOptions
        {
            Conversation = [new SimulatorUtterance("Bob", "Wait!") { AfterBotStartsSpeaking = TimeSpan.FromSeconds(1) }],
        };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => MeetStreamSimulator.StartAsync(options, Ct));
        Assert.Contains("at least one line on the timeline", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UseScenarioForNextBot_Unknown_Throws()
    {
        await using var sim = await Simulators.StartManualAsync();

        var error = Assert.Throws<ArgumentException>(() => sim.UseScenarioForNextBot("bogus"));

        Assert.Contains("not_admitted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisposeAsync_Twice_StopsTheServerOnce()
    {
        var sim = await Simulators.StartManualAsync();
        var address = sim.BaseAddress;

        await sim.DisposeAsync();
        await sim.DisposeAsync();

        using var http = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(address + "/bots", Ct));
    }

    [Fact]
    public async Task ToString_Options_MasksApiKey()
    {
        var options = new MeetStreamSimulatorOptions { ApiKey = "sim_secret_value" };
        await Task.CompletedTask;

        Assert.DoesNotContain("sim_secret_value", options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("whsec_x", new SimulatorWebhookEndpoint("https://h/x?token=t1", "whsec_x").ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("token=t1", new SimulatorWebhookEndpoint("https://h/x?token=t1", "whsec_x").ToString(), StringComparison.Ordinal);
    }
}
