namespace MeetStream.Client.Testing.Tests.Samples;

/// <summary>The WebhookReceiver sample runs offline: the simulator's signed webhooks reach it and it follows the bot to the end.</summary>
public sealed class WebhookReceiverSampleTests
{
    [Fact]
    public async Task WebhookReceiverProgram_NoApiKey_ReceivesSignedWebhooksUntilBotDone()
    {
        var output = await QuickStartTests.RunSampleAsync("WebhookReceiver", TimeSpan.FromMinutes(1));

        Assert.True(output.ExitCode == 0, output.Text);
        Assert.Contains("running the offline demo against the local MeetStream simulator", output.Text, StringComparison.Ordinal);
        foreach (var line in new[] { "MeetStream: bot.joining", "MeetStream: bot.recording", "left (bot.stopped)", "MeetStream: transcription.processed", "MeetStream: bot.done", "reached Done: the demo is complete" })
        {
            Assert.Contains(line, output.Text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Unauthorized", output.Text, StringComparison.Ordinal);
    }
}
