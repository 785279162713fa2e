using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MeetStream.Client.Testing.Tests.Infrastructure;

namespace MeetStream.Client.Testing.Tests.Webhooks;

/// <summary>Webhooks as MeetStream sends them: unsigned callbacks, signed workspace deliveries, participant events, live transcripts, duplicates and reordering.</summary>
public sealed class WebhookDeliveryTests : IAsyncLifetime
{
    private const string Secret = "whsec_test";
    private WebhookReceiver _receiver = null!;
    private MeetStreamSimulator _sim = null!;
    private MeetStreamClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _sim = await Simulators.StartManualAsync(o => o.WorkspaceWebhooks.Add(new SimulatorWebhookEndpoint(_receiver.Url("workspace"), Secret)));
        _client = Simulators.Client(_sim);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _sim.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task LifecycleEvent_Envelope_HasEventBotEventStatusMessageCodeTimestampAndCustomAttributes()
    {
        var bot = await CreateAsync(Simulators.Bot(callbackUrl: _receiver.Url("hook"), attributes: new() { ["crm_id"] = "42" }));

        await _sim.RunUntilAsync(bot, BotStatus.InMeeting, cancellationToken: Ct);

        var joining = _receiver.At("/hook")[0].Json;
        Assert.Equal("bot.joining", joining["event"]!.GetValue<string>());
        Assert.Equal("bot.joining", joining["bot_event"]!.GetValue<string>());
        Assert.Equal(bot, joining["bot_id"]!.GetValue<string>());
        Assert.Equal("Joining", joining["bot_status"]!.GetValue<string>());
        Assert.Equal("Bot is joining the meeting", joining["message"]!.GetValue<string>());
        Assert.Equal(200, joining["status_code"]!.GetValue<int>());
        Assert.Equal(Simulators.StartTimeUtc, DateTimeOffset.Parse(joining["timestamp"]!.GetValue<string>(), CultureInfo.InvariantCulture));
        Assert.Equal("42", joining["custom_attributes"]!["crm_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostCallEvents_Fields_MatchTheCatalogue()
    {
        var bot = await CreateAsync(Simulators.Bot(callbackUrl: _receiver.Url("hook"), video: true));

        await _sim.RunUntilEventAsync(bot, "bot.done", cancellationToken: Ct);

        var manifest = Single("/hook", "manifest.completed").Json;
        Assert.False(manifest.ContainsKey("bot_event"));
        Assert.Equal("success", manifest["status"]!.GetValue<string>());
        Assert.Equal("Success", manifest["manifest_status"]!.GetValue<string>());
        var audio = Single("/hook", "audio.processed").Json;
        Assert.Equal("Success", audio["audio_status"]!.GetValue<string>());
        Assert.Equal("Audio processing completed successfully", audio["message"]!.GetValue<string>());
        var transcription = Single("/hook", "transcription.processed").Json;
        Assert.Equal("Success", transcription["transcript_status"]!.GetValue<string>());
        Assert.False(transcription.ContainsKey("transcript_id"));
        Assert.Equal("Success", Single("/hook", "video.processed").Json["video_status"]!.GetValue<string>());
        Assert.Equal("Done", Single("/hook", "bot.done").Json["bot_status"]!.GetValue<string>());
    }

    [Fact]
    public async Task WorkspaceEndpoint_EveryDelivery_IsSignedOverTheRawBody()
    {
        var bot = await CreateAsync(Simulators.Bot());

        await _sim.RunUntilEventAsync(bot, "bot.done", cancellationToken: Ct);

        var deliveries = _receiver.At("/workspace");
        Assert.Equal(9, deliveries.Count);
        foreach (var delivery in deliveries)
        {
            var expected = "sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), delivery.Body)).ToLowerInvariant();
            Assert.Equal(expected, delivery.Headers["X-MeetStream-Signature"]);
            Assert.True(DateTimeOffset.TryParseExact(delivery.Headers["X-MeetStream-Timestamp"], "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _));
        }
    }

    [Fact]
    public async Task WorkspaceEndpoint_WithEventFilter_ReceivesOnlySubscribedEvents()
    {
        _sim.AddWorkspaceWebhook(new SimulatorWebhookEndpoint(_receiver.Url("filtered"), "whsec_other") { Events = ["bot.stopped", "bot.done"] });
        var bot = await CreateAsync(Simulators.Bot(SimulatorScenarios.Denied));

        await _sim.RunUntilEventAsync(bot, "bot.done", cancellationToken: Ct);

        Assert.Equal(["bot.denied", "bot.done"], _receiver.At("/filtered").Select(r => r.Name));
    }

    [Fact]
    public async Task CallbackUrl_Unreachable_RecordsTheFailureAndCarriesOn()
    {
        var bot = await CreateAsync(Simulators.Bot(callbackUrl: "http://127.0.0.1:9/unreachable"));

        await _sim.RunUntilAsync(bot, BotStatus.InMeeting, cancellationToken: Ct);

        var failed = _sim.Journal.WebhooksFor(bot, SimulatorWebhookChannel.Callback);
        Assert.Equal(2, failed.Count);
        Assert.All(failed, w => Assert.Null(w.StatusCode));
        Assert.All(failed, w => Assert.NotNull(w.Error));
        Assert.Equal(BotStatus.InMeeting, (await _client.Bots.GetStatusAsync(bot, Ct)).Status);
    }

    [Fact]
    public async Task RealtimeEndpoints_ParticipantEvents_HaveTheNestedShape()
    {
        var request = new CreateBotRequest
        {
            MeetingLink = Simulators.MeetLink,
            BotName = "Tracker",
            VideoRequired = false,
            CustomAttributes = new Dictionary<string, string> { ["room"] = "blue" },
            RecordingConfig = new RecordingConfig
            {
                RealtimeEndpoints = [new RealtimeEndpoint { Type = "webhook", Url = _receiver.Url("participants?k=1"), Events = ["participant_events.join", "participant_events.leave"] }],
            },
        };
        var bot = await CreateAsync(request);

        await _sim.RunUntilAsync(bot, BotStatus.Stopped, cancellationToken: Ct);

        var events = _receiver.At("/participants");
        Assert.Equal(6, events.Count);
        Assert.Equal(["participant_events.join", "participant_events.join", "participant_events.join"], events.Take(3).Select(e => e.Event));
        var join = events[1].Json;
        Assert.False(join.ContainsKey("bot_id"));
        Assert.False(join.ContainsKey("bot_event"));
        Assert.Equal("join", join["data"]!["data"]!["action"]!.GetValue<string>());
        Assert.Equal("Alice Example", join["data"]!["data"]!["participant"]!["name"]!.GetValue<string>());
        Assert.Equal("gmeet", join["data"]!["data"]!["participant"]!["platform"]!.GetValue<string>());
        Assert.StartsWith("spaces/", join["data"]!["data"]!["participant"]!["id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(join["data"]!["data"]!["timestamp"]!["relative"]);
        Assert.Equal(bot, join["data"]!["bot"]!["id"]!.GetValue<string>());
        Assert.Equal("blue", join["custom_attributes"]!["room"]!.GetValue<string>());
        Assert.Equal("leave", events[5].Json["data"]!["data"]!["action"]!.GetValue<string>());
        Assert.All(events, e => Assert.Equal("?k=1", e.Query));
    }

    [Fact]
    public async Task RealtimeEndpoints_SubscribedToJoinOnly_GetNoLeaveEvents()
    {
        var request = new CreateBotRequest
        {
            MeetingLink = Simulators.MeetLink,
            BotName = "Tracker",
            RecordingConfig = new RecordingConfig { RealtimeEndpoints = [new RealtimeEndpoint { Type = "webhook", Url = _receiver.Url("joins"), Events = ["participant_events.join"] }] },
        };
        var bot = await CreateAsync(request);

        await _sim.RunUntilAsync(bot, BotStatus.Stopped, cancellationToken: Ct);

        Assert.All(_receiver.At("/joins"), e => Assert.Equal("participant_events.join", e.Event));
    }

    [Fact]
    public async Task LiveTranscription_StreamingProvider_PostsChunksWithSection44Fields()
    {
        var request = new CreateBotRequest
        {
            MeetingLink = Simulators.MeetLink,
            BotName = "Captioner",
            VideoRequired = false,
            LiveTranscriptionRequired = new LiveTranscriptionConfig { WebhookUrl = _receiver.Url("live?secret=s1") },
            RecordingConfig = new RecordingConfig { Transcript = new TranscriptConfig { Provider = TranscriptionProvider.ForDeepgramStreaming(new DeepgramStreamingTranscription { Model = "nova-2", TranscriptionMode = TranscriptionMode.Sentence }) } },
        };
        var bot = await CreateAsync(request);

        await _sim.RunUntilAsync(bot, BotStatus.Stopped, cancellationToken: Ct);

        var chunks = _receiver.At("/live");
        Assert.Equal(10, chunks.Count);
        var final = chunks[1].Json;
        Assert.Equal(bot, final["bot_id"]!.GetValue<string>());
        Assert.Equal("Alice Example", final["speakerName"]!.GetValue<string>());
        Assert.True(final["is_final"]!.GetValue<bool>());
        Assert.True(final["end_of_turn"]!.GetValue<bool>());
        Assert.Equal("sentence", final["transcription_mode"]!.GetValue<string>());
        Assert.Equal("Good morning everyone, thanks for joining the weekly product sync.", final["transcript"]!.GetValue<string>());
        Assert.False(chunks[0].Json["is_final"]!.GetValue<bool>());
        foreach (var field in new[] { "timestamp", "new_text", "utterance", "words", "turn_is_formatted", "custom_attributes" })
        {
            Assert.True(final.ContainsKey(field), $"live transcript chunk lacks {field}");
        }

        var word = final["words"]![0]!;
        foreach (var field in new[] { "word", "start", "end", "confidence", "speaker", "punctuated_word", "speech_confidence" })
        {
            Assert.NotNull(word[field]);
        }

        Assert.All(chunks, c => Assert.Equal("?secret=s1", c.Query));
    }

    [Fact]
    public async Task StreamingOnlyProvider_NoPostCallTranscript_TranscriptStays202AndNoTranscriptionEvent()
    {
        var bot = await CreateAsync(Simulators.Bot(callbackUrl: _receiver.Url("hook"), provider: TranscriptionProvider.ForDeepgramStreaming()));
        var transcriptId = (await _client.Bots.GetDetailsAsync(bot, Ct)).TranscriptId!;

        await _sim.RunUntilEventAsync(bot, "bot.done", cancellationToken: Ct);

        Assert.DoesNotContain(_receiver.At("/hook"), r => r.Name.StartsWith("transcription.", StringComparison.Ordinal));
        var wait = await Assert.ThrowsAsync<MeetStreamTimeoutException>(() => _client.Transcripts.WaitForTranscriptAsync(
            transcriptId, new MeetStreamWaitOptions { Timeout = TimeSpan.FromMilliseconds(300), Interval = TimeSpan.FromMilliseconds(50) }, Ct));
        Assert.Contains("streaming-only", wait.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamingOnlyProvider_BotDoneDisabled_AudioProcessedIsLast()
    {
        await using var sim = await Simulators.StartManualAsync(o => o.SendBotDoneWithoutPostCallTranscript = false);
        using var client = Simulators.Client(sim);
        var bot = (await client.Bots.CreateAsync(Simulators.Bot(callbackUrl: _receiver.Url("quiet"), provider: TranscriptionProvider.ForAssemblyAIStreaming()), cancellationToken: Ct)).BotId!;

        await sim.RunUntilEventAsync(bot, "audio.processed", cancellationToken: Ct);
        await sim.AdvanceAsync(TimeSpan.FromMinutes(5), Ct);

        Assert.Equal("audio.processed", _receiver.At("/quiet")[^1].Name);
    }

    [Fact]
    public async Task MeetingCaptions_NoTranscriptIdAndCaptionFileAfterProcessing()
    {
        var created = await _client.Bots.CreateAsync(Simulators.Bot(provider: TranscriptionProvider.ForMeetingCaptions()), cancellationToken: Ct);

        await _sim.RunUntilEventAsync(created.BotId!, "bot.done", cancellationToken: Ct);

        Assert.Null(created.TranscriptId);
        var caption = (await _client.Bots.GetDetailsAsync(created.BotId!, Ct)).CaptionFile!;
        Assert.True(caption.Available);
        using var http = new HttpClient();
        var text = await http.GetStringAsync(caption.DownloadUrl, Ct);
        Assert.Contains("weekly product sync", Transcript.Parse(text).GetFullText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DuplicateAttribute_EveryLifecycleDelivery_ArrivesTwiceWithTheSameBody()
    {
        var bot = await CreateAsync(Simulators.Bot(callbackUrl: _receiver.Url("dup"), attributes: new() { [SimulatorScenarios.WebhooksAttribute] = "duplicate" }));

        await _sim.RunUntilAsync(bot, BotStatus.Recording, cancellationToken: Ct);

        var received = _receiver.At("/dup");
        Assert.Equal(["bot.joining", "bot.joining", "bot.inmeeting", "bot.inmeeting", "bot.recording", "bot.recording"], received.Select(r => r.Name));
        Assert.Equal(received[0].Text, received[1].Text);
        Assert.True(_sim.Journal.WebhooksFor(bot, SimulatorWebhookChannel.Callback)[1].Duplicate);
    }

    [Fact]
    public async Task ReorderAttribute_PostCallEvents_ArriveInReverseBeforeDone()
    {
        var bot = await CreateAsync(Simulators.Bot(callbackUrl: _receiver.Url("late"), video: true, attributes: new() { [SimulatorScenarios.WebhooksAttribute] = "reorder" }));

        await _sim.RunUntilEventAsync(bot, "bot.done", cancellationToken: Ct);

        Assert.Equal(["video.processed", "transcription.processed", "audio.processed", "manifest.completed", "bot.done"], _receiver.At("/late").Select(r => r.Name).TakeLast(5));
    }

    [Fact]
    public async Task Transcribe_WithCallback_SendsOneTranscriptionEventWithoutCustomAttributesOrDone()
    {
        var bot = await CreateAsync(Simulators.Bot(provider: TranscriptionProvider.ForDeepgramStreaming(), attributes: new() { ["a"] = "b" }));
        await _sim.RunUntilEventAsync(bot, "bot.done", cancellationToken: Ct);

        var run = await _client.Transcripts.TranscribeAsync(bot, new TranscribeRequest { Provider = TranscriptionProvider.ForAssemblyAI(), CallbackUrl = _receiver.Url("transcribed") }, Ct);
        await _sim.AdvanceAsync(TimeSpan.FromMinutes(1), Ct);

        var delivery = Assert.Single(_receiver.At("/transcribed"));
        Assert.Equal("transcription.processed", delivery.Event);
        Assert.False(delivery.Json.ContainsKey("custom_attributes"));
        Assert.Equal(run.TranscriptId, (await _client.Bots.GetDetailsAsync(bot, Ct)).TranscriptId);
        Assert.Equal(2, (await _client.Transcripts.ListForBotAsync(bot, Ct)).Transcriptions!.Count);
        Assert.NotEmpty((await _client.Transcripts.GetAsync(run.TranscriptId!, Ct)).Segments);
    }

    private async Task<string> CreateAsync(CreateBotRequest request) => (await _client.Bots.CreateAsync(request, cancellationToken: Ct)).BotId!;

    private ReceivedWebhook Single(string path, string name) => Assert.Single(_receiver.At(path), r => r.Name == name);
}
