using MeetStream.Client.Benchmarks.BargeIn;

namespace MeetStream.Client.AspNetCore.Tests.Bridge;

/// <summary>
/// Smoke test of the benchmark program's <c>bargein</c> mode (its sources are linked from
/// tests/MeetStream.Client.Benchmarks/BargeIn): at small scale, on both paths, every trigger frame gets exactly one
/// well-formed <c>interrupt</c> on its bot's control socket. Nothing here measures or asserts time.
/// </summary>
public sealed class BargeInGeneratorSmokeTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact(Timeout = 180_000)]
    public async Task BargeInStep_FiveBotsThreeCyclesOnRawAndSdkPaths_EveryTriggerGetsExactlyOneInterrupt()
    {
        var script = new BargeInScript(cycleFrames: 10);
        script.Verify();
        await using var server = await BargeInServer.StartAsync(lossless: true);

        foreach (var sdk in new[] { false, true })
        {
            var step = await BargeInStep.ConnectAsync(server, script, sdk, botCount: 5, sdk ? "sdk" : "raw", Token);
            await step.RunCountedAsync(cycles: 3, Token);

            Assert.Equal(5, step.Bots.Count);
            Assert.All(step.Bots, bot =>
            {
                Assert.Equal(3, bot.TriggersSent);
                Assert.Equal(3, bot.InterruptsReceived);
                Assert.Equal(0, bot.UnexpectedInterrupts);
                Assert.Equal(0, bot.MalformedMessages);
                Assert.Equal(0, bot.Lost);
            });
            Assert.Equal(15, step.EndToEnd.Summarize().Count);
            Assert.Equal(0, step.EndToEnd.Overflow);
            await step.DisconnectAsync();
        }

        Assert.Equal(0, server.SdkDroppedFrames);
    }

    [Fact]
    public void BargeInScript_CycleTooShortForTheHangover_ThrowsNamingTheMinimumCycle()
    {
        var script = new BargeInScript(cycleFrames: 4);

        var error = Assert.Throws<InvalidOperationException>(script.Verify);

        Assert.Contains("use a cycle of at least", error.Message, StringComparison.Ordinal);
        Assert.Null(Record.Exception(new BargeInScript(cycleFrames: 10).Verify));
    }

    [Fact]
    public void BargeInScript_FirstSampleRule_MatchesTheDetectorOnVoicedAndSilentFrames()
    {
        var script = new BargeInScript(cycleFrames: 10);

        Assert.True(BargeInScript.IsVoicedRaw(script.Speech));
        Assert.False(BargeInScript.IsVoicedRaw(script.Silence));
        Assert.True(script.IsTrigger(0));
        Assert.True(script.IsSpeech(1));
        Assert.False(script.IsTrigger(1));
        Assert.False(script.IsSpeech(2));
        Assert.False(script.IsSpeech(-1));
        Assert.True(script.IsTrigger(10));
    }
}
