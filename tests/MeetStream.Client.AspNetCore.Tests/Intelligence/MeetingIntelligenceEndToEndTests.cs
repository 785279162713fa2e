using System.Text.Json;
using MeetStream.Client.Analytics;
using MeetStream.Client.Keywords;
using MeetStream.Client.Outbound;
using MeetStream.Client.Testing;
using MeetStream.Client.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace MeetStream.Client.AspNetCore.Tests.Intelligence;

/// <summary>
/// Whole meetings played by the simulator against an application on real Kestrel: live transcript chunks become
/// keyword hits (each once), and the end of the meeting becomes one analytics result with the expected speakers.
/// </summary>
public sealed class MeetingIntelligenceEndToEndTests
{
    private static readonly SimulatorUtterance[] SalesCall =
    [
        new("Alice Buyer", "Thanks for the demo. Before we go on, can we talk about pricing for fifty seats?"),
        new("Sam Seller", "Of course. Our pricing starts at twenty dollars a seat, and a yearly plan gets a discount."),
        new("Alice Buyer", "Globex quoted us less last week, to be honest."),
        new("Sam Seller", "I understand. Globex does not include support, which we do. Shall I send a proposal?"),
        new("Alice Buyer", "Yes please, send it by Friday."),
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LiveTranscriptChunks_EachKeywordOccurrenceRaisedOnce_ThenAnalyticsFromTheSpeakerTimeline()
    {
        await using var sim = await MeetStreamSimulator.StartAsync(new MeetStreamSimulatorOptions { TimeScale = 0, Conversation = SalesCall }, Ct);
        await using var host = await IntelligenceTestHost.StartAsync(sim);
        using var client = sim.CreateClient();

        var bot = await client.Bots.CreateAsync(new CreateBotRequest
        {
            MeetingLink = "https://meet.google.com/abc-defg-hij",
            BotName = "Notetaker",
            CallbackUrl = host.WebhookUrl.ToString(),
            LiveTranscriptionRequired = new LiveTranscriptionConfig { WebhookUrl = host.WebhookUrl.ToString() },
            RecordingConfig = new RecordingConfig { Transcript = new TranscriptConfig { Provider = TranscriptionProvider.ForMeetStreamStreaming() } },
            CustomAttributes = new Dictionary<string, string> { ["deal"] = "acme-renewal" },
        }, cancellationToken: Ct);
        await sim.RunUntilAsync(bot.BotId!, BotStatus.Done, cancellationToken: Ct);

        // bot.done is dispatched after every live chunk (one queue, in order), so by now every hit was raised.
        var analytics = await host.Recorder.FirstAnalytics.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);
        var hits = host.Recorder.Hits.ToArray();
        Assert.All(hits, h => Assert.True(h.IsLive));
        Assert.All(hits, h => Assert.Equal(bot.BotId, h.BotId));
        Assert.Equal(
            ["Alice Buyer:pricing", "Sam Seller:pricing", "Sam Seller:discount", "Alice Buyer:Globex", "Sam Seller:Globex"],
            hits.Select(h => h.Speaker + ":" + h.Keyword.Phrase));
        Assert.Equal("competitor", hits.First(h => h.Keyword.Phrase == "Globex").Category);

        Assert.Equal(bot.BotId, analytics.BotId);
        Assert.IsType<BotDoneEvent>(analytics.Trigger);
        Assert.Equal(TalkTimeSource.SpeakerTimeline, analytics.TalkTime.Source);
        Assert.Null(analytics.TranscriptId);
        Assert.Equal(["Alice Buyer", "Sam Seller"], analytics.TalkTime.Participants.Select(p => p.Name).Order());
        await sim.WhenWebhooksDeliveredAsync(Ct);
        await host.DispatchedAsync();
        Assert.Single(host.Recorder.Analytics);
        Assert.Equal(0, host.App.Services.GetRequiredService<LiveKeywordSpotter>().TrackedStreams); // dropped at bot.stopped / bot.done
    }

    [Fact]
    public async Task PostCallTranscript_AnalyticsOnceWithEverySpeakerAndTheTranscriptsKeywordHits()
    {
        await using var sim = await MeetStreamSimulator.StartAsync(new MeetStreamSimulatorOptions { TimeScale = 0, Conversation = SalesCall, DuplicateWebhooks = true }, Ct);
        await using var host = await IntelligenceTestHost.StartAsync(sim);
        using var client = sim.CreateClient();

        var bot = await client.Bots.CreateAsync(new CreateBotRequest
        {
            MeetingLink = "https://meet.google.com/abc-defg-hij",
            BotName = "Notetaker",
            CallbackUrl = host.WebhookUrl.ToString(),
            RecordingConfig = new RecordingConfig { Transcript = new TranscriptConfig { Provider = TranscriptionProvider.ForDeepgram() } },
            CustomAttributes = new Dictionary<string, string> { ["deal"] = "acme-renewal" },
        }, cancellationToken: Ct);
        await sim.RunUntilAsync(bot.BotId!, BotStatus.Done, cancellationToken: Ct);
        var analytics = await host.Recorder.FirstAnalytics.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);
        await sim.WhenWebhooksDeliveredAsync(Ct);
        await host.DispatchedAsync(); // bot.done (twice) was handled too: still one result

