using System.Text.Json.Nodes;
using MeetStream.Client.Tests.Infrastructure;
using MeetStream.Client.Webhooks;

namespace MeetStream.Client.Tests.Webhooks;

public sealed class BotStatusWaiterTests(WireMockServer wireMock)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonObject Status(string status) => new() { ["bot_id"] = WebhookPayloads.BotId, ["status"] = status, ["custom_attributes"] = new JsonObject() };

    private static string StatusPath => $"/bots/{WebhookPayloads.BotId}/status";

    [Fact]
    public async Task WaitForStatusAsync_WebhookArrives_CompletesWithoutFurtherPolling()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", StatusPath, 200, Status("Joining"));
        using var client = TestClients.Create(scope);
        var time = new FakeTimeProvider();
        var waiter = new BotStatusWaiter(client.Bots, new BotStatusWaiterOptions { TimeProvider = time, PollInterval = TimeSpan.FromSeconds(15) });

        var wait = waiter.WaitForStatusAsync(WebhookPayloads.BotId, BotStatus.InMeeting, TimeSpan.FromMinutes(10), Ct);
        await time.WaitForTimerAsync(d => d == TimeSpan.FromSeconds(15));
        waiter.Observe(WebhookParser.Parse(WebhookPayloads.Lifecycle("bot.inmeeting", "InMeeting", "Bot joined the meeting")));

        Assert.Equal(BotStatus.InMeeting, await wait.WaitAsync(TimeSpan.FromSeconds(60), Ct));
        Assert.Single(await scope.ReceivedAsync());
        Assert.Equal(0, waiter.PendingWaits);
    }

    [Fact]
    public async Task WaitForStatusAsync_WebhooksWithheld_CompletesFromPolling()
    {
        var scope = wireMock.CreateScope();
        await scope.StubSequenceAsync("GET", StatusPath, (200, Status("Joining"), null), (200, Status("InWaitingRoom"), null), (200, Status("InMeeting"), null));
        using var client = TestClients.Create(scope);
        var time = new FakeTimeProvider { AutoAdvance = true, AutoAdvanceLimit = TimeSpan.FromMinutes(1) };
        var waiter = new BotStatusWaiter(client.Bots, new BotStatusWaiterOptions { TimeProvider = time, PollInterval = TimeSpan.FromSeconds(15) });

        var status = await waiter.WaitForStatusAsync(WebhookPayloads.BotId, BotStatus.InMeeting, TimeSpan.FromMinutes(10), Ct);

        Assert.Equal(BotStatus.InMeeting, status);
        Assert.Equal(3, (await scope.ReceivedAsync()).Count);
        Assert.Equal(2, time.RequestedDelays.Count(d => d == TimeSpan.FromSeconds(15)));
    }

    [Fact]
    public async Task WaitForStatusAsync_AlreadyInStatus_ReturnsAfterOnePoll()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", StatusPath, 200, Status("recording"));
        using var client = TestClients.Create(scope);
        var waiter = new BotStatusWaiter(client.Bots);

        var status = await waiter.WaitForStatusAsync(WebhookPayloads.BotId, BotStatus.Recording, TimeSpan.FromMinutes(1), Ct);

        Assert.Equal(BotStatus.Recording, status);
        Assert.Single(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task WaitForStatusAsync_NeverReached_ThrowsTimeoutWithLastStatus()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", StatusPath, 200, Status("InWaitingRoom"));
        using var client = TestClients.Create(scope);
        var time = new FakeTimeProvider { AutoAdvance = true, AutoAdvanceLimit = TimeSpan.FromMinutes(1) };
        var waiter = new BotStatusWaiter(client.Bots, new BotStatusWaiterOptions { TimeProvider = time, PollInterval = TimeSpan.FromSeconds(30) });

        var ex = await Assert.ThrowsAsync<MeetStreamTimeoutException>(() => waiter.WaitForStatusAsync(WebhookPayloads.BotId, BotStatus.InMeeting, TimeSpan.FromMinutes(2), Ct));

        Assert.Equal(TimeSpan.FromMinutes(2), ex.Timeout);
        Assert.Equal(4, (await scope.ReceivedAsync()).Count); // polls at 0, 30, 60 and 90 s; the deadline falls at 120 s
        Assert.Contains("InWaitingRoom", ex.Message, StringComparison.Ordinal);
        Assert.Contains(WebhookPayloads.BotId, ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, waiter.PendingWaits);
    }

    [Fact]
    public async Task WaitForStatusAsync_StoppedWebhookWithReason_SatisfiesHasLeftMeetingPredicate()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", StatusPath, 200, Status("InWaitingRoom"));
        using var client = TestClients.Create(scope);
        var time = new FakeTimeProvider();
        var waiter = new BotStatusWaiter(client.Bots, new BotStatusWaiterOptions { TimeProvider = time });

        var wait = waiter.WaitForStatusAsync(WebhookPayloads.BotId, s => s.HasLeftMeeting, TimeSpan.FromMinutes(10), Ct);
        await time.WaitForTimerAsync(d => d == TimeSpan.FromSeconds(15));
        waiter.Observe(WebhookParser.Parse(WebhookPayloads.Stopped("bot.notallowed", "NotAllowed", 500, "Bot was not admitted")));

        Assert.Equal(BotStatus.NotAllowed, await wait.WaitAsync(TimeSpan.FromSeconds(60), Ct));
    }

    [Fact]
    public async Task WaitForStatusAsync_EventForAnotherBot_Ignored()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", StatusPath, 200, Status("Joining"));
        using var client = TestClients.Create(scope);
        var time = new FakeTimeProvider();
        var waiter = new BotStatusWaiter(client.Bots, new BotStatusWaiterOptions { TimeProvider = time });

        var wait = waiter.WaitForStatusAsync(WebhookPayloads.BotId, BotStatus.InMeeting, TimeSpan.FromMinutes(10), Ct);
        await time.WaitForTimerAsync(d => d == TimeSpan.FromSeconds(15));
        waiter.Observe(WebhookParser.Parse(WebhookPayloads.Lifecycle("bot.inmeeting", "InMeeting", "joined").Replace(WebhookPayloads.BotId, "other-bot", StringComparison.Ordinal)));

        Assert.False(wait.IsCompleted);
        time.Advance(TimeSpan.FromMinutes(10));
        await Assert.ThrowsAsync<MeetStreamTimeoutException>(() => wait.WaitAsync(TimeSpan.FromSeconds(60), Ct));
    }

    [Fact]
    public async Task WaitForStatusAsync_TransientPollFailure_KeepsWaitingAndWebhookCompletes()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", StatusPath, 503, new JsonObject { ["message"] = "upstream" });
        using var client = TestClients.Create(scope, o => o.Retry.MaxRetries = 0);
        var time = new FakeTimeProvider();
        var waiter = new BotStatusWaiter(client.Bots, new BotStatusWaiterOptions { TimeProvider = time });

        var wait = waiter.WaitForStatusAsync(WebhookPayloads.BotId, BotStatus.Recording, TimeSpan.FromMinutes(10), Ct);
        await time.WaitForTimerAsync(d => d == TimeSpan.FromSeconds(15));
        waiter.Observe(WebhookParser.Parse(WebhookPayloads.Lifecycle("bot.recording", "Recording", "Bot started recording")));

        Assert.Equal(BotStatus.Recording, await wait.WaitAsync(TimeSpan.FromSeconds(60), Ct));
    }

    [Fact]
    public async Task WaitForStatusAsync_UnknownBot_ThrowsNotFoundImmediately()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", StatusPath, 404, new JsonObject { ["message"] = "Bot not found" });
        using var client = TestClients.Create(scope);
        var waiter = new BotStatusWaiter(client.Bots);

        await Assert.ThrowsAsync<MeetStreamNotFoundException>(() => waiter.WaitForStatusAsync(WebhookPayloads.BotId, BotStatus.Done, TimeSpan.FromMinutes(1), Ct));
        Assert.Equal(0, waiter.PendingWaits);
    }

    [Fact]
    public async Task WaitForStatusAsync_BadArguments_Rejected()
    {
        using var client = new MeetStreamClient("k");
        var waiter = new BotStatusWaiter(client.Bots);

        await Assert.ThrowsAsync<ArgumentException>(() => waiter.WaitForStatusAsync(" ", BotStatus.Done, TimeSpan.FromMinutes(1), Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => waiter.WaitForStatusAsync("b", BotStatus.Done, TimeSpan.Zero, Ct));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BotStatusWaiter(client.Bots, new BotStatusWaiterOptions { PollInterval = TimeSpan.Zero }));
    }

    [Theory]
    [InlineData("{\"event\":\"bot.done\",\"bot_event\":\"bot.done\",\"bot_id\":\"b\",\"status_code\":200}", "Done")]
    [InlineData("{\"event\":\"data_deletion\",\"bot_id\":\"b\",\"status\":\"success\",\"deleted_objects\":4}", "MediaExpired")]
    [InlineData("{\"event\":\"bot.stopped\",\"bot_event\":\"bot.kicked\",\"bot_id\":\"b\"}", "Stopped")]
    [InlineData("{\"event\":\"bot.joining\",\"bot_event\":\"bot.joining\",\"bot_id\":\"b\",\"bot_status\":\"Joining\"}", "Joining")]
    public void StatusOf_EventKinds_MapToStatus(string json, string expected)
    {
        Assert.Equal(new BotStatus(expected), BotStatusWaiter.StatusOf(WebhookParser.Parse(json)));
    }

    [Fact]
    public void StatusOf_ArtifactEvent_IsNull()
    {
        Assert.Null(BotStatusWaiter.StatusOf(WebhookParser.Parse("{\"event\":\"audio.processed\",\"bot_id\":\"b\",\"status\":\"success\",\"audio_status\":\"Success\"}")));
    }
}
