using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MeetStream.Client.Testing.Tests.Infrastructure;

namespace MeetStream.Client.Testing.Tests.Admin;

/// <summary>The simulator's own HTTP API under /_simulator, for non-.NET users and the standalone program.</summary>
public sealed class AdminApiTests : IAsyncLifetime
{
    private MeetStreamSimulator _sim = null!;
    private MeetStreamClient _client = null!;
    private HttpClient _http = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _sim = await Simulators.StartManualAsync();
        _client = Simulators.Client(_sim);
        _http = new HttpClient { BaseAddress = new Uri(_sim.ServerAddress, "_simulator/") };
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        _client.Dispose();
        await _sim.DisposeAsync();
    }

    [Fact]
    public async Task Info_Root_ListsBaseUrlKeyScenariosAndThe69Routes()
    {
        var info = JsonNode.Parse(await _http.GetStringAsync(_sim.ServerAddress + "_simulator", Ct))!;

        Assert.Equal(_sim.BaseAddress.ToString(), info["base_url"]!.GetValue<string>());
        Assert.Equal(_sim.ApiKey, info["api_key"]!.GetValue<string>());
        Assert.Equal(69, info["routes"]!.AsArray().Count);
        Assert.Contains("denied", info["scenarios"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public async Task ClockAdvance_Post_MovesTheClockAndRunsSteps()
    {
        var bot = (await _client.Bots.CreateAsync(Simulators.Bot(), cancellationToken: Ct)).BotId!;

        using var response = await _http.PostAsJsonAsync("clock/advance", new { seconds = 10 }, Ct);
        var clock = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Simulators.StartTimeUtc + TimeSpan.FromSeconds(10), clock["now"]!.GetValue<DateTimeOffset>());
        Assert.Equal(BotStatus.Recording, (await _client.Bots.GetStatusAsync(bot, Ct)).Status);
    }

    [Fact]
    public async Task ClockPut_TimeScale_ChangesTheScale()
    {
        using var response = await _http.PutAsJsonAsync("clock", new { time_scale = 5 }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5, _sim.Clock.TimeScale);
    }

    [Fact]
    public async Task Faults_Post_InjectsForTheNextCalls()
    {
        using var response = await _http.PostAsJsonAsync("faults", new { route = "/bots", status = 503, count = 1, method = "GET" }, Ct);
        using var client = _sim.CreateClient(o => o.Retry.MaxRetries = 0);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Assert.ThrowsAsync<MeetStreamServerException>(() => client.Bots.ListPageAsync(cancellationToken: Ct));
        await client.Bots.ListPageAsync(cancellationToken: Ct);
    }

    [Fact]
    public async Task Faults_PostInvalidStatus_Answers400()
    {
        using var response = await _http.PostAsJsonAsync("faults", new { route = "/bots", status = 200 }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ScenariosNext_Post_AppliesToTheNextBot()
    {
        using var response = await _http.PostAsJsonAsync("scenarios/next", new { scenario = "kicked" }, Ct);
        var bot = (await _client.Bots.CreateAsync(new CreateBotRequest { MeetingLink = Simulators.MeetLink, BotName = "B" }, cancellationToken: Ct)).BotId!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SimulatorScenarios.Kicked, _sim.GetBot(bot)!.Scenario);
    }

    [Fact]
    public async Task Webhooks_Post_AddsASignedWorkspaceEndpoint()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var response = await _http.PostAsJsonAsync("webhooks", new { url = receiver.Url("ws"), secret = "whsec_admin", events = new[] { "bot.joining" } }, Ct);

        await _client.Bots.CreateAsync(Simulators.Bot(), cancellationToken: Ct);
        await _sim.WhenWebhooksDeliveredAsync(Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var delivery = Assert.Single(receiver.At("/ws"));
        Assert.StartsWith("sha256=", delivery.Headers["X-MeetStream-Signature"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task JournalAndBots_Get_ReturnWhatHappened()
    {
        var bot = (await _client.Bots.CreateAsync(Simulators.Bot(), cancellationToken: Ct)).BotId!;

        var journal = JsonDocument.Parse(await _http.GetStringAsync("journal", Ct)).RootElement;
        var bots = JsonNode.Parse(await _http.GetStringAsync("bots", Ct))!.AsArray();

        var request = journal.GetProperty("requests")[0];
        Assert.Equal("POST", request.GetProperty("method").GetString());
        Assert.Equal("/bots/create_bot", request.GetProperty("route").GetString());
        Assert.Equal(201, request.GetProperty("status_code").GetInt32());
        Assert.Equal("Token ***", request.GetProperty("headers").GetProperty("Authorization").GetString());
        Assert.Equal(bot, bots[0]!["bot_id"]!.GetValue<string>());
        Assert.Equal("Joining", bots[0]!["status"]!.GetValue<string>());

        using var cleared = await _http.DeleteAsync("journal", Ct);
        Assert.Empty(_sim.Journal.Requests);
    }

    [Fact]
    public async Task Media_UnknownBot_Answers404()
    {
        using var response = await _http.GetAsync("media/nope/audio.wav", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
