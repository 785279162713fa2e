using System.Diagnostics;
using System.Text.RegularExpressions;
using MeetStream.Client.Testing.Tests.Infrastructure;
using MeetStream.Client.TestSupport.Processes;

namespace MeetStream.Client.Testing.Tests.Samples;

/// <summary>README command 1 works on a fresh machine: without an API key the QuickStart runs end to end against the simulator.</summary>
public sealed partial class QuickStartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task QuickStartProgram_NoApiKey_RunsTheWholeFlowAgainstTheSimulator()
    {
        var output = await RunQuickStartAsync(TimeSpan.FromMinutes(3));

        Assert.True(output.ExitCode == 0, output.Text);
        Assert.Contains("MEETSTREAM_API_KEY is not set", output.Text, StringComparison.Ordinal);
        Assert.Contains("Simulator listening at http://127.0.0.1:", output.Text, StringComparison.Ordinal);

        // The sample polls, so it prints the statuses it happens to see (a short stage can fall between two polls on
        // a loaded machine); it guarantees lifecycle order and that it follows the bot until it has left.
        var printed = StatusLine().Matches(output.Text).Select(m => m.Groups[1].Value).ToList();
        Assert.True(printed.Count > 0, output.Text);
        var order = new[] { "Joining", "InMeeting", "Recording", "Leaving", "Stopped" };
        Assert.All(printed, status => Assert.Contains(status, order));
        Assert.Equal(printed.OrderBy(s => Array.IndexOf(order, s)), printed);
        Assert.Equal("Stopped", printed[^1]);

        // Every transition is still proven, from the simulated bot's own webhook events.
        Assert.Contains("bot.joining → bot.inmeeting → bot.recording", output.Text, StringComparison.Ordinal);
        Assert.Contains("Alice Example: Good morning everyone", output.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuickStartProgram_CtrlCDuringTranscriptWait_StopsWaitingAndExits130()
    {
        // transcription_failed: the transcript never becomes ready, so the sample sits in its 15-minute wait until Ctrl+C.
        await using var sample = SampleProcess.Start("QuickStart", "QuickStart", new Dictionary<string, string> { ["MEETSTREAM_SIMULATOR_SCENARIO"] = "transcription_failed" });
        await sample.WaitForOutputAsync("Waiting for transcript", TimeSpan.FromMinutes(3), Ct);

        sample.Interrupt();
        var exitCode = await sample.WaitForExitAsync(TimeSpan.FromMinutes(1), Ct);

        Assert.True(exitCode == 130, sample.Text);
        Assert.Matches(@"Cancelled \(Ctrl\+C\): stopped waiting; bot \S+ has already left the meeting\.", sample.Text);
        Assert.DoesNotContain("Unhandled exception", sample.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Alice Example:", sample.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuickStartProgram_CtrlCWhileBotIsInTheMeeting_AsksTheBotToLeaveAndExits130()
    {
        // until_removed: the meeting never ends by itself, so the sample follows a recording bot until Ctrl+C.
        await using var sample = SampleProcess.Start("QuickStart", "QuickStart", new Dictionary<string, string> { ["MEETSTREAM_SIMULATOR_SCENARIO"] = "until_removed" });
        await sample.WaitForOutputAsync("status: Recording", TimeSpan.FromMinutes(3), Ct);

        sample.Interrupt();
        var exitCode = await sample.WaitForExitAsync(TimeSpan.FromMinutes(1), Ct);

        Assert.True(exitCode == 130, sample.Text);
        Assert.Matches(@"Cancelled \(Ctrl\+C\): asking bot \S+ to leave the meeting\.\.\.", sample.Text);
        Assert.Matches(@"Bot \S+ is leaving the meeting", sample.Text);
        Assert.DoesNotContain("Could not remove bot", sample.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Waiting for transcript", sample.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuickStartProgram_UnknownSimulatorScenario_OneLineErrorAndExitCode2()
    {
        await using var sample = SampleProcess.Start("QuickStart", "QuickStart", new Dictionary<string, string> { ["MEETSTREAM_SIMULATOR_SCENARIO"] = "no_such_scenario" });
        var exitCode = await sample.WaitForExitAsync(TimeSpan.FromMinutes(1), Ct);

        Assert.Equal(2, exitCode);
        Assert.Contains("MEETSTREAM_SIMULATOR_SCENARIO 'no_such_scenario' is not a simulator scenario", sample.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", sample.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuickStartFlow_SdkAgainstManualClockSimulator_StatusesThenTranscript()
    {
        // The clock only moves when the test moves it, so every stage is observed however slow the machine is.
        await using var sim = await MeetStreamSimulator.StartAsync(new MeetStreamSimulatorOptions { TimeScale = 0 }, Ct);
        using var client = sim.CreateClient();
        var bot = await client.Bots.CreateAsync(Simulators.Bot(), cancellationToken: Ct);

        var seen = new List<BotStatus> { (await client.Bots.GetStatusAsync(bot.BotId!, Ct)).Status!.Value };
        foreach (var stage in new[] { BotStatus.InMeeting, BotStatus.Recording, BotStatus.Stopped })
        {
            await sim.RunUntilAsync(bot.BotId!, stage, TimeSpan.FromMinutes(1), Ct);
            seen.Add((await client.Bots.GetStatusAsync(bot.BotId!, Ct)).Status!.Value);
        }

        await sim.RunUntilEventAsync(bot.BotId!, "transcription.processed", TimeSpan.FromMinutes(1), Ct);
        var transcript = await client.Transcripts.WaitForTranscriptAsync(bot.TranscriptId!, new MeetStreamWaitOptions { Timeout = TimeSpan.FromMinutes(1), Interval = TimeSpan.FromMilliseconds(20) }, Ct);

        Assert.Equal(BotStatus.Joining, seen[0]);
        Assert.Contains(BotStatus.Recording, seen);
        Assert.True(seen[^1].HasLeftMeeting, string.Join(", ", seen));
        Assert.Equal(5, transcript.Segments.Count);
    }

    /// <summary>The built sample's dll (built first through the test project's reference), in the test's configuration.</summary>
    internal static (string Dll, string Root) SampleDll(string project, string assembly) =>
        (RepositoryRoot.SampleDll(project, assembly), RepositoryRoot.Path);

    private static Task<(int ExitCode, string Text, TimeSpan Elapsed)> RunQuickStartAsync(TimeSpan timeout) => RunSampleAsync("QuickStart", timeout);

    /// <summary>Runs a built sample without MEETSTREAM_API_KEY (so it uses the simulator) and returns its output.</summary>
    internal static async Task<(int ExitCode, string Text, TimeSpan Elapsed)> RunSampleAsync(string sample, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        await using var process = SampleProcess.Start(sample, sample);
        var exitCode = await process.WaitForExitAsync(timeout, Ct);
        return (exitCode, process.Text, watch.Elapsed);
    }

    [GeneratedRegex(@"^\d\d:\d\d:\d\d status: (\w+)\r?$", RegexOptions.Multiline)]
    private static partial Regex StatusLine();
}
