using MeetStream.Client.Docs.Tests.Snippets;
using MeetStream.Client.Testing;

namespace MeetStream.Client.Docs.Tests.Running;

/// <summary>
/// The README's "Ten lines" and the getting-started walkthrough run as shown: compiled from the docs, pointed at the
/// MeetStream simulator only through the environment (MEETSTREAM_API_KEY, MEETSTREAM_API_URL), and they get a transcript.
/// </summary>
public sealed class DocProgramRunTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task ReadmeTenLines_AgainstSimulator_CompletesAndPrintsTheTranscript()
    {
        var output = await RunAgainstSimulatorAsync(ReadmeProgram.TenLines);

        Assert.Contains("Alice Example", output, StringComparison.Ordinal);
        Assert.Contains("Bob Example", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GettingStartedWalkthrough_AgainstSimulator_CompletesAndPrintsTheTranscript()
    {
        var output = await RunAgainstSimulatorAsync(ReadmeProgram.GettingStarted);

        Assert.Contains("Alice Example", output, StringComparison.Ordinal);
    }

    private static async Task<string> RunAgainstSimulatorAsync(DocBlock block)
    {
        var ct = TestContext.Current.CancellationToken;
        // The simulator's clock runs fast; the program waits for each stage itself, so a slow machine only makes it slower.
        await using var sim = await MeetStreamSimulator.StartAsync(new MeetStreamSimulatorOptions
        {
            TimeScale = 60,
            Timings = { StageGap = TimeSpan.FromSeconds(3), MeetingDuration = TimeSpan.FromSeconds(30) },
        }, ct);

        var output = await ProgramRunner.RunAsync(
            block,
            new Dictionary<string, string>
            {
                [MeetStreamClientOptions.ApiKeyEnvironmentVariable] = sim.ApiKey,
                [MeetStreamClientOptions.BaseUrlEnvironmentVariable] = sim.BaseAddress.ToString(),
            },
            HangGuard,
            ct);

        Assert.Contains(sim.Journal.Requests, r => r.Route == "/bots/create_bot" && r.StatusCode == 201);
        Assert.Contains(sim.Journal.Requests, r => r.Route.StartsWith("/transcript", StringComparison.Ordinal) && r.StatusCode == 200);
        return output;
    }
}
