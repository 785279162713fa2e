using System.Text.RegularExpressions;

namespace MeetStream.Client.Testing.Tests.Samples;

/// <summary>
/// The SalesCoach sample runs offline: the simulator plays the scripted sales demo, the sample prints live keyword
/// alerts while the call runs, then the talk-time report and the keyword summary from the post-call transcript.
/// </summary>
public sealed partial class SalesCoachSampleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SalesCoachProgram_NoApiKey_LiveAlertsOnceEachThenReportWithABarPerParticipant()
    {
        var output = await QuickStartTests.RunSampleAsync("SalesCoach", TimeSpan.FromMinutes(4));
        var text = output.Text;

        Assert.True(output.ExitCode == 0, text);
        Assert.Contains("MEETSTREAM_API_KEY is not set, so this run uses the local MeetStream simulator", text, StringComparison.Ordinal);

        // Live: each alert once, printed while the call ran (before the sample saw the bot leave and fetched the transcript).
        var pricing = Assert.Single(Alert("pricing").Matches(text));
        var competitor = Assert.Single(Alert("competitor").Matches(text));
        Assert.Contains("enterprise pricing", pricing.Value, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Acme Notes", competitor.Value, StringComparison.Ordinal);
        var callOver = text.IndexOf("The call is over", StringComparison.Ordinal);
        var report = text.IndexOf("Talk time (transcript)", StringComparison.Ordinal);
        Assert.True(callOver > 0 && report > callOver, text);
        Assert.True(pricing.Index < callOver && competitor.Index < callOver, text);
        Assert.True(competitor.Index < pricing.Index, text); // in the order they were spoken

        // The report: a bar per participant (the seller, who talked most, first) and the seller's long monologue.
        var bars = BarLine().Matches(text[report..]).Select(m => m.Groups["name"].Value.Trim()).ToList();
        Assert.Equal([SimulatorConversations.SalesDemoSeller, SimulatorConversations.SalesDemoProspect, SimulatorConversations.SalesDemoSecondProspect], bars);
        Assert.Contains($"Longest monologue: {SimulatorConversations.SalesDemoSeller}", text, StringComparison.Ordinal);
        Assert.Contains("1 interruption", text[report..], StringComparison.Ordinal);

        // The keyword summary from the post-call transcript agrees with the live alerts.
        var summary = text[text.IndexOf("Keywords in the transcript:", StringComparison.Ordinal)..];
        Assert.Matches(@"pricing\s+1\s", summary);
        Assert.Matches(@"competitor\s+1\s", summary);
        Assert.DoesNotContain("Unhandled exception", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SalesCoachProgram_CtrlCDuringTheCall_AsksTheBotToLeaveAndExits130()
    {
        await using var sample = SampleProcess.Start("SalesCoach", "SalesCoach");
        await sample.WaitForOutputAsync("is joining; alerts appear here", TimeSpan.FromMinutes(3), Ct);

        sample.Interrupt();
        var exitCode = await sample.WaitForExitAsync(TimeSpan.FromMinutes(1), Ct);

        Assert.True(exitCode == 130, sample.Text);
        Assert.Contains("Cancelled (Ctrl+C).", sample.Text, StringComparison.Ordinal);
        Assert.Matches(@"Asked bot \S+ to leave the call\.", sample.Text);
        Assert.DoesNotContain("Talk time (", sample.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SalesCoachProgram_ApiKeyWithoutMeetingLinkOrPublicUrl_UsageAndExitCode2()
    {
        await using var sample = SampleProcess.Start("SalesCoach", "SalesCoach", new Dictionary<string, string> { ["MEETSTREAM_API_KEY"] = "sk_not_used" });
        var exitCode = await sample.WaitForExitAsync(TimeSpan.FromMinutes(1), Ct);

        Assert.Equal(2, exitCode);
        Assert.Contains("Usage: MeetStream__PublicUrl=", sample.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("sk_not_used", sample.Text, StringComparison.Ordinal);
    }

    private static Regex Alert(string category) =>
        new($@"^\[\d\d:\d\d\] ALERT {Regex.Escape(category)} — {Regex.Escape(SimulatorConversations.SalesDemoProspect)}: ….+…\r?$", RegexOptions.Multiline);

    [GeneratedRegex(@"^(?<name>[A-Za-z ]+?)\s+█+░*\s+\d+\.\d%", RegexOptions.Multiline)]
    private static partial Regex BarLine();
}
