using System.Text.Json.Nodes;
using MeetStream.Client.Analytics;
using MeetStream.Client.Lambda.Tests.Infrastructure;
using MeetStream.Client.Tests.Infrastructure;
using static MeetStream.Client.Lambda.Tests.Infrastructure.MeetStreamSamples;

namespace MeetStream.Client.Lambda.Tests.Functions;

/// <summary>
/// The transcript function stores the end-of-meeting talk-time analytics beside the transcript on s3rver
/// (<c>transcripts/{bot_id}/{transcript_id}.analytics.json</c>), with numbers computed by hand from the sample transcript:
/// Alice Chen speaks 1.04–3.90 s (2.86 s), Bob Martin 4.50–6.25 s (1.75 s).
/// </summary>
public sealed class TranscriptAnalyticsTests(DynaliteServer dynalite, S3rverServer s3rver, WireMockServer wireMock) : IAsyncLifetime
{
    private const double Precision = 3; // decimal places: the seconds come from JSON doubles

    private PipelineHarness _p = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _p = await PipelineHarness.StartAsync(dynalite, s3rver, wireMock);

    public ValueTask DisposeAsync() => _p.DisposeAsync();

    [Fact]
    public async Task StoredTranscript_AnalyticsJsonBesideIt_WithTheHandComputedNumbers()
    {
        await PendingAsync("bot-a1", "tr-a1");

        var output = await _p.RunTranscriptAsync(new JsonObject { ["bot_id"] = "bot-a1" }, Ct);

        var result = output["results"]![0]!;
        Assert.Equal("stored", result["outcome"]!.GetValue<string>());
        Assert.Equal("transcripts/bot-a1/tr-a1.json", result["s3_key"]!.GetValue<string>());
        Assert.Equal("transcripts/bot-a1/tr-a1.analytics.json", result["analytics_s3_key"]!.GetValue<string>());
        var stored = await _p.Transcripts.GetAsync("transcripts/bot-a1/tr-a1.analytics.json", Ct);
        var analytics = MeetingAnalyticsDocument.Parse(stored);
        Assert.Equal(1, analytics.SchemaVersion);
        Assert.Equal(("bot-a1", "tr-a1", "transcripts/bot-a1/tr-a1.json"), (analytics.BotId, analytics.TranscriptId, analytics.TranscriptKey));
        Assert.Equal(_p.Clock.GetUtcNow(), analytics.GeneratedAt);
        Assert.Equal("transcript", analytics.Source);
        Assert.Equal(5.21, analytics.MeetingDurationSeconds, Precision); // 1.04 → 6.25
        Assert.Equal(4.61, analytics.TalkTimeSeconds, Precision); // 2.86 + 1.75
        Assert.Equal(0.60, analytics.SilenceSeconds, Precision); // the pause 3.90 → 4.50
        Assert.Equal(0.60 / 5.21, analytics.SilenceShare, Precision);
        Assert.Equal(0, analytics.Interruptions);
        Assert.Equal((0.0, 0), (analytics.UnattributedSpeechSeconds, analytics.UntimedSegments));
        Assert.Null(analytics.Bot);
        Assert.Equal("Alice Chen", analytics.LongestMonologueBy);
        Assert.Equal(["Alice Chen", "Bob Martin"], analytics.Participants.Select(p => p.Name));
        var (alice, bob) = (analytics.Participants[0], analytics.Participants[1]);
        Assert.Equal(2.86, alice.TalkTimeSeconds, Precision);
        Assert.Equal(2.86 / 4.61, alice.Share, Precision);
        Assert.Equal(1.75, bob.TalkTimeSeconds, Precision);
        Assert.Equal(1.75 / 4.61, bob.Share, Precision);
        Assert.Equal((1, 1), (alice.Turns, bob.Turns));
        Assert.Equal(2.86, alice.LongestMonologueSeconds, Precision);
        Assert.Equal(1.75, bob.LongestMonologueSeconds, Precision);
        Assert.Equal((0, 0, 0, 0), (alice.Interruptions, alice.TimesInterrupted, bob.Interruptions, bob.TimesInterrupted));
        Assert.Equal((1, 1), (alice.Questions, bob.Questions)); // "Café first?", "Shall we start?"
        Assert.False(alice.IsBot);
    }

