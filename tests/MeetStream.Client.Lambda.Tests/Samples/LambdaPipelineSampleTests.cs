using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace MeetStream.Client.Lambda.Tests.Samples;

/// <summary>
/// The LambdaPipeline sample's local demo, run as the README runs it (the built program, no AWS and no MeetStream
/// account): the three functions on local Runtime APIs against dynalite, s3rver and the MeetStream simulator. Waits
/// only for output lines and the exit, with generous hang guards; never for time.
/// </summary>
public sealed partial class LambdaPipelineSampleTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task LambdaPipelineProgram_NoRuntimeApi_PlaysTriggerWebhooksAndTranscriptToS3AndExitsCleanly()
    {
        using var sample = SampleProcess.Start([]);

        var exitCode = await sample.WaitForExitAsync(HangGuard);
        var output = sample.Output;

        Assert.True(exitCode == 0, output);
        var botId = BotCreated().Match(output).Groups["bot"].Value;
        Assert.False(string.IsNullOrEmpty(botId), output);
        string[] story =
        [
            "[calendar-trigger] calendar event cal-weekly-planning fired",
            $"[calendar-trigger] bot created: {botId}",
            "[webhook] bot.joining -> 200 processed (applied)",
            "[webhook] bot.inmeeting -> 200 processed (applied)",
            "[webhook] bot.stopped -> 200 processed (applied)",
            "[webhook] transcription.processed -> 200 processed (applied)",
            $"[stream] session {botId}: work_state -> pending",
            $"stored: s3://meetstream-transcripts/transcripts/{botId}/",
            "Summary",
            $"[S3] s3://meetstream-transcripts/transcripts/{botId}/",
            $"[DynamoDB] meetstream-sessions[bot_id = {botId}]: bot_status Done, last_event bot.done",
            "Done in ",
        ];
        var positions = story.Select(line => (Line: line, At: output.IndexOf(line, StringComparison.Ordinal))).ToList();
        Assert.All(positions, p => Assert.True(p.At >= 0, $"missing '{p.Line}' in:\n{output}"));
        Assert.True(positions.Zip(positions.Skip(1)).All(pair => pair.First.At < pair.Second.At), "the story is out of order:\n" + output);
        Assert.Contains("[webhook] bot.done -> 200 processed (applied)", output, StringComparison.Ordinal);
        Assert.Contains($"fired again (a retry): same bot {botId}, replayed = true", output, StringComparison.Ordinal);
        Assert.Contains("transcript Stored, transcript_s3_key transcripts/" + botId, output, StringComparison.Ordinal);
        Assert.Contains("[S3] begins: [{\"speaker\":\"Alice Example\"", output, StringComparison.Ordinal);
        Assert.Contains("0 refused", output, StringComparison.Ordinal);
        Assert.DoesNotContain("error", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task LambdaPipelineProgram_CtrlCDuringTheMeeting_StopsEverythingAndExits130()
    {
        // At real pace the meeting lasts about a minute, so Ctrl+C lands while the demo waits for its webhooks.
        using var sample = SampleProcess.Start(["--time-scale", "1"]);
        var dynaliteLine = await sample.WaitForLineAsync("[setup] DynamoDB (dynalite) at ", HangGuard);
        await sample.WaitForLineAsync("[calendar-trigger] bot created: ", HangGuard);

        await sample.InterruptAsync();
        var exitCode = await sample.WaitForExitAsync(HangGuard);

        Assert.True(exitCode == 130, sample.Output);
        Assert.Contains("Stopped (Ctrl+C).", sample.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Summary", sample.Output, StringComparison.Ordinal);
        var dynalitePort = int.Parse(LoopbackPort().Match(dynaliteLine).Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);
        using var probe = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(async () => await probe.ConnectAsync("127.0.0.1", dynalitePort, TestContext.Current.CancellationToken)); // dynalite was stopped too
    }

    [Theory]
    [InlineData("--time-scale", "0", "--time-scale must be a number from 1 to 100 (was '0')")]
    [InlineData("--time-scale", "fast", "--time-scale must be a number from 1 to 100 (was 'fast')")]
    [InlineData("--speed", "2", "unknown arguments '--speed 2'")]
    public async Task LambdaPipelineProgram_BadArgument_PrintsOneErrorLineWithUsageAndExits2(string name, string value, string expected)
    {
        using var sample = SampleProcess.Start([name, value]);

        var exitCode = await sample.WaitForExitAsync(HangGuard);

        Assert.True(exitCode == 2, sample.Output);
        var line = Assert.Single(sample.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: " + expected, line, StringComparison.Ordinal);
        Assert.Contains("usage: dotnet run --project samples/LambdaPipeline", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LambdaPipelineProgram_NodeNotOnPath_PrintsOneErrorLineNamingTheFixAndExits2()
    {
        var emptyPath = Directory.CreateTempSubdirectory("no-node-").FullName;
        try
        {
            using var sample = SampleProcess.Start([], new Dictionary<string, string?> { ["PATH"] = emptyPath });

            var exitCode = await sample.WaitForExitAsync(HangGuard);

            Assert.True(exitCode == 2, sample.Output);
            Assert.Contains("error: Node.js was not found on PATH: install Node.js 18 or later, run `npm ci --prefix tests/servers`, then run the demo again.", sample.Output, StringComparison.Ordinal);
            Assert.Single(sample.Output.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
            Assert.DoesNotContain("   at ", sample.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(emptyPath, recursive: true);
        }
    }

    [GeneratedRegex(@"\[calendar-trigger\] bot created: (?<bot>[0-9a-f-]+) ")]
    private static partial Regex BotCreated();

    [GeneratedRegex(@"http://127\.0\.0\.1:(?<port>[0-9]+)/")]
    private static partial Regex LoopbackPort();
}
