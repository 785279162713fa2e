namespace MeetStream.Client.Testing.Tests.Samples;

/// <summary>The WebhookReceiver sample runs offline: the simulator's signed webhooks reach it and it follows the bot to the end.</summary>
public sealed class WebhookReceiverSampleTests
{
    [Fact]
    public async Task WebhookReceiverProgram_NoApiKey_ReceivesSignedWebhooksUntilBotDone()
    {
        var output = await QuickStartTests.RunSampleAsync("WebhookReceiver", TimeSpan.FromMinutes(3));

        Assert.True(output.ExitCode == 0, output.Text);
        Assert.Contains("running the offline demo against the local MeetStream simulator", output.Text, StringComparison.Ordinal);
        foreach (var line in new[] { "MeetStream: bot.joining", "MeetStream: bot.recording", "left (bot.stopped)", "MeetStream: transcription.processed", "MeetStream: bot.done", "reached Done: the demo is complete" })
        {
            Assert.Contains(line, output.Text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Unauthorized", output.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebhookReceiverProgram_CtrlCWhileFollowingTheBot_StopsAndExits130()
    {
        // until_removed: the bot never reaches Done by itself, so the demo follows it until Ctrl+C.
        await using var sample = SampleProcess.Start("WebhookReceiver", "WebhookReceiver", new Dictionary<string, string> { ["MEETSTREAM_SIMULATOR_SCENARIO"] = "until_removed" });
        await sample.WaitForOutputAsync("MeetStream: bot.recording", TimeSpan.FromMinutes(3), TestContext.Current.CancellationToken);

        sample.Interrupt();
        var exitCode = await sample.WaitForExitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

        Assert.True(exitCode == 130, sample.Text);
        Assert.Contains("Stopped (Ctrl+C) while following bot", sample.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("the demo is complete", sample.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebhookReceiverProgram_UnknownSimulatorScenario_OneLineErrorAndExitCode2()
    {
        await using var sample = SampleProcess.Start("WebhookReceiver", "WebhookReceiver", new Dictionary<string, string> { ["MEETSTREAM_SIMULATOR_SCENARIO"] = "bogus" });
        var exitCode = await sample.WaitForExitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

        Assert.Equal(2, exitCode);
        Assert.Contains("MEETSTREAM_SIMULATOR_SCENARIO 'bogus' is not a simulator scenario", sample.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", sample.Text, StringComparison.Ordinal);
    }
}
