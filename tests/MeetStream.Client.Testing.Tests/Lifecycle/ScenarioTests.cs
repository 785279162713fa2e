using MeetStream.Client.Testing.Tests.Infrastructure;

namespace MeetStream.Client.Testing.Tests.Lifecycle;

/// <summary>Every scripted scenario, driven through the SDK's REST client, with its webhooks received by a real Kestrel endpoint.</summary>
public sealed class ScenarioTests : IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;
    private MeetStreamSimulator _sim = null!;
    private MeetStreamClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _sim = await Simulators.StartManualAsync();
        _client = Simulators.Client(_sim);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _sim.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task WaitingRoom_Admitted_GoesThroughLobbyThenHappyPath()
    {
        var bot = await CreateAsync(SimulatorScenarios.WaitingRoom);

        await _sim.RunUntilEventAsync(bot, "bot.done", cancellationToken: Ct);

        Assert.Equal(["bot.joining", "bot.in_waiting_room", "bot.inmeeting", "bot.recording", "bot.leaving", "bot.stopped"], Names().Take(6));
        Assert.Equal("InWaitingRoom", Hook("bot.in_waiting_room").Json["bot_status"]!.GetValue<string>());
        Assert.Contains("WaitingRoom", (await _client.Bots.GetDetailsAsync(bot, Ct)).StatusTimeline!.Keys);
    }

    [Fact]
    public async Task NotAdmitted_WaitingRoomTimeout_StopsWithNotAllowedAnd500()
    {
        var request = Simulators.Bot(SimulatorScenarios.NotAdmitted, _receiver.Url("hook"));
        request = With(request, automaticLeave: new AutomaticLeaveConfig { WaitingRoomTimeout = 120 });
        var bot = (await _client.Bots.CreateAsync(request, cancellationToken: Ct)).BotId!;

        await _sim.RunUntilEventAsync(bot, "bot.done", cancellationToken: Ct);

        var stopped = Hook("bot.notallowed");
        Assert.Equal("bot.stopped", stopped.Event);
        Assert.Equal("NotAllowed", stopped.Json["bot_status"]!.GetValue<string>());
        Assert.Equal(500, stopped.Json["status_code"]!.GetValue<int>());
        var waited = DateTimeOffset.Parse(stopped.Json["timestamp"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)
            - DateTimeOffset.Parse(Hook("bot.in_waiting_room").Json["timestamp"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.FromSeconds(120), waited);
        Assert.Equal(["bot.joining", "bot.in_waiting_room", "bot.notallowed", "bot.done"], Names());
        Assert.Equal(BotStatus.NotAllowed, (await _client.Bots.GetStatusAsync(bot, Ct)).Status);
        await Assert.ThrowsAsync<MeetStreamNotFoundException>(() => _client.Bots.GetAudioAsync(bot, Ct));
    }

    [Fact]
    public async Task Denied_HostRefuses_StopsWithDeniedAnd500AndNothingRecorded()
    {
        var bot = await CreateAsync(SimulatorScenarios.Denied);

        await _sim.RunUntilEventAsync(bot, "bot.done", cancellationToken: Ct);

        var stopped = Hook("bot.denied");
        Assert.Equal("bot.stopped", stopped.Event);
        Assert.Equal("Denied", stopped.Json["bot_status"]!.GetValue<string>());
        Assert.Equal(500, stopped.Json["status_code"]!.GetValue<int>());
        Assert.DoesNotContain("audio.processed", Names());
        Assert.Equal(BotStatus.Denied, (await _client.Bots.GetStatusAsync(bot, Ct)).Status);
        Assert.Contains("BotRejected", (await _client.Bots.GetDetailsAsync(bot, Ct)).StatusTimeline!.Keys);
    }

    [Fact]
    public async Task Kicked_MidMeeting_StoppedWithKickedAndPartialRecordingIsProcessed()
    {
        var bot = await CreateAsync(SimulatorScenarios.Kicked);

        await _sim.RunUntilEventAsync(bot, "bot.done", cancellationToken: Ct);

        var stopped = Hook("bot.kicked");
        Assert.Equal("bot.stopped", stopped.Event);
        Assert.Equal(200, stopped.Json["status_code"]!.GetValue<int>());
        Assert.DoesNotContain("bot.leaving", Names());
        Assert.Contains("transcription.processed", Names());
        var transcript = await _client.Transcripts.GetAsync((await _client.Bots.GetDetailsAsync(bot, Ct)).TranscriptId!, Ct);
        Assert.InRange(transcript.Segments.Count, 1, 4);
    }

    [Fact]
    public async Task Failed_MidMeeting_StoppedWithFailedErrorStatusAndDoneWith500()
    {
        var bot = await CreateAsync(SimulatorScenarios.Failed);

        await _sim.RunUntilEventAsync(bot, "bot.done", cancellationToken: Ct);

        var stopped = Hook("bot.failed");
        Assert.Equal("bot.stopped", stopped.Event);
        Assert.Equal(500, stopped.Json["status_code"]!.GetValue<int>());
        var done = Hook("bot.done");
        Assert.Equal(500, done.Json["status_code"]!.GetValue<int>());
        Assert.StartsWith("Error: ", done.Json["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True((await _client.Bots.GetStatusAsync(bot, Ct)).Status!.Value.IsFailure);
    }

    [Fact]
    public async Task TranscriptionFailed_SendsTranscriptionFailedAndTranscriptNeverReady()
    {
        var bot = await CreateAsync(SimulatorScenarios.TranscriptionFailed);

        await _sim.RunUntilEventAsync(bot, "bot.done", cancellationToken: Ct);

        var failed = Hook("transcription.failed");
        Assert.Equal(500, failed.Json["status_code"]!.GetValue<int>());
        Assert.Equal("error", failed.Json["status"]!.GetValue<string>());
        Assert.Equal("Failed", failed.Json["transcript_status"]!.GetValue<string>());
        Assert.DoesNotContain("transcription.processed", Names());
        var runs = await _client.Transcripts.ListForBotAsync(bot, Ct);
        Assert.Equal(TranscriptionStatus.Failed, Assert.Single(runs.Transcriptions!).Status);
        var error = await Assert.ThrowsAsync<MeetStreamNotReadyException>(() => _client.Transcripts.GetAsync(runs.Transcriptions![0].TranscriptId!, Ct));
        Assert.Contains("Failed", error.ApiMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamingError_SendsNonTerminalBotErrorWithoutStatusCode()
    {
        var request = Simulators.Bot(SimulatorScenarios.StreamingError, _receiver.Url("hook"), provider: TranscriptionProvider.ForDeepgramStreaming());
        var bot = (await _client.Bots.CreateAsync(request, cancellationToken: Ct)).BotId!;

        await _sim.RunUntilEventAsync(bot, "bot.done", cancellationToken: Ct);

        var error = Hook("bot.error");
        Assert.Equal("InMeeting", error.Json["bot_status"]!.GetValue<string>());
        Assert.False(error.Json.ContainsKey("status_code"));
        Assert.False(error.Json.ContainsKey("custom_attributes"));
        Assert.True(Names().IndexOf("bot.error") < Names().IndexOf("bot.leaving"));
    }

    [Fact]
    public async Task RecordingPermissionDenied_OnZoom_StopsWithoutRecording()
    {
        var request = With(Simulators.Bot(SimulatorScenarios.RecordingPermissionDenied, _receiver.Url("hook")), meetingLink: "https://zoom.us/j/1234567890?pwd=abc");
        var bot = (await _client.Bots.CreateAsync(request, cancellationToken: Ct)).BotId!;

        await _sim.RunUntilEventAsync(bot, "bot.done", cancellationToken: Ct);

        Assert.Equal(["bot.joining", "bot.inmeeting", "bot.recording_permission_denied", "bot.leaving", "bot.stopped", "bot.done"], Names());
    }

    [Fact]
    public async Task ZoomHappyPath_SendsRecordingPermissionAllowedBeforeRecording()
    {
        var request = With(Simulators.Bot(callbackUrl: _receiver.Url("hook")), meetingLink: "https://us02web.zoom.us/j/1234567890");
        var bot = (await _client.Bots.CreateAsync(request, cancellationToken: Ct)).BotId!;

        await _sim.RunUntilEventAsync(bot, "bot.recording", cancellationToken: Ct);

        Assert.Equal(["bot.joining", "bot.inmeeting", "bot.recording_permission_allowed", "bot.recording"], Names());
        Assert.Equal(MeetingPlatform.Zoom, (await _client.Bots.GetDetailsAsync(bot, Ct)).Platform);
    }

    [Fact]
    public async Task UntilRemoved_RemoveBotMidMeeting_LeavesStopsAndProcesses()
    {
        var bot = await CreateAsync(SimulatorScenarios.UntilRemoved);
        await _sim.RunUntilAsync(bot, BotStatus.Recording, cancellationToken: Ct);
        await _sim.AdvanceAsync(TimeSpan.FromMinutes(30), Ct);
        Assert.Equal(BotStatus.Recording, (await _client.Bots.GetStatusAsync(bot, Ct)).Status);

        var removed = await _client.Bots.RemoveFromMeetingAsync(bot, Ct);
        await _sim.RunUntilEventAsync(bot, "bot.done", cancellationToken: Ct);

        Assert.NotNull(removed.Message);
        var stopped = Hook("bot.stopped");
        Assert.Equal("bot.stopped", stopped.BotEvent);
        Assert.Equal(["bot.leaving", "bot.stopped", "manifest.completed", "audio.processed", "transcription.processed", "bot.done"], Names().Skip(3));
        await Assert.ThrowsAsync<MeetStreamConflictException>(() => _client.Bots.RemoveFromMeetingAsync(bot, Ct));
    }

    [Fact]
    public async Task ScheduledJoinAt_SendsScheduledThenJoinsAtThatTime()
    {
        var joinAt = _sim.Clock.UtcNow + TimeSpan.FromHours(2);
        var request = With(Simulators.Bot(callbackUrl: _receiver.Url("hook")), joinAt: joinAt);
        var bot = (await _client.Bots.CreateAsync(request, cancellationToken: Ct)).BotId!;
        await _sim.WhenWebhooksDeliveredAsync(Ct);

        Assert.Equal(["bot.scheduled"], Names());
        Assert.Equal(BotStatus.Scheduled, (await _client.Bots.GetStatusAsync(bot, Ct)).Status);
        var scheduled = Assert.Single((await _client.Calendar.ListScheduledBotsAsync(cancellationToken: Ct)).ScheduledBots!);
        Assert.Equal(bot, scheduled.BotId);

        await _sim.AdvanceAsync(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1), Ct);
        Assert.Equal(BotStatus.Scheduled, (await _client.Bots.GetStatusAsync(bot, Ct)).Status);
        await _sim.AdvanceAsync(TimeSpan.FromSeconds(1), Ct);
        Assert.Equal(BotStatus.Joining, (await _client.Bots.GetStatusAsync(bot, Ct)).Status);
        Assert.Equal(joinAt, DateTimeOffset.Parse(Hook("bot.joining").Json["timestamp"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task RetentionExpiry_AfterRetentionHours_SendsDataDeletionAndMediaIsGone()
    {
        var request = With(Simulators.Bot(callbackUrl: _receiver.Url("hook")), retentionHours: 1);
        var bot = (await _client.Bots.CreateAsync(request, cancellationToken: Ct)).BotId!;
        await _sim.RunUntilEventAsync(bot, "bot.done", cancellationToken: Ct);
        var transcriptId = (await _client.Bots.GetDetailsAsync(bot, Ct)).TranscriptId!;
        Assert.NotNull(await _client.Bots.GetAudioAsync(bot, Ct));

        await _sim.AdvanceAsync(TimeSpan.FromHours(1), Ct);

        var deletion = Hook("data_deletion");
        Assert.Equal("success", deletion.Json["status"]!.GetValue<string>());
        Assert.True(deletion.Json["deleted_objects"]!.GetValue<int>() > 0);
        Assert.False(deletion.Json.ContainsKey("custom_attributes"));
        Assert.Equal(BotStatus.MediaExpired, (await _client.Bots.GetStatusAsync(bot, Ct)).Status);
        await Assert.ThrowsAsync<MeetStreamNotFoundException>(() => _client.Bots.GetAudioAsync(bot, Ct));
        await Assert.ThrowsAsync<MeetStreamNotFoundException>(() => _client.Transcripts.GetAsync(transcriptId, Ct));
    }

    [Fact]
    public async Task ScenarioForNextBot_WithoutAttribute_AppliesOnceThenDefault()
    {
        _sim.UseScenarioForNextBot(SimulatorScenarios.Denied);

        var first = (await _client.Bots.CreateAsync(Simulators.Bot(), cancellationToken: Ct)).BotId!;
        var second = (await _client.Bots.CreateAsync(Simulators.Bot(), cancellationToken: Ct)).BotId!;

        Assert.Equal(SimulatorScenarios.Denied, _sim.GetBot(first)!.Scenario);
        Assert.Equal(SimulatorScenarios.HappyPath, _sim.GetBot(second)!.Scenario);
    }

    private async Task<string> CreateAsync(string scenario) =>
        (await _client.Bots.CreateAsync(Simulators.Bot(scenario, _receiver.Url("hook")), cancellationToken: Ct)).BotId!;

    private List<string> Names() => _receiver.At("/hook").Select(r => r.Name).ToList();

    private ReceivedWebhook Hook(string name) => Assert.Single(_receiver.At("/hook"), r => r.Name == name);

    private static CreateBotRequest With(CreateBotRequest request, string? meetingLink = null, DateTimeOffset? joinAt = null, AutomaticLeaveConfig? automaticLeave = null, int? retentionHours = null) => new()
    {
        MeetingLink = meetingLink ?? request.MeetingLink,
        BotName = request.BotName,
        VideoRequired = request.VideoRequired,
        CallbackUrl = request.CallbackUrl,
        CustomAttributes = request.CustomAttributes,
        JoinAt = joinAt ?? request.JoinAt,
        AutomaticLeave = automaticLeave ?? request.AutomaticLeave,
        RecordingConfig = new RecordingConfig
        {
            Transcript = request.RecordingConfig!.Transcript,
            Retention = retentionHours is { } hours ? RetentionConfig.Timed(hours) : request.RecordingConfig.Retention,
        },
    };
}
