using System.Net;
using MeetStream.Client.Testing.Tests.Infrastructure;

namespace MeetStream.Client.Testing.Tests.Rest;

/// <summary>In-meeting actions, not-ready answers, listing filters and paging, and injected faults.</summary>
public sealed class BotActionsTests : IAsyncLifetime
{
    private MeetStreamSimulator _sim = null!;
    private MeetStreamClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _sim = await Simulators.StartManualAsync(o => o.PageSize = 2);
        _client = Simulators.Client(_sim);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _sim.DisposeAsync();
    }

    [Fact]
    public async Task PauseAndResume_RecordingMeetBot_AcceptedAndRecorded()
    {
        var bot = await RecordingBotAsync();

        var paused = await _client.Bots.PauseRecordingAsync(bot, Ct);
        var resumed = await _client.Bots.ResumeRecordingAsync(bot, Ct);

        ModelAssert.Complete(paused, mayBeNull: ["message"]);
        Assert.Equal("accepted", paused.Status);
        Assert.Equal("pause_recording", paused.Command);
        Assert.Equal("resume_recording", resumed.Command);
        Assert.Equal(["pause_recording", "resume_recording"], _sim.GetBot(bot)!.Commands);
    }

    [Fact]
    public async Task Pause_BotNotRecordingYet_Answers503()
    {
        var bot = (await _client.Bots.CreateAsync(Simulators.Bot(), cancellationToken: Ct)).BotId!;
        await _sim.RunUntilAsync(bot, BotStatus.InMeeting, cancellationToken: Ct);
        using var client = _sim.CreateClient(o => o.Retry.MaxRetries = 0);

        var error = await Assert.ThrowsAsync<MeetStreamServerException>(() => client.Bots.PauseRecordingAsync(bot, Ct));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
    }

    [Fact]
    public async Task Pause_BotHasLeft_Answers409()
    {
        var bot = (await _client.Bots.CreateAsync(Simulators.Bot(), cancellationToken: Ct)).BotId!;
        await _sim.RunUntilAsync(bot, BotStatus.Stopped, cancellationToken: Ct);

        await Assert.ThrowsAsync<MeetStreamConflictException>(() => _client.Bots.PauseRecordingAsync(bot, Ct));
    }

    [Fact]
    public async Task Pause_ZoomBot_Answers400MeetOnly()
    {
        var request = new CreateBotRequest { MeetingLink = "https://zoom.us/j/123", BotName = "Z" };
        var bot = (await _client.Bots.CreateAsync(request, cancellationToken: Ct)).BotId!;
        await _sim.RunUntilAsync(bot, BotStatus.Recording, cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<MeetStreamBadRequestException>(() => _client.Bots.PauseRecordingAsync(bot, Ct));

        Assert.Contains("Google Meet only", error.ApiMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pause_31stCallWithinAMinute_Answers429WithRetryAfter()
    {
        var bot = await RecordingBotAsync();
        using var client = _sim.CreateClient(o => o.Retry.MaxRetries = 0);
        for (var i = 0; i < 30; i++)
        {
            await client.Bots.PauseRecordingAsync(bot, Ct);
        }

        var error = await Assert.ThrowsAsync<MeetStreamRateLimitException>(() => client.Bots.PauseRecordingAsync(bot, Ct));

        Assert.NotNull(error.RetryAfter);
        await _sim.AdvanceAsync(TimeSpan.FromMinutes(1), Ct);
        await client.Bots.ResumeRecordingAsync(bot, Ct);
    }

    [Fact]
    public async Task SendMessageAndImage_InMeeting_AcceptedAndMessageInChat()
    {
        var bot = await RecordingBotAsync();

        var message = await _client.Bots.SendMessageAsync(bot, new SendMessageRequest { Message = "Recording has started." }, Ct);
        var image = await _client.Bots.SendImageAsync(bot, new SendImageRequest { ImageUrl = "https://example.com/slide.png", DisplayDuration = 10 }, Ct);

        Assert.Equal("accepted", message.Status);
        Assert.Equal("send_image", image.Command);
        var chats = await _client.Bots.GetChatsAsync(bot, Ct);
        Assert.Contains(chats.ChatMessages!, m => m.Text == "Recording has started." && m.SpeakerName == "Sim Notetaker");
        var sent = _sim.Journal.Requests.Single(r => r.Route == "/bots/{bot_id}/send_image");
        Assert.Contains("\"img_url\":\"https://example.com/slide.png\"", sent.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendMessage_BotNotInMeeting_Answers409()
    {
        var bot = (await _client.Bots.CreateAsync(Simulators.Bot(), cancellationToken: Ct)).BotId!;

        await Assert.ThrowsAsync<MeetStreamConflictException>(() => _client.Bots.SendMessageAsync(bot, new SendMessageRequest { Message = "hi" }, Ct));
    }

    [Fact]
    public async Task UpdateAgentSession_BotWithoutAgent_Answers400AndWithAgentAccepted()
    {
        var plain = await RecordingBotAsync();
        await Assert.ThrowsAsync<MeetStreamBadRequestException>(() => _client.Bots.UpdateAgentSessionAsync(plain, new UpdateAgentSessionRequest { SystemPrompt = "Be brief." }, Ct));

        var agent = await _client.Agents.CreateAsync(AgentTests.PipelineAgent(), Ct);
        var request = new CreateBotRequest { MeetingLink = Simulators.MeetLink, BotName = "Agent", AgentConfigId = agent.AgentConfigId };
        var bot = (await _client.Bots.CreateAsync(request, cancellationToken: Ct)).BotId!;
        await _sim.RunUntilAsync(bot, BotStatus.InMeeting, cancellationToken: Ct);

        var updated = await _client.Bots.UpdateAgentSessionAsync(bot, new UpdateAgentSessionRequest { SystemPrompt = "Be brief.", WakeWordEnabled = false }, Ct);

        Assert.Equal("accepted", updated.Status);
        Assert.Equal("update_mia", updated.Command);
        Assert.Equal("mia", (await _client.Bots.GetDetailsAsync(bot, Ct)).OfferingType);
    }

    [Fact]
    public async Task MediaReads_BeforeProcessing_Answer202NotReadyThenSucceed()
    {
        var bot = (await _client.Bots.CreateAsync(Simulators.Bot(video: true), cancellationToken: Ct)).BotId!;

        var audio = await Assert.ThrowsAsync<MeetStreamNotReadyException>(() => _client.Bots.GetAudioAsync(bot, Ct));
        await Assert.ThrowsAsync<MeetStreamNotReadyException>(() => _client.Bots.GetVideoAsync(bot, Ct));
        await Assert.ThrowsAsync<MeetStreamNotReadyException>(() => _client.Bots.GetAudioStreamsAsync(bot, Ct));
        await Assert.ThrowsAsync<MeetStreamNotReadyException>(() => _client.Bots.GetRecordingStreamsAsync(bot, Ct));
        await Assert.ThrowsAsync<MeetStreamNotReadyException>(() => _client.Bots.GetSpeakerTimelineAsync(bot, Ct));
        await Assert.ThrowsAsync<MeetStreamNotReadyException>(() => _client.Transcripts.GetAsync(_sim.GetBot(bot)!.TranscriptId!, Ct));
        Assert.Contains("Current status: Joining", audio.ApiMessage, StringComparison.Ordinal);

        await _sim.RunUntilEventAsync(bot, "bot.done", cancellationToken: Ct);

        Assert.NotNull((await _client.Bots.GetAudioAsync(bot, Ct)).AudioUrl);
        Assert.NotNull((await _client.Bots.GetVideoAsync(bot, Ct)).VideoUrl);
    }

    [Fact]
    public async Task GetVideo_VideoNotRequired_Answers404()
    {
        var bot = (await _client.Bots.CreateAsync(Simulators.Bot(video: false), cancellationToken: Ct)).BotId!;
        await _sim.RunUntilEventAsync(bot, "bot.done", cancellationToken: Ct);

        await Assert.ThrowsAsync<MeetStreamNotFoundException>(() => _client.Bots.GetVideoAsync(bot, Ct));
    }

    [Fact]
    public async Task DeleteData_BotStillInMeeting_Answers409()
    {
        var bot = await RecordingBotAsync();

        await Assert.ThrowsAsync<MeetStreamConflictException>(() => _client.Bots.DeleteDataAsync(bot, Ct));
    }

    [Fact]
    public async Task List_FiltersAndPaging_FollowsCursorsAndAppliesEveryFilter()
    {
        for (var i = 0; i < 5; i++)
        {
            var attributes = new Dictionary<string, string> { ["team"] = i % 2 == 0 ? "sales" : "support" };
            await _client.Bots.CreateAsync(Simulators.Bot(i == 0 ? SimulatorScenarios.Denied : null, attributes: attributes), cancellationToken: Ct);
        }

        var all = await _client.Bots.ListAsync(cancellationToken: Ct).ToListAsync(Ct);
        var sales = await _client.Bots.ListAsync(new ListBotsRequest { CustomAttributes = new Dictionary<string, string> { ["team"] = "sales" } }, Ct).ToListAsync(Ct);
        var meet = await _client.Bots.ListAsync(new ListBotsRequest { Platform = MeetingPlatform.GoogleMeet, From = DateOnly.FromDateTime(Simulators.StartTimeUtc.UtcDateTime), To = DateOnly.FromDateTime(Simulators.StartTimeUtc.UtcDateTime) }, Ct).ToListAsync(Ct);
        var zoom = await _client.Bots.ListAsync(new ListBotsRequest { Platform = MeetingPlatform.Zoom }, Ct).ToListAsync(Ct);
        var firstPage = await _client.Bots.ListPageAsync(cancellationToken: Ct);

        Assert.Equal(5, all.Count);
        Assert.Equal(5, all.Select(b => b.BotId).Distinct().Count());
        Assert.Equal(3, sales.Count);
        Assert.Equal(5, meet.Count);
        Assert.Empty(zoom);
        Assert.True(firstPage.HasNextPage);
        Assert.NotNull(firstPage.NextCursor);
        Assert.Equal(4, _sim.Journal.Requests.Count(r => r.Route == "/bots" && (r.Query.Length == 0 || r.Query.StartsWith("?cursor=", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task List_ByStatus_ReturnsOnlyThatStatus()
    {
        var denied = (await _client.Bots.CreateAsync(Simulators.Bot(SimulatorScenarios.Denied), cancellationToken: Ct)).BotId!;
        await _client.Bots.CreateAsync(Simulators.Bot(), cancellationToken: Ct);
        await _sim.RunUntilAsync(denied, BotStatus.Denied, cancellationToken: Ct);

        var found = await _client.Bots.ListAsync(new ListBotsRequest { Status = BotStatus.Denied }, Ct).ToListAsync(Ct);

        Assert.Equal(denied, Assert.Single(found).BotId);
    }

    [Fact]
    public async Task InjectedFaults_503TwiceOnStatus_SdkRetriesAndSucceeds()
    {
        var bot = (await _client.Bots.CreateAsync(Simulators.Bot(), cancellationToken: Ct)).BotId!;
        _sim.Faults.Inject("/bots/{bot_id}/status", 503, count: 2);

        var status = await _client.Bots.GetStatusAsync(bot, Ct);

        Assert.Equal(BotStatus.Joining, status.Status);
        var calls = _sim.Journal.Requests.Where(r => r.Route == "/bots/{bot_id}/status").ToList();
        Assert.Equal([503, 503, 200], calls.Select(c => c.StatusCode));
        Assert.Equal([true, true, false], calls.Select(c => c.Fault));
        Assert.Equal(0, _sim.Faults.Pending);
    }

    [Fact]
    public async Task InjectedFaults_429WithRetryAfterOnCreate_RaisesRateLimitWithRetryAfter()
    {
        using var client = _sim.CreateClient(o => o.Retry.MaxRetries = 0);
        _sim.Faults.Inject("/bots/create_bot", 429, count: 1, method: HttpMethod.Post, retryAfter: TimeSpan.FromSeconds(7));

        var error = await Assert.ThrowsAsync<MeetStreamRateLimitException>(() => client.Bots.CreateAsync(Simulators.Bot(), cancellationToken: Ct));

        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.Empty(_sim.Bots);
        await client.Bots.CreateAsync(Simulators.Bot(), cancellationToken: Ct);
        Assert.Single(_sim.Bots);
    }

    [Fact]
    public async Task InjectedFaults_OtherRouteOrMethod_DoNotFire()
    {
        _sim.Faults.Inject("/bots/{bot_id}/detail", 500, method: HttpMethod.Post);

        await _client.Bots.ListPageAsync(cancellationToken: Ct);

        Assert.Equal(1, _sim.Faults.Pending);
    }

    private async Task<string> RecordingBotAsync()
    {
        var bot = (await _client.Bots.CreateAsync(Simulators.Bot(SimulatorScenarios.UntilRemoved), cancellationToken: Ct)).BotId!;
        await _sim.RunUntilAsync(bot, BotStatus.Recording, cancellationToken: Ct);
        return bot;
    }
}
