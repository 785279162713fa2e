using System.Text.Json.Nodes;
using MeetStream.Client.Testing.Tests.Infrastructure;

namespace MeetStream.Client.Testing.Tests.Conversations;

/// <summary>
/// <see cref="SimulatorConversations.SalesDemo"/> played by the simulator: one pricing question, one competitor
/// mention, one long monologue by the seller, one interruption, the same in the post-call transcript, the speaker
/// timeline and the live transcript chunks.
/// </summary>
public sealed class SalesDemoConversationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void SalesDemo_Script_OnePricingQuestionOneCompetitorMentionAndOneInterruption()
    {
        var lines = SimulatorConversations.SalesDemo;

        Assert.Single(lines, u => u.Text.Contains("pricing", StringComparison.OrdinalIgnoreCase));
        Assert.Single(lines, u => u.Text.Contains("What does the enterprise pricing look like", StringComparison.Ordinal) && u.Speaker == SimulatorConversations.SalesDemoProspect);
        Assert.Single(lines, u => u.Text.Contains(SimulatorConversations.SalesDemoCompetitor, StringComparison.OrdinalIgnoreCase));
        Assert.Single(lines, u => u.Overlap is not null);
        Assert.Equal([SimulatorConversations.SalesDemoSeller, SimulatorConversations.SalesDemoProspect, SimulatorConversations.SalesDemoSecondProspect], ConversationPlan.Speakers(lines));
        Assert.Equal(TimeSpan.FromSeconds(Math.Ceiling(lines.Sum(u => u.Weight) * 5)), SimulatorConversations.SalesDemoMeetingDuration);
        Assert.Same(MeetStreamSimulatorOptions.DefaultConversation, SimulatorConversations.ProductSync);
    }

    [Fact]
    public async Task SalesDemo_PostCallTranscriptAndSpeakerTimeline_LongMonologueAndOneOverlapAtTheSameTimes()
    {
        await using var sim = await Simulators.StartManualAsync(SalesDemo);
        using var client = Simulators.Client(sim);
        var bot = await client.Bots.CreateAsync(Simulators.Bot(), cancellationToken: Ct);
        await sim.RunUntilEventAsync(bot.BotId!, "transcription.processed", TimeSpan.FromMinutes(1), Ct);

        var segments = (await client.Transcripts.GetAsync(bot.TranscriptId!, Ct)).Segments;
        var chunks = (await client.Bots.GetSpeakerTimelineAsync(bot.BotId!, Ct)).Chunks!;

        Assert.Equal(SimulatorConversations.SalesDemo.Select(u => u.Text), segments.Select(s => s.Text));
        var longest = segments.MaxBy(s => s.Duration)!;
        Assert.Equal(SimulatorConversations.SalesDemoSeller, longest.Speaker);
        Assert.All(segments.Where(s => s != longest), s => Assert.True(longest.Duration > 3 * s.Duration, $"{longest.Duration} vs {s.Duration}: {s.Text}"));

        // At the recommended length every line is spoken at 0.4 s per word (150 words per minute).
        Assert.All(segments, s => Assert.Equal(0.4, s.Words![1].Start!.Value - s.Words[0].Start!.Value, 3));

        // Exactly one pair of consecutive lines overlaps: the second prospect talks over the end of the seller's line.
        var overlaps = segments.Zip(segments.Skip(1)).Where(p => p.Second.StartTime < p.First.EndTime).ToList();
        var (talkedOver, interrupter) = Assert.Single(overlaps);
        Assert.Equal(SimulatorConversations.SalesDemoSeller, talkedOver.Speaker);
        Assert.Equal(SimulatorConversations.SalesDemoSecondProspect, interrupter.Speaker);
        Assert.Equal(1.5, talkedOver.EndTime!.Value - interrupter.StartTime!.Value, 3);

        // The speaker timeline has the same turns at the same times (byte offsets of 48 kHz 16-bit audio).
        Assert.Equal(segments.Select(s => s.Speaker), chunks.Select(c => c.SpeakerName));
        Assert.Equal(segments.Select(s => (long)(s.StartTime!.Value * 96000)), chunks.Select(c => c.StartByte!.Value));
        Assert.Equal(segments.Select(s => (long)(s.EndTime!.Value * 96000)), chunks.Select(c => c.EndByte!.Value));
    }

    [Fact]
    public async Task SalesDemo_LiveTranscriptChunks_EveryLineOnceFinalWithTheTranscriptsTimes()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sim = await Simulators.StartManualAsync(SalesDemo);
        using var client = Simulators.Client(sim);
        var streaming = Simulators.Bot(provider: TranscriptionProvider.ForDeepgramStreaming());
        var request = new CreateBotRequest
        {
            MeetingLink = streaming.MeetingLink,
            BotName = streaming.BotName,
            VideoRequired = false,
            RecordingConfig = streaming.RecordingConfig,
            LiveTranscriptionRequired = new LiveTranscriptionConfig { WebhookUrl = receiver.Url("live") },
        };
        var bot = (await client.Bots.CreateAsync(request, cancellationToken: Ct)).BotId!;
        await sim.RunUntilAsync(bot, BotStatus.Stopped, TimeSpan.FromMinutes(1), Ct);
        await sim.WhenWebhooksDeliveredAsync(Ct);

        // In the order the simulator sent them (the journal's sequence), whatever order they reached the receiver in.
        var chunks = sim.Journal.Webhooks.Where(w => w.Channel == SimulatorWebhookChannel.LiveTranscript && w.BotId == bot).OrderBy(w => w.Sequence).Select(w => JsonNode.Parse(w.Body)!.AsObject()).ToList();
        var finals = chunks.Where(j => j["is_final"]!.GetValue<bool>()).ToList();
        var plan = ConversationPlan.Plan(SimulatorConversations.SalesDemo, SimulatorConversations.SalesDemoMeetingDuration);

        Assert.Equal(2 * SimulatorConversations.SalesDemo.Count, chunks.Count); // a partial and a final per line
        Assert.Equal(SimulatorConversations.SalesDemo.Select(u => u.Text), finals.Select(j => j["transcript"]!.GetValue<string>()));
        Assert.Equal(plan.Select(u => u.Speaker), finals.Select(j => j["speakerName"]!.GetValue<string>()));
        Assert.Equal(plan.Select(u => u.Start), finals.Select(j => Words(j)[0]!["start"]!.GetValue<double>()));
        Assert.Equal(plan.Select(u => u.End), finals.Select(j => Words(j)[^1]!["end"]!.GetValue<double>()));

        // The interruption is in the live words too: the second prospect starts before the seller's line has ended.
        var interrupter = finals.FindIndex(j => j["speakerName"]!.GetValue<string>() == SimulatorConversations.SalesDemoSecondProspect && j["transcript"]!.GetValue<string>().StartsWith("Sorry", StringComparison.Ordinal));
        Assert.True(Words(finals[interrupter])[0]!["start"]!.GetValue<double>() < Words(finals[interrupter - 1])[^1]!["end"]!.GetValue<double>());
        Assert.Equal(SimulatorConversations.SalesDemoSeller, finals[interrupter - 1]["speakerName"]!.GetValue<string>());
        Assert.Equal(receiver.At("/live").Count, chunks.Count);
    }

    private static void SalesDemo(MeetStreamSimulatorOptions options)
    {
        options.Conversation = SimulatorConversations.SalesDemo;
        options.Timings.MeetingDuration = SimulatorConversations.SalesDemoMeetingDuration;
    }

    private static JsonArray Words(JsonObject chunk) => chunk["words"]!.AsArray();
}
