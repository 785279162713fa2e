using MeetStream.Client.Testing.Tests.Infrastructure;

namespace MeetStream.Client.Testing.Tests.Lifecycle;

public sealed class HappyPathTests
{
    private static readonly string[] HappyEvents =
    [
        "bot.joining", "bot.inmeeting", "bot.recording", "bot.leaving", "bot.stopped",
        "manifest.completed", "audio.processed", "transcription.processed", "video.processed", "bot.done",
    ];

    [Fact]
    public async Task CreateBot_HappyPathWithVideo_SendsSection33EventsInOrderToCallbackUrl()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sim = await Simulators.StartManualAsync();
        using var client = Simulators.Client(sim);
        var ct = TestContext.Current.CancellationToken;

        var bot = await client.Bots.CreateAsync(Simulators.Bot(callbackUrl: receiver.Url("hooks/meetstream?token=abc123"), video: true), cancellationToken: ct);
        await sim.RunUntilEventAsync(bot.BotId!, "bot.done", cancellationToken: ct);

        var received = receiver.At("/hooks/meetstream");
        Assert.Equal(HappyEvents, received.Select(r => r.Name));
        Assert.All(received, r => Assert.Equal("?token=abc123", r.Query));
        Assert.All(received, r => Assert.False(r.Headers.ContainsKey("X-MeetStream-Signature")));
    }

    [Fact]
    public async Task GetStatus_DuringHappyPath_ReportsEachStatusInOrder()
    {
        await using var sim = await Simulators.StartManualAsync();
        using var client = Simulators.Client(sim);
        var ct = TestContext.Current.CancellationToken;
        var bot = await client.Bots.CreateAsync(Simulators.Bot(), cancellationToken: ct);

        var seen = new List<string>();
        while (true)
        {
            var status = (await client.Bots.GetStatusAsync(bot.BotId!, ct)).Status!.Value.Value;
            if (seen.Count == 0 || seen[^1] != status)
            {
                seen.Add(status);
            }

            // Stop before the retention expiry 24 hours later.
            if (sim.Clock.NextStepAt is not { } next || next > sim.Clock.UtcNow + TimeSpan.FromHours(1))
            {
                break;
            }

            await sim.Clock.AdvanceToNextStepAsync(ct);
        }

        Assert.Equal(["Joining", "InMeeting", "Recording", "Leaving", "Stopped", "Done"], seen);
    }
}
