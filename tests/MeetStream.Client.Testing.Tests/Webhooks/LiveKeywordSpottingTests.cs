using MeetStream.Client.Keywords;
using MeetStream.Client.Testing.Tests.Infrastructure;
using MeetStream.Client.Webhooks;

namespace MeetStream.Client.Testing.Tests.Webhooks;

/// <summary>
/// End to end: the simulator POSTs live transcript chunks (a partial half, then the final turn) to a Kestrel receiver
/// on loopback; the bodies go through <see cref="WebhookParser"/> into a <see cref="LiveKeywordSpotter"/>.
/// </summary>
public sealed class LiveKeywordSpottingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SimulatorLiveChunks_ThroughParserAndLiveSpotter_EachKeywordAlertsOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sim = await Simulators.StartManualAsync(o => o.Conversation =
        [
            new SimulatorUtterance("Alice Example", "Our new pricing model is simple"),
            new SimulatorUtterance("Bob Example", "Acme quoted us less last week, honestly"),
            new SimulatorUtterance("Alice Example", "Then we need an escalation to the account team"),
            new SimulatorUtterance("Bob Example", "Fine, send the summary after the call"),
        ]);
        using var client = Simulators.Client(sim);
        var request = Simulators.Bot(attributes: new() { ["deal"] = "D-42" }, provider: TranscriptionProvider.ForDeepgramStreaming());
        request = new CreateBotRequest
        {
            MeetingLink = request.MeetingLink,
            BotName = request.BotName,
            VideoRequired = false,
            CustomAttributes = request.CustomAttributes,
            RecordingConfig = request.RecordingConfig,
            LiveTranscriptionRequired = new LiveTranscriptionConfig { WebhookUrl = receiver.Url("live") },
        };
        var bot = (await client.Bots.CreateAsync(request, cancellationToken: Ct)).BotId!;

        await sim.RunUntilAsync(bot, BotStatus.Stopped, cancellationToken: Ct);

        var spotter = new KeywordSpotter(
        [
            new KeywordDefinition("pricing model", "pricing"),
            new KeywordDefinition("pricing", "pricing"),
            new KeywordDefinition("Acme", "competitor"),
            new KeywordDefinition("escalation", "risk"),
            new KeywordDefinition("discount", "pricing"),
        ]);
        var live = spotter.CreateLiveSpotter();
        var chunks = receiver.At("/live");
        var hits = new List<KeywordHit>();
        foreach (var delivery in chunks)
        {
            // Each delivery twice, as a retried webhook would arrive: the second copy must not alert.
            hits.AddRange(live.Process(Assert.IsType<LiveTranscriptEvent>(WebhookParser.Parse(delivery.Body))));
            Assert.Empty(live.Process(Assert.IsType<LiveTranscriptEvent>(WebhookParser.Parse(delivery.Body))));
        }

        Assert.Equal(8, chunks.Count);
        Assert.Equal(["pricing", "pricing model", "Acme", "escalation"], hits.Select(h => h.Keyword.Phrase));
        Assert.Equal(["pricing", "pricing model", "Acme", "escalation"], hits.Select(h => h.MatchedText));
        Assert.Equal(["Alice Example", "Alice Example", "Bob Example", "Alice Example"], hits.Select(h => h.Speaker));
        Assert.All(hits, h => Assert.Equal(bot, h.BotId));
        Assert.All(hits, h => Assert.Equal("D-42", h.CustomAttributes!["deal"]));
        Assert.All(hits, h => Assert.True(h.IsLive));
        Assert.All(hits, h => Assert.NotNull(h.Timestamp));
        Assert.All(hits, h => Assert.NotNull(h.Offset));
        Assert.Equal("Our new pricing model is simple", hits[1].Context);
        Assert.Equal(2, live.TrackedStreams);
        live.Complete(bot);
        Assert.Equal(0, live.TrackedStreams);
    }
}
