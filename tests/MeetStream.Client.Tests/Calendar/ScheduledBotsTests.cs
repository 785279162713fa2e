using System.Net;
using System.Text.Json.Nodes;
using MeetStream.Client.Tests.Infrastructure;

namespace MeetStream.Client.Tests.Calendar;

public sealed class ScheduledBotsTests(WireMockServer wireMock)
{
    [Fact]
    public async Task ListScheduledBotsAsync_WithLimit_SendsLimitAndParsesEveryField()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/calendar/scheduled_bots", 200, JsonNode.Parse("""
            {"scheduled_bots":[
              {"bot_id":"bot_9c1e2d","platform":"GMeet","status":"Scheduled","scheduled_join_time":"2026-09-01T09:59:00+00:00","bot_username":"Acme Notetaker",
               "meeting_link":"https://meet.google.com/abc-defg-hij","custom_attributes":{"crm_id":"D-1","priority":2},"event_id":"evt_01"},
              {"bot_id":"bot_z2","platform":"Zoom","status":"Scheduled","scheduled_join_time":"2026-09-02T15:00:00Z","bot_username":"Recorder","meeting_link":"https://zoom.us/j/123","custom_attributes":{}}
            ]}
            """));
        using var client = TestClients.Create(scope);

        var result = await client.Calendar.ListScheduledBotsAsync(25, TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("GET", received.Method);
        Assert.Equal("/calendar/scheduled_bots?limit=25", received.Url);
        Assert.Equal(2, result.ScheduledBots!.Count);
        var bot = result.ScheduledBots[0];
        Assert.Equal("bot_9c1e2d", bot.BotId);
        Assert.Equal(MeetingPlatform.GoogleMeet, bot.Platform);
        Assert.Equal(BotStatus.Scheduled, bot.Status);
        Assert.Equal("2026-09-01T09:59:00+00:00", bot.ScheduledJoinTime);
        Assert.Equal(new DateTimeOffset(2026, 9, 1, 9, 59, 0, TimeSpan.Zero), bot.ScheduledJoinAt);
        Assert.Equal("Acme Notetaker", bot.BotUsername);
        Assert.Equal("https://meet.google.com/abc-defg-hij", bot.MeetingLink);
        Assert.Equal("D-1", bot.CustomAttributes!["crm_id"]);
        Assert.Equal("2", bot.CustomAttributes["priority"]);
        Assert.Null(bot.IsScheduled);
        Assert.Equal("evt_01", bot.AdditionalProperties!["event_id"].GetString());
        Assert.Equal(MeetingPlatform.Zoom, result.ScheduledBots[1].Platform);
    }

    [Fact]
    public async Task ListScheduledBotsAsync_NoLimit_SendsNoQuery()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/calendar/scheduled_bots", 200, JsonNode.Parse("""{"scheduled_bots":[]}"""));
        using var client = TestClients.Create(scope);

        var result = await client.Calendar.ListScheduledBotsAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("/calendar/scheduled_bots", (await scope.SingleReceivedAsync()).Url);
        Assert.Empty(result.ScheduledBots!);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    [InlineData(-1)]
    public async Task ListScheduledBotsAsync_LimitOutsideOneToHundred_ThrowsBeforeSending(int limit)
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.Calendar.ListScheduledBotsAsync(limit, TestContext.Current.CancellationToken));

        Assert.Equal("limit", error.ParamName);
        Assert.Contains("between 1 and 100", error.Message, StringComparison.Ordinal);
        Assert.Empty(await scope.ReceivedAsync());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public async Task ListScheduledBotsAsync_LimitAtBounds_IsSent(int limit)
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/calendar/scheduled_bots", 200, JsonNode.Parse("""{"scheduled_bots":[]}"""));
        using var client = TestClients.Create(scope);

        await client.Calendar.ListScheduledBotsAsync(limit, TestContext.Current.CancellationToken);

        Assert.Equal($"/calendar/scheduled_bots?limit={limit}", (await scope.SingleReceivedAsync()).Url);
    }

    [Fact]
    public async Task RescheduleBotAsync_EveryField_SendsTimeWithOffsetAndParsesResponse()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("PATCH", "/calendar/scheduled_bots/bot_9c1e2d", 200, JsonNode.Parse("""
            {"message":"Scheduled bot updated","bot_id":"bot_9c1e2d","updated_fields":["scheduled_join_time","bot_username","custom_attributes"],"schedule_updated":true}
            """));
        using var client = TestClients.Create(scope);

        var result = await client.Calendar.RescheduleBotAsync(
            "bot_9c1e2d",
            new RescheduleBotRequest
            {
                ScheduledJoinTime = new DateTimeOffset(2026, 9, 1, 17, 0, 0, TimeSpan.FromHours(2)),
                BotUsername = "Updated Name",
                CustomAttributes = new Dictionary<string, string> { ["deal_id"] = "12345" },
            },
            TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("PATCH", received.Method);
        Assert.Equal("/calendar/scheduled_bots/bot_9c1e2d", received.Url);
        var body = received.Json!.AsObject();
        Assert.Equal(3, body.Count);
        Assert.Equal("2026-09-01T17:00:00+02:00", body["scheduled_join_time"]!.GetValue<string>());
        Assert.Equal("Updated Name", body["bot_username"]!.GetValue<string>());
        Assert.Equal("12345", body["custom_attributes"]!["deal_id"]!.GetValue<string>());
        Assert.Equal("Scheduled bot updated", result.Message);
        Assert.Equal("bot_9c1e2d", result.BotId);
        Assert.Equal(["scheduled_join_time", "bot_username", "custom_attributes"], result.UpdatedFields!);
        Assert.True(result.ScheduleUpdated);
    }

    [Fact]
    public async Task RescheduleBotAsync_TimeOnly_SendsOnlyTheTimeAndReadsLegacyResponse()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("PATCH", "/calendar/scheduled_bots/bot_1", 200, JsonNode.Parse("""{"success":true,"message":"Bot rescheduled","bot_id":"bot_1","scheduled_join_time":"2026-09-01T15:00:00Z"}"""));
        using var client = TestClients.Create(scope);

        var result = await client.Calendar.RescheduleBotAsync("bot_1", new RescheduleBotRequest { ScheduledJoinTime = DateTimeOffset.Parse("2026-09-01T15:00:00Z") }, TestContext.Current.CancellationToken);

        var body = (await scope.SingleReceivedAsync()).Json!.AsObject();
        Assert.Single(body);
        Assert.Equal("2026-09-01T15:00:00+00:00", body["scheduled_join_time"]!.GetValue<string>());
        Assert.True(result.Success);
        Assert.Equal("2026-09-01T15:00:00Z", result.ScheduledJoinTime);
    }

    [Fact]
    public async Task RescheduleBotAsync_AlreadyJoined_ThrowsBadRequestWithLegacyErrorText()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("PATCH", "/calendar/scheduled_bots/bot_1", 400, JsonNode.Parse("""{"error":"Cannot reschedule bot that has already joined","status_code":400}"""));
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<MeetStreamBadRequestException>(() => client.Calendar.RescheduleBotAsync("bot_1", new RescheduleBotRequest { ScheduledJoinTime = DateTimeOffset.UtcNow }, TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("Cannot reschedule bot that has already joined", error.ApiMessage);
    }

    [Fact]
    public async Task RescheduleBotAsync_DefaultJoinTime_ThrowsBeforeSending()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.Calendar.RescheduleBotAsync("bot_1", new RescheduleBotRequest { ScheduledJoinTime = default }, TestContext.Current.CancellationToken));

        Assert.Contains("scheduled_join_time", error.Message, StringComparison.Ordinal);
        Assert.Empty(await scope.ReceivedAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("\t")]
    public async Task RescheduleBotAsync_EmptyBotId_ThrowsBeforeSending(string botId)
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.Calendar.RescheduleBotAsync(botId, new RescheduleBotRequest { ScheduledJoinTime = DateTimeOffset.UtcNow }, TestContext.Current.CancellationToken));

        Assert.Equal("botId", error.ParamName);
        Assert.Empty(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task DeleteScheduledBotAsync_Existing_SendsDeleteAndParsesResponse()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("DELETE", "/calendar/scheduled_bots/bot_9c1e2d", 200, JsonNode.Parse("""{"message":"Scheduled bot deleted","bot_id":"bot_9c1e2d"}"""));
        using var client = TestClients.Create(scope);

        var result = await client.Calendar.DeleteScheduledBotAsync("bot_9c1e2d", TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("DELETE", received.Method);
        Assert.Equal("/calendar/scheduled_bots/bot_9c1e2d", received.Url);
        Assert.Equal(string.Empty, received.Body);
        Assert.Equal("Scheduled bot deleted", result.Message);
        Assert.Equal("bot_9c1e2d", result.BotId);
    }

    [Fact]
    public async Task DeleteScheduledBotAsync_UnknownBot_ThrowsNotFound()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("DELETE", "/calendar/scheduled_bots/bot_gone", 404, JsonNode.Parse("""{"error":"Scheduled bot not found","status_code":404}"""));
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<MeetStreamNotFoundException>(() => client.Calendar.DeleteScheduledBotAsync("bot_gone", TestContext.Current.CancellationToken));

        Assert.Contains("bot id 'bot_gone'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteScheduledBotAsync_NullBotId_ThrowsArgumentNullException()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<ArgumentNullException>(() => client.Calendar.DeleteScheduledBotAsync(null!, TestContext.Current.CancellationToken));

        Assert.Equal("botId", error.ParamName);
    }
}
