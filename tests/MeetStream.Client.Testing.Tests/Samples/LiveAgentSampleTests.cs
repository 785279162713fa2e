using System.Text.RegularExpressions;

namespace MeetStream.Client.Testing.Tests.Samples;

/// <summary>The LiveAgent sample runs offline: the simulator's bot dials the bridge, speaks, and hears the parrot answer.</summary>
public sealed partial class LiveAgentSampleTests
{
    [Fact]
    public async Task LiveAgentProgram_NoApiKey_ParrotHearsSimulatedSpeechAndAnswers()
    {
        var output = await QuickStartTests.RunSampleAsync("LiveAgent", TimeSpan.FromMinutes(2));

        Assert.True(output.ExitCode == 0, output.Text);
        Assert.Contains("running the offline demo against the local MeetStream simulator", output.Text, StringComparison.Ordinal);
        Assert.Contains("joined the bridge", output.Text, StringComparison.Ordinal);
        Assert.Matches(HeardAlice(), output.Text);
        Assert.Contains("The simulated meeting heard the parrot", output.Text, StringComparison.Ordinal);
        var summary = Summary().Match(output.Text);
        Assert.True(summary.Success, output.Text);
        Assert.True(int.Parse(summary.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 0, output.Text);
    }

    [GeneratedRegex(@"heard Alice Example: \d+\.\d\d s")]
    private static partial Regex HeardAlice();

    [GeneratedRegex(@"The meeting ended\. The parrot sent (\d+) audio chunks")]
    private static partial Regex Summary();
}
