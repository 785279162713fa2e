namespace MeetStream.Client.Testing.Tests.Docs;

// The example of docs/testing.md, compiled and run as a test: an xunit v3 fixture shares one simulator per test class.

/// <summary>Starts one simulator (stopped clock) for all tests of a class.</summary>
public sealed class SimulatorFixture : IAsyncLifetime
{
    public MeetStreamSimulator Simulator { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Simulator = await MeetStreamSimulator.StartAsync(new MeetStreamSimulatorOptions { TimeScale = 0 });

    public ValueTask DisposeAsync() => Simulator.DisposeAsync();
}

public sealed class NotetakerTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task Notetaker_MeetingEnds_TranscriptHasEverySpeaker()
    {
        var sim = fixture.Simulator;
        var ct = TestContext.Current.CancellationToken;
        using var client = sim.CreateClient();
        var bot = await client.Bots.CreateAsync(new CreateBotRequest
        {
            MeetingLink = "https://meet.google.com/abc-defg-hij",
            BotName = "Notetaker",
            RecordingConfig = new RecordingConfig { Transcript = new TranscriptConfig { Provider = TranscriptionProvider.ForDeepgram() } },
        }, cancellationToken: ct);

        await sim.RunUntilEventAsync(bot.BotId!, "transcription.processed", cancellationToken: ct);   // plays joining → … → transcription.processed
        var transcript = await client.Transcripts.GetAsync(bot.TranscriptId!, ct);

        Assert.Equal(["Alice Example", "Bob Example"], transcript.Speakers);
    }

    [Fact]
    public async Task Notetaker_HostDeniesEntry_BotEndsDenied()
    {
        var sim = fixture.Simulator;
        var ct = TestContext.Current.CancellationToken;
        using var client = sim.CreateClient();
        var bot = await client.Bots.CreateAsync(new CreateBotRequest
        {
            MeetingLink = "https://meet.google.com/abc-defg-hij",
            BotName = "Notetaker",
            CustomAttributes = new Dictionary<string, string> { [SimulatorScenarios.CustomAttribute] = SimulatorScenarios.Denied },
        }, cancellationToken: ct);

        await sim.RunUntilAsync(bot.BotId!, BotStatus.Denied, cancellationToken: ct);

        Assert.Equal(BotStatus.Denied, (await client.Bots.GetStatusAsync(bot.BotId!, ct)).Status);
    }
}
