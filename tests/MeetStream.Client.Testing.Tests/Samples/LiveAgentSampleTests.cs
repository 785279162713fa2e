using System.Text.RegularExpressions;

namespace MeetStream.Client.Testing.Tests.Samples;

/// <summary>The LiveAgent sample runs offline: the simulator's bot dials the bridge, speaks, and hears the parrot answer.</summary>
public sealed partial class LiveAgentSampleTests
{
    [Fact]
    public async Task LiveAgentProgram_NoApiKey_ParrotAnswersAndBobsBargeInInterruptsIt()
    {
        var output = await QuickStartTests.RunSampleAsync("LiveAgent", TimeSpan.FromMinutes(3));

        Assert.True(output.ExitCode == 0, output.Text);
        Assert.Contains("running the offline demo against the local MeetStream simulator", output.Text, StringComparison.Ordinal);
        Assert.Contains("joined the bridge", output.Text, StringComparison.Ordinal);
        Assert.Matches(HeardAlice(), output.Text);
        Assert.Contains("The simulated meeting heard the parrot", output.Text, StringComparison.Ordinal);
        var summary = Summary().Match(output.Text);
        Assert.True(summary.Success, output.Text);
        Assert.True(int.Parse(summary.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 0, output.Text);
        Assert.DoesNotContain("token=", output.Text, StringComparison.Ordinal);

        // The scripted barge-in starts half a second (in audio frames) after the parrot's answer to Alice starts
        // playing, over an answer of more than five seconds: the README's interruption lines, from the real program.
        Assert.Contains("Bob Example started talking: interrupting", output.Text, StringComparison.Ordinal);
        Assert.Matches(HeardBob(), output.Text);
        Assert.True(int.Parse(summary.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) >= 1, output.Text);
        Assert.True(
            output.Text.IndexOf("heard Alice Example", StringComparison.Ordinal) < output.Text.IndexOf("Bob Example started talking: interrupting", StringComparison.Ordinal),
            output.Text);
    }

    [Fact]
    public async Task LiveAgentProgram_CtrlCWhileTheBotIsOnTheBridge_StopsAndExits130()
    {
        // until_removed: the simulated meeting never ends by itself, so the demo runs until Ctrl+C.
        await using var sample = SampleProcess.Start("LiveAgent", "LiveAgent", new Dictionary<string, string> { ["MEETSTREAM_SIMULATOR_SCENARIO"] = "until_removed" });
        await sample.WaitForOutputAsync("joined the bridge", TimeSpan.FromMinutes(3), TestContext.Current.CancellationToken);

        sample.Interrupt();
        var exitCode = await sample.WaitForExitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

        Assert.True(exitCode == 130, sample.Text);
        Assert.Contains("Stopped (Ctrl+C): the simulated bot", sample.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("The meeting ended.", sample.Text, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"heard Alice Example: \d+\.\d\d s")]
    private static partial Regex HeardAlice();

    [GeneratedRegex(@"heard Bob Example: \d+\.\d\d s")]
    private static partial Regex HeardBob();

    [GeneratedRegex(@"The meeting ended\. The parrot sent (\d+) audio chunks \([^)]*\) and (\d+) interrupts")]
    private static partial Regex Summary();
}