        Assert.Single(host.Recorder.Analytics);
        Assert.IsType<TranscriptionProcessedEvent>(analytics.Trigger);
        Assert.Equal(TalkTimeSource.Transcript, analytics.TalkTime.Source);
        Assert.Equal(bot.TranscriptId, analytics.TranscriptId);
        Assert.NotNull(analytics.Transcript);
        Assert.Equal(["Alice Buyer", "Sam Seller"], analytics.TalkTime.Participants.Select(p => p.Name).Order());
        Assert.All(analytics.TalkTime.Participants, p => Assert.True(p.TalkTime > TimeSpan.Zero));
        Assert.Equal("acme-renewal", analytics.CustomAttributes!["deal"]);
        Assert.Equal(5, analytics.KeywordHits.Count);
        Assert.All(analytics.KeywordHits, h => Assert.False(h.IsLive));
        Assert.Equal(analytics.KeywordHits, host.Recorder.Hits.ToArray()); // raised to the hit handlers too
    }

    [Fact]
    public async Task ForwardToSignedSink_HitsAndAnalyticsArriveSignedAsJson()
    {
        await using var sim = await MeetStreamSimulator.StartAsync(new MeetStreamSimulatorOptions { TimeScale = 0, Conversation = SalesCall }, Ct);
        await using var host = await IntelligenceTestHost.StartAsync(
            sim,
            webhooks => webhooks.ForwardKeywordHits("crm").ForwardMeetingAnalytics("crm"),
            (services, receiver) => services.AddSignedWebhookSink("crm", o =>
            {
                o.Endpoint = receiver;
                o.Secret = IntelligenceTestHost.SinkSecret;
            }));
        using var client = sim.CreateClient();

        var bot = await client.Bots.CreateAsync(new CreateBotRequest
        {
            MeetingLink = "https://meet.google.com/abc-defg-hij",
            BotName = "Notetaker",
            CallbackUrl = host.WebhookUrl.ToString(),
            RecordingConfig = new RecordingConfig { Transcript = new TranscriptConfig { Provider = TranscriptionProvider.ForDeepgram() } },
        }, cancellationToken: Ct);
        await sim.RunUntilAsync(bot.BotId!, BotStatus.Done, cancellationToken: Ct);
        await sim.WhenWebhooksDeliveredAsync(Ct);
        await host.DispatchedAsync(); // every handler ran, the forwarders included: their payloads are queued
        var sink = host.App.Services.GetRequiredKeyedService<SignedWebhookSink>("crm");
        await sink.FlushAsync(Ct);

        var forwarded = host.Recorder.Forwarded.ToArray();
        Assert.Equal(6, forwarded.Length); // one analytics document, then the transcript's five hits
        Assert.All(forwarded, f => Assert.True(SignedWebhookSink.VerifySignature(f.Body, f.Signature, IntelligenceTestHost.SinkSecret)));
        using var analytics = JsonDocument.Parse(forwarded[0].Body);
        Assert.Equal("meeting.analytics", analytics.RootElement.GetProperty("type").GetString());
        Assert.Equal(bot.BotId, analytics.RootElement.GetProperty("bot_id").GetString());
        Assert.Equal("Transcript", analytics.RootElement.GetProperty("source").GetString());
        Assert.Equal(2, analytics.RootElement.GetProperty("participants").GetArrayLength());
        Assert.Contains("Alice Buyer", analytics.RootElement.GetProperty("report").GetString(), StringComparison.Ordinal);
        using var hit = JsonDocument.Parse(forwarded[1].Body);
        Assert.Equal("keyword.hit", hit.RootElement.GetProperty("type").GetString());
        Assert.Equal("pricing", hit.RootElement.GetProperty("keyword").GetString());
        Assert.Equal("sales", hit.RootElement.GetProperty("category").GetString());
        Assert.False(hit.RootElement.GetProperty("is_live").GetBoolean());
        Assert.Equal(6, sink.Delivered);
    }

    [Fact]
    public async Task TranscriptionFailed_AnalyticsAtBotDoneFromTheSpeakerTimeline()
    {
        await using var sim = await MeetStreamSimulator.StartAsync(new MeetStreamSimulatorOptions { TimeScale = 0, Conversation = SalesCall }, Ct);
        await using var host = await IntelligenceTestHost.StartAsync(sim);
        using var client = sim.CreateClient();

        var bot = await client.Bots.CreateAsync(new CreateBotRequest
        {
            MeetingLink = "https://meet.google.com/abc-defg-hij",
            BotName = "Notetaker",
            CallbackUrl = host.WebhookUrl.ToString(),
            RecordingConfig = new RecordingConfig { Transcript = new TranscriptConfig { Provider = TranscriptionProvider.ForDeepgram() } },
            CustomAttributes = new Dictionary<string, string> { [SimulatorScenarios.CustomAttribute] = SimulatorScenarios.TranscriptionFailed },
        }, cancellationToken: Ct);
        await sim.RunUntilAsync(bot.BotId!, BotStatus.Done, cancellationToken: Ct);
        var analytics = await host.Recorder.FirstAnalytics.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);

        Assert.IsType<BotDoneEvent>(analytics.Trigger);
        Assert.Equal(TalkTimeSource.SpeakerTimeline, analytics.TalkTime.Source);
        Assert.Empty(analytics.KeywordHits);
        Assert.Equal(["Alice Buyer", "Sam Seller"], analytics.TalkTime.Participants.Select(p => p.Name).Order());
    }

    [Fact]
    public async Task ForwardAsSlackText_SendsOneTextMessagePerHitAndReport()
    {
        await using var sim = await MeetStreamSimulator.StartAsync(new MeetStreamSimulatorOptions { TimeScale = 0, Conversation = SalesCall }, Ct);
        await using var host = await IntelligenceTestHost.StartAsync(
            sim,
            webhooks => webhooks.ForwardKeywordHits(format: ForwardedPayloadFormat.SlackText).ForwardMeetingAnalytics(format: ForwardedPayloadFormat.SlackText),
            (services, receiver) => services.AddSignedWebhookSink(o => o.Endpoint = receiver)); // unsigned, like a Slack URL
        using var client = sim.CreateClient();

        var bot = await client.Bots.CreateAsync(new CreateBotRequest
        {
            MeetingLink = "https://meet.google.com/abc-defg-hij",
            BotName = "Notetaker",
            CallbackUrl = host.WebhookUrl.ToString(),
            RecordingConfig = new RecordingConfig { Transcript = new TranscriptConfig { Provider = TranscriptionProvider.ForDeepgram() } },
        }, cancellationToken: Ct);
        await sim.RunUntilAsync(bot.BotId!, BotStatus.Done, cancellationToken: Ct);
        await sim.WhenWebhooksDeliveredAsync(Ct);
        await host.DispatchedAsync();
        await host.App.Services.GetRequiredService<SignedWebhookSink>().FlushAsync(Ct);

        var forwarded = host.Recorder.Forwarded.ToArray();
        Assert.Equal(6, forwarded.Length);
        Assert.All(forwarded, f => Assert.Equal(string.Empty, f.Signature));
        var texts = forwarded.Select(f => JsonDocument.Parse(f.Body).RootElement).Select(e => Assert.Single(e.EnumerateObject()).Value.GetString()!).ToArray();
        Assert.StartsWith("Talk time for bot " + bot.BotId, texts[0], StringComparison.Ordinal);
        Assert.Contains("Sam Seller", texts[0], StringComparison.Ordinal);
        Assert.Contains("In the transcript: [sales] \"pricing\" by Alice Buyer", texts[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddMeetingAnalytics_WithoutRestClient_FailureExplainedAndClaimGivenBack()
    {
        var analyticsRuns = 0;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMeetStreamWebhooks(o => o.AllowUnsignedDeliveries = true)
            .AddMeetingAnalytics()
            .OnMeetingAnalytics((_, _, _) =>
            {
                Interlocked.Increment(ref analyticsRuns);
                return Task.CompletedTask;
            });
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var handler = Assert.Single(scope.ServiceProvider.GetServices<IMeetStreamWebhookHandler<BotDoneEvent>>());
        var done = (BotDoneEvent)WebhookParser.Parse("""{"event":"bot.done","bot_event":"bot.done","bot_id":"bot_9","bot_status":"Done","status_code":200}""");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => handler.HandleAsync(done, Ct));

        Assert.Contains("AddMeetStreamClient", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, analyticsRuns);
        Assert.Equal(0, provider.GetRequiredService<MeetStream.Client.AspNetCore.Internal.MeetingAnalyticsTracker>().Count); // the next end event may try again
    }

    [Fact]
    public void AddKeywordSpotting_Twice_ExplainsToPassEveryKeywordOnce()
    {
        var services = new ServiceCollection();
        var webhooks = services.AddMeetStreamWebhooks(o => o.AllowUnsignedDeliveries = true).AddKeywordSpotting([new KeywordDefinition("a")]);

        var error = Assert.Throws<InvalidOperationException>(() => webhooks.AddKeywordSpotting([new KeywordDefinition("b")]));

        Assert.Contains("once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForwardKeywordHits_SinkNotRegistered_HandlerFailureNamesTheMissingSink()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMeetStreamWebhooks(o => o.AllowUnsignedDeliveries = true).AddKeywordSpotting([new KeywordDefinition("a")]).ForwardKeywordHits("slack");
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();

        var error = Assert.Throws<InvalidOperationException>(() => scope.ServiceProvider.GetServices<IKeywordHitHandler>().ToArray());

        Assert.Contains("AddSignedWebhookSink(\"slack\"", error.Message, StringComparison.Ordinal);
    }
}
