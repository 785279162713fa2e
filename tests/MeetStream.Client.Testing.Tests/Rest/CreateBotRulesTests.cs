using System.Net;
using System.Text.Json.Nodes;
using MeetStream.Client.Testing.Tests.Infrastructure;

namespace MeetStream.Client.Testing.Tests.Rest;

/// <summary>create_bot as MeetStream answers it: 201, 507 idempotent replays, 200/409 deduplication, 400 validation, 401/403 keys.</summary>
public sealed class CreateBotRulesTests : IAsyncLifetime
{
    private MeetStreamSimulator _sim = null!;
    private MeetStreamClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _sim = await Simulators.StartManualAsync();
        _client = Simulators.Client(_sim);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _sim.DisposeAsync();
    }

    [Fact]
    public async Task Create_NewBot_Answers201WithBotIdTranscriptIdMeetingUrlAndActive()
    {
        var created = await _client.Bots.CreateAsync(Simulators.Bot(), cancellationToken: Ct);

        ModelAssert.Complete(created);
        Assert.Equal(Simulators.MeetLink, created.MeetingUrl);
        Assert.Equal(BotStatus.Active, created.Status);
        Assert.False(created.IsIdempotentReplay);
        Assert.Equal(201, Assert.Single(_sim.Journal.Requests).StatusCode);
        Assert.NotNull(created.RequestId);
    }

    [Fact]
    public async Task Create_NoTranscriptProvider_TranscriptIdIsNull()
    {
        var created = await _client.Bots.CreateAsync(new CreateBotRequest { MeetingLink = Simulators.MeetLink, BotName = "Plain" }, cancellationToken: Ct);

        Assert.Null(created.TranscriptId);
    }

    [Fact]
    public async Task Create_SameIdempotencyKeyTwice_ReplaysWith507OriginalBotAndCurrentStatus()
    {
        var first = await _client.Bots.CreateAsync(Simulators.Bot(), "key-123", Ct);
        await _sim.RunUntilAsync(first.BotId!, BotStatus.Recording, cancellationToken: Ct);

        var replay = await _client.Bots.CreateAsync(Simulators.Bot(SimulatorScenarios.Denied), "key-123", Ct);

        Assert.True(replay.IsIdempotentReplay);
        Assert.Equal(first.BotId, replay.BotId);
        Assert.Equal(first.TranscriptId, replay.TranscriptId);
        Assert.Equal(BotStatus.Recording, replay.Status);
        Assert.Single(_sim.Bots);
        Assert.Equal(507, _sim.Journal.Requests[^1].StatusCode);
    }

    [Fact]
    public async Task Create_SameDeduplicationKeySameMeeting_Answers200WithExistingBot()
    {
        var first = await _client.Bots.CreateAsync(WithDedup("standup-2026-11-21", Simulators.MeetLink), cancellationToken: Ct);

        var again = await _client.Bots.CreateAsync(WithDedup("standup-2026-11-21", Simulators.MeetLink), cancellationToken: Ct);

        Assert.True(again.IsDeduplicationReplay);
        Assert.Equal(first.BotId, again.BotId);
        Assert.Equal(200, _sim.Journal.Requests[^1].StatusCode);
        Assert.Single(_sim.Bots);
    }

    [Fact]
    public async Task Create_SameDeduplicationKeyOtherMeeting_Answers409()
    {
        await _client.Bots.CreateAsync(WithDedup("standup", Simulators.MeetLink), cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<MeetStreamConflictException>(() => _client.Bots.CreateAsync(WithDedup("standup", "https://meet.google.com/xyz-abcd-efg"), cancellationToken: Ct));

        Assert.Contains("deduplication_key", error.ApiMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_IdempotencyKeyAndReusedDeduplicationKey_HeaderWinsAndCreatesANewBot()
    {
        await _client.Bots.CreateAsync(WithDedup("dk", Simulators.MeetLink), cancellationToken: Ct);

        var second = await _client.Bots.CreateAsync(WithDedup("dk", "https://meet.google.com/xyz-abcd-efg"), "fresh-key", Ct);

        Assert.Equal(2, _sim.Bots.Count);
        Assert.False(second.IsIdempotentReplay);
    }

    [Theory]
    [InlineData("{\"bot_name\":\"x\"}", "meeting_link is required")]
    [InlineData("{\"meeting_link\":\"https://meet.google.com/abc-defg-hij\"}", "bot_name is required")]
    [InlineData("{\"meeting_link\":\"https://example.com/call\",\"bot_name\":\"x\"}", "Google Meet")]
    [InlineData("{\"meeting_link\":\"https://meet.google.com/a\",\"bot_name\":\"x\",\"automatic_leave\":{\"in_call_recording_timeout\":300}}", "in_call_recording_timeout must be at least 600 seconds")]
    [InlineData("{\"meeting_link\":\"https://meet.google.com/a\",\"bot_name\":\"x\",\"automatic_leave\":{\"recording_permission_denied_timeout\":400}}", "recording_permission_denied_timeout must not exceed 300 seconds")]
    [InlineData("{\"meeting_link\":\"https://meet.google.com/a\",\"bot_name\":\"x\",\"automatic_leave\":{\"waiting_room_timeout\":900}}", "waiting_room_timeout must not exceed 600 seconds on GMeet")]
    [InlineData("{\"meeting_link\":\"https://teams.microsoft.com/l/x\",\"bot_name\":\"x\",\"automatic_leave\":{\"waiting_room_timeout\":20}}", "waiting_room_timeout must be at least 60 seconds")]
    [InlineData("{\"meeting_link\":\"https://meet.google.com/a\",\"bot_name\":\"x\",\"live_transcription_required\":{\"webhook_url\":\"https://h/x\"},\"recording_config\":{\"transcript\":{\"provider\":{\"deepgram\":{}}}}}", "post-call provider 'deepgram'")]
    [InlineData("{\"meeting_link\":\"https://meet.google.com/a\",\"bot_name\":\"x\",\"live_transcription_required\":{\"webhook_url\":\"https://h/x\"}}", "needs a streaming provider")]
    [InlineData("{\"meeting_link\":\"https://meet.google.com/a\",\"bot_name\":\"x\",\"custom_attributes\":{\"n\":5}}", "custom_attributes.n must be a string")]
    [InlineData("{\"meeting_link\":\"https://zoom.us/j/1\",\"bot_name\":\"x\",\"zoom\":{\"zak_url\":\"https://a/z\",\"obf_url\":\"https://a/o\"}}", "mutually exclusive")]
    [InlineData("{\"meeting_link\":\"https://zoom.us/j/1\",\"bot_name\":\"x\",\"zoom\":{\"use_zoom_obf\":true}}", "use_zoom_obf is no longer supported")]
    [InlineData("{\"meeting_link\":\"https://zoom.us/j/1\",\"bot_name\":\"x\",\"live_video_required\":{\"websocket_url\":\"wss://h/v\"}}", "not Zoom")]
    [InlineData("{\"meeting_link\":\"https://meet.google.com/a\",\"bot_name\":\"x\",\"recording_config\":{\"transcript\":{\"provider\":{\"deepgram\":{},\"sarvam\":{}}}}}", "exactly one provider")]
    [InlineData("{\"meeting_link\":\"https://meet.google.com/a\",\"bot_name\":\"x\",\"recording_config\":{\"retention\":{\"type\":\"timed\",\"hours\":0}}}", "hours must be a positive integer")]
    [InlineData("{\"meeting_link\":\"https://meet.google.com/a\",\"bot_name\":\"x\",\"join_at\":\"2026-12-01T10:00:00\"}", "timezone offset")]
    [InlineData("{\"meeting_link\":\"https://meet.google.com/a\",\"bot_name\":\"x\",\"socket_connection_url\":{\"websocket_url\":\"https://h/x\"}}", "ws:// or wss://")]
    [InlineData("{\"meeting_link\":\"https://meet.google.com/a\",\"bot_name\":\"x\",\"google_meet\":{\"login_required\":true,\"google_login_domain\":\"nowhere.example\"}}", "is not registered")]
    [InlineData("{\"meeting_link\":\"https://meet.google.com/a\",\"bot_name\":\"x\",\"agent_config_id\":\"missing\"}", "agent_config_id 'missing'")]
    [InlineData("[1,2]", "must be a JSON object")]
    [InlineData("{not json", "not valid JSON")]
    public async Task Create_InvalidBody_Answers400NamingTheRule(string body, string expected)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, _sim.BaseAddress + "/bots/create_bot") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", "Token " + _sim.ApiKey);

        using var response = await http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["message"]!.GetValue<string>();
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.Empty(_sim.Bots);
    }

    [Fact]
    public async Task Create_SeveralProblems_ListsThemAll()
    {
        var response = await _client.SendAsync(HttpMethod.Post, "/bots/create_bot", new JsonObject { ["automatic_leave"] = new JsonObject { ["everyone_left_timeout"] = 5 } }, cancellationToken: Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = response.GetText();
        Assert.Contains("meeting_link is required", text, StringComparison.Ordinal);
        Assert.Contains("bot_name is required", text, StringComparison.Ordinal);
        Assert.Contains("everyone_left_timeout must be at least 60 seconds", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyRoute_NoAuthorizationHeader_Answers401()
    {
        using var http = new HttpClient();

        using var response = await http.GetAsync(_sim.BaseAddress + "/bots", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Authorization: Token", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyRoute_BearerScheme_Answers401()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, _sim.BaseAddress + "/bots");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + _sim.ApiKey);

        using var response = await http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AnyRoute_WrongKey_Answers403AsPermissionDenied()
    {
        using var client = _sim.CreateClient(o => o.ApiKey = "sk_wrong");

        await Assert.ThrowsAsync<MeetStreamPermissionDeniedException>(() => client.Bots.GetStatusAsync("any", Ct));
        Assert.Equal("Token ***", _sim.Journal.Requests[^1].Headers["Authorization"]);
    }

    [Fact]
    public async Task UnknownIds_EveryLookup_Answers404()
    {
        await Assert.ThrowsAsync<MeetStreamNotFoundException>(() => _client.Bots.GetStatusAsync("no-such-bot", Ct));
        await Assert.ThrowsAsync<MeetStreamNotFoundException>(() => _client.Bots.GetDetailsAsync("no-such-bot", Ct));
        await Assert.ThrowsAsync<MeetStreamNotFoundException>(() => _client.Bots.RemoveFromMeetingAsync("no-such-bot", Ct));
        await Assert.ThrowsAsync<MeetStreamNotFoundException>(() => _client.Transcripts.GetAsync("no-such-transcript", Ct));
        await Assert.ThrowsAsync<MeetStreamNotFoundException>(() => _client.Agents.GetAsync("no-such-agent", Ct));
        await Assert.ThrowsAsync<MeetStreamNotFoundException>(() => _client.Calendar.RescheduleBotAsync("no-such-bot", new RescheduleBotRequest { ScheduledJoinTime = DateTimeOffset.UtcNow.AddDays(1) }, Ct));
        await Assert.ThrowsAsync<MeetStreamNotFoundException>(() => _client.TeamsLogins.GetAsync("no-such-login", Ct));
    }

    [Fact]
    public async Task UnknownRoute_Answers404NamingTheRoute()
    {
        var response = await _client.SendAsync(HttpMethod.Get, "/bots/x/not_a_route", cancellationToken: Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("No MeetStream route", response.GetText(), StringComparison.Ordinal);
    }

    private static CreateBotRequest WithDedup(string key, string link) => new()
    {
        MeetingLink = link,
        BotName = "Dedup",
        DeduplicationKey = key,
    };
}