    [Fact]
    public async Task BotName_SeparatesTheBotsSpeechFromTheHumanShares()
    {
        _p.Transcript = new TranscriptFunction(_p.Client, _p.Sessions, _p.Transcripts, new TranscriptFunctionOptions { TimeProvider = _p.Clock, Analytics = new TalkTimeOptions { BotName = "bob martin" } });
        await PendingAsync("bot-a2", "tr-a2");

        await _p.RunTranscriptAsync(new JsonObject { ["bot_id"] = "bot-a2" }, Ct);

        var analytics = MeetingAnalyticsDocument.Parse(await _p.Transcripts.GetAsync("transcripts/bot-a2/tr-a2.analytics.json", Ct));
        var alice = Assert.Single(analytics.Participants);
        Assert.Equal("Alice Chen", alice.Name);
        Assert.Equal(1.0, alice.Share, Precision);
        Assert.Equal(2.86, analytics.TalkTimeSeconds, Precision);
        Assert.NotNull(analytics.Bot);
        Assert.True(analytics.Bot.IsBot);
        Assert.Equal("Bob Martin", analytics.Bot.Name);
        Assert.Equal(1.75, analytics.Bot.TalkTimeSeconds, Precision);
        Assert.Equal(1.75 / 4.61, analytics.Bot.Share, Precision);
    }

    [Fact]
    public async Task StoreAnalyticsOff_StoresTheTranscriptOnly()
    {
        _p.Transcript = new TranscriptFunction(_p.Client, _p.Sessions, _p.Transcripts, new TranscriptFunctionOptions { TimeProvider = _p.Clock, StoreAnalytics = false });
        await PendingAsync("bot-a3", "tr-a3");

        var output = await _p.RunTranscriptAsync(new JsonObject { ["bot_id"] = "bot-a3" }, Ct);

        Assert.Equal("stored", output["results"]![0]!["outcome"]!.GetValue<string>());
        Assert.Null(output["results"]![0]!["analytics_s3_key"]);
        Assert.Null(await _p.Transcripts.GetAsync("transcripts/bot-a3/tr-a3.analytics.json", Ct));
        Assert.NotNull(await _p.Transcripts.GetAsync("transcripts/bot-a3/tr-a3.json", Ct));
    }

    [Fact]
    public async Task TranscriptTheAnalyzerRejects_IsStoredWithoutAnalytics_AndTheNoteSaysWhy()
    {
        await PendingAsync("bot-a4", "tr-a4", new JsonArray { new JsonObject { ["speaker"] = "Alice Chen", ["transcript"] = "Backwards.", ["start_time"] = 9.0, ["end_time"] = 2.0 } });

        var output = await _p.RunTranscriptAsync(new JsonObject { ["bot_id"] = "bot-a4" }, Ct);

        var result = output["results"]![0]!;
        Assert.Equal("stored", result["outcome"]!.GetValue<string>());
        Assert.Null(result["analytics_s3_key"]);
        Assert.StartsWith("No analytics: ", result["note"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(await _p.Transcripts.GetAsync("transcripts/bot-a4/tr-a4.json", Ct));
        Assert.Null(await _p.Transcripts.GetAsync("transcripts/bot-a4/tr-a4.analytics.json", Ct));
        Assert.Equal(TranscriptProgress.Stored, (await _p.Sessions.GetAsync("bot-a4", Ct))!.Transcript);
    }

    [Fact]
    public async Task AnalyticsKey_IsTheTranscriptsSibling_AndEscapesIdsTheSameWay()
    {
        Assert.Equal("transcripts/bot-1/tr-1.analytics.json", _p.Transcripts.AnalyticsKeyFor("bot-1", "tr-1"));
        Assert.Equal("transcripts/b%2F1/t%201.analytics.json", _p.Transcripts.AnalyticsKeyFor("b/1", "t 1"));

        var key = await _p.Transcripts.PutAnalyticsAsync("bot-9", "tr-9", "{\"schema_version\":1}"u8.ToArray(), Ct);

        Assert.Equal("transcripts/bot-9/tr-9.analytics.json", key);
        Assert.Equal("{\"schema_version\":1}"u8.ToArray(), await _p.Transcripts.GetAsync(key, Ct));
        Assert.Throws<ArgumentException>(() => _p.Transcripts.AnalyticsKeyFor(" ", "tr"));
    }

    private async Task PendingAsync(string botId, string transcriptId, JsonArray? transcript = null)
    {
        await _p.Sessions.RecordScheduledAsync(
            new ScheduledBotSession
            {
                BotId = botId,
                CalendarEventId = "cal-" + botId,
                MeetingUrl = MeetingUrl,
                Status = BotStatus.Active,
                TranscriptId = transcriptId,
                FirstCheckAt = _p.Clock.GetUtcNow().AddHours(1),
            },
            Ct);
        await _p.Sessions.MarkTranscriptPendingAsync(botId, Ct);
        await _p.MeetStream.StubAsync("GET", "/bots/" + botId + "/detail", 200, Details(botId, transcriptId));
        await _p.MeetStream.StubAsync("GET", "/transcript/" + transcriptId + "/get_transcript", 200, transcript ?? Transcript());
    }
}
