using System.Text.Json.Nodes;
using MeetStream.Client.Tests.Infrastructure;

namespace MeetStream.Client.Tests.Bots;

public sealed class CreateBotTests(WireMockServer wireMock)
{
    private const string Path = "/bots/create_bot";

    [Fact]
    public async Task CreateAsync_FullRequest_PostsEveryFieldWithTokenAndIdempotencyKey()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", Path, 201, BotSamples.Created(), new Dictionary<string, string> { ["x-request-id"] = "req-create-1" });
        using var client = TestClients.Create(scope);

        var bot = await client.Bots.CreateAsync(CreateBotRequestJsonTests.FullRequest(), "create-full-1", TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("POST", received.Method);
        Assert.Equal(Path, received.Url);
        Assert.Equal("Token " + TestClients.ApiKey, received.Headers["Authorization"]);
        Assert.StartsWith("application/json", received.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("create-full-1", received.Headers["Idempotency-Key"]);
        Assert.Equal("create-full-1", bot.IdempotencyKey);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(CreateBotRequestJsonTests.FullRequestJson), received.Json), received.Body);

        Assert.Equal(BotSamples.BotId, bot.BotId);
        Assert.Equal(BotSamples.TranscriptId, bot.TranscriptId);
        Assert.Equal(BotSamples.MeetingUrl, bot.MeetingUrl);
        Assert.Equal(BotStatus.Active, bot.Status);
        Assert.Equal("req-create-1", bot.RequestId);
        Assert.False(bot.IsReplay);
    }

    [Fact]
    public async Task CreateAsync_MinimalRequest_SendsOnlyRequiredFieldsAndAGeneratedGuidKey()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", Path, 201, BotSamples.Created());
        using var client = TestClients.Create(scope);

        var bot = await client.Bots.CreateAsync(BotSamples.MinimalCreate(), cancellationToken: TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("Token " + TestClients.ApiKey, received.Headers["Authorization"]);
        Assert.True(Guid.TryParse(received.Headers["Idempotency-Key"], out _), "the generated key is a GUID");
        Assert.Equal(received.Headers["Idempotency-Key"], bot.IdempotencyKey);
        var body = received.Json!.AsObject();
        Assert.Equal(2, body.Count);
        Assert.Equal(BotSamples.MeetingUrl, body["meeting_link"]!.GetValue<string>());
        Assert.Equal("Notetaker", body["bot_name"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateAsync_TwoCalls_GenerateDifferentKeys()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", Path, 201, BotSamples.Created());
        using var client = TestClients.Create(scope);

        var first = await client.Bots.CreateAsync(BotSamples.MinimalCreate(), cancellationToken: TestContext.Current.CancellationToken);
        var second = await client.Bots.CreateAsync(BotSamples.MinimalCreate(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotEqual(first.IdempotencyKey, second.IdempotencyKey);
        var received = await scope.ReceivedAsync();
        Assert.Equal([first.IdempotencyKey, second.IdempotencyKey], received.Select(r => r.Headers["Idempotency-Key"]));
    }

    [Fact]
    public async Task CreateAsync_CallerKey_IsSentAndReported()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", Path, 201, BotSamples.Created());
        using var client = TestClients.Create(scope);

        var bot = await client.Bots.CreateAsync(BotSamples.MinimalCreate(), "order-1234-create-bot", TestContext.Current.CancellationToken);

        Assert.Equal("order-1234-create-bot", (await scope.SingleReceivedAsync()).Headers["Idempotency-Key"]);
        Assert.Equal("order-1234-create-bot", bot.IdempotencyKey);
    }

    [Fact]
    public async Task CreateAsync_507Replay_SucceedsWithIdempotentReplayFlag()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", Path, 507, BotSamples.Created("InMeeting"));
        using var client = TestClients.Create(scope);

        var bot = await client.Bots.CreateAsync(BotSamples.MinimalCreate(), "key-replayed", TestContext.Current.CancellationToken);

        Assert.True(bot.IsIdempotentReplay);
        Assert.False(bot.IsDeduplicationReplay);
        Assert.True(bot.IsReplay);
        Assert.Equal(BotSamples.BotId, bot.BotId);
        Assert.Equal(BotStatus.InMeeting, bot.Status);
        Assert.Single(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task CreateAsync_200WithDeduplicationKey_SucceedsWithDeduplicationReplayFlag()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", Path, 200, BotSamples.Created("Recording"));
        using var client = TestClients.Create(scope);
        var request = new CreateBotRequest { MeetingLink = BotSamples.MeetingUrl, BotName = "Notetaker", DeduplicationKey = "standup-2026-05-26" };

        var bot = await client.Bots.CreateAsync(request, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(bot.IsDeduplicationReplay);
        Assert.False(bot.IsIdempotentReplay);
        Assert.Equal(BotStatus.Recording, bot.Status);
        var received = await scope.SingleReceivedAsync();
        Assert.Equal("standup-2026-05-26", received.Json!["deduplication_key"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateAsync_DeduplicationKeyWithoutCallerKey_SendsNoIdempotencyHeader()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", Path, 201, BotSamples.Created());
        using var client = TestClients.Create(scope);
        var request = new CreateBotRequest { MeetingLink = BotSamples.MeetingUrl, BotName = "Notetaker", DeduplicationKey = "standup-2026-05-26" };

        var bot = await client.Bots.CreateAsync(request, cancellationToken: TestContext.Current.CancellationToken);

        Assert.False((await scope.SingleReceivedAsync()).Headers.ContainsKey("Idempotency-Key"));
        Assert.Null(bot.IdempotencyKey);
        Assert.False(bot.IsDeduplicationReplay);
    }

    [Fact]
    public async Task CreateAsync_DeduplicationKeyThen503_RetriesBecauseTheBodyKeyMakesItSafe()
    {
        var scope = wireMock.CreateScope();
        await scope.StubSequenceAsync("POST", Path, (503, new JsonObject { ["message"] = "upstream unavailable" }, null), (200, BotSamples.Created(), null));
        using var client = TestClients.Create(scope);
        var request = new CreateBotRequest { MeetingLink = BotSamples.MeetingUrl, BotName = "Notetaker", DeduplicationKey = "standup-2026-05-26" };

        var bot = await client.Bots.CreateAsync(request, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(bot.IsDeduplicationReplay);
        Assert.Equal(2, (await scope.ReceivedAsync()).Count);
    }

    [Fact]
    public async Task CreateAsync_503Then201_RetriesWithTheSameIdempotencyKey()
    {
        var scope = wireMock.CreateScope();
        await scope.StubSequenceAsync("POST", Path, (503, new JsonObject { ["message"] = "Service temporarily unavailable" }, null), (201, BotSamples.Created(), null));
        using var client = TestClients.Create(scope);

        var bot = await client.Bots.CreateAsync(BotSamples.MinimalCreate(), cancellationToken: TestContext.Current.CancellationToken);

        var received = await scope.ReceivedAsync();
        Assert.Equal(2, received.Count);
        var firstKey = received[0].Headers["Idempotency-Key"];
        Assert.True(Guid.TryParse(firstKey, out _));
        Assert.Equal(firstKey, received[1].Headers["Idempotency-Key"]);
        Assert.Equal(firstKey, bot.IdempotencyKey);
        Assert.Equal(received[0].Body, received[1].Body);
        Assert.Equal(BotSamples.BotId, bot.BotId);
    }

    [Fact]
    public async Task CreateAsync_ConnectionResetThenSuccess_RetriesWithTheSameIdempotencyKey()
    {
        var scope = wireMock.CreateScope();
        var scenario = scope.Prefix + "reset-create";
        await scope.StubAsync("POST", Path, 201, options: new StubOptions { Fault = StubFault.ConnectionResetByPeer, Scenario = scenario, WhenState = StubOptions.StartState, SetState = "reset-done" });
        await scope.StubAsync("POST", Path, 201, BotSamples.Created(), options: new StubOptions { Scenario = scenario, WhenState = "reset-done" });
        using var client = TestClients.Create(scope);

        var bot = await client.Bots.CreateAsync(BotSamples.MinimalCreate(), "reset-key-1", TestContext.Current.CancellationToken);

        var received = await scope.ReceivedAsync();
        Assert.Equal(2, received.Count);
        Assert.All(received, r => Assert.Equal("reset-key-1", r.Headers["Idempotency-Key"]));
        Assert.Equal(BotSamples.BotId, bot.BotId);
    }

    [Fact]
    public async Task CreateAsync_400_ThrowsBadRequestWithMeetStreamMessage()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", Path, 400, new JsonObject { ["message"] = "google_login_domain example.com is not registered" });
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<MeetStreamBadRequestException>(() => client.Bots.CreateAsync(BotSamples.MinimalCreate(), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("google_login_domain example.com is not registered", ex.ApiMessage);
        Assert.Single(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task CreateAsync_409_ThrowsConflict()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", Path, 409, new JsonObject { ["message"] = "deduplication_key already used for a different meeting" });
        using var client = TestClients.Create(scope);
        var request = new CreateBotRequest { MeetingLink = BotSamples.MeetingUrl, BotName = "Notetaker", DeduplicationKey = "k" };

        var ex = await Assert.ThrowsAsync<MeetStreamConflictException>(() => client.Bots.CreateAsync(request, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("deduplication_key", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_InvalidRequest_ThrowsBeforeSendingAnything()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", Path, 201, BotSamples.Created());
        using var client = TestClients.Create(scope);
        var request = new CreateBotRequest
        {
            MeetingLink = BotSamples.MeetingUrl,
            BotName = " ",
            AutomaticLeave = new AutomaticLeaveConfig { InCallRecordingTimeout = 300 },
        };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Bots.CreateAsync(request, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("request", ex.ParamName);
        Assert.Contains("bot_name", ex.Message, StringComparison.Ordinal);
        Assert.Contains("automatic_leave.in_call_recording_timeout", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task CreateAsync_NullRequest_ThrowsArgumentNull()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<ArgumentNullException>(() => client.Bots.CreateAsync(null!, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("request", ex.ParamName);
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("has space")]
    [InlineData("ключ")]
    public async Task CreateAsync_InvalidCallerKey_ThrowsNamingIdempotencyKey(string key)
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Bots.CreateAsync(BotSamples.MinimalCreate(), key, TestContext.Current.CancellationToken));

        Assert.Equal("idempotencyKey", ex.ParamName);
        Assert.Empty(await scope.ReceivedAsync());
    }

    [Theory]
    [InlineData("""{"transcript_id":"t1","status":"Active"}""")]
    [InlineData("""{"bot_id":null,"status":"Active"}""")]
    [InlineData("""{"bot_id":"","status":"Active"}""")]
    [InlineData("""{"bot_id":"  ","status":"Active"}""")]
    public async Task CreateAsync_SuccessWithoutBotId_ThrowsUnexpectedResponse(string answer)
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", Path, 201, JsonNode.Parse(answer), new Dictionary<string, string> { ["x-request-id"] = "req-no-id" });
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<MeetStreamUnexpectedResponseException>(() => client.Bots.CreateAsync(BotSamples.MinimalCreate(), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("bot_id", error.Message, StringComparison.Ordinal);
        Assert.Equal("POST", error.Details.Method);
        Assert.DoesNotContain(TestClients.ApiKey, error.ToString(), StringComparison.Ordinal);
        Assert.Single(await scope.ReceivedAsync());
    }
}
