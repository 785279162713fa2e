using System.Text.Json.Nodes;
using MeetStream.Client.Lambda.Tests.Infrastructure;
using MeetStream.Client.Tests.Infrastructure;
using static MeetStream.Client.Lambda.Tests.Infrastructure.MeetStreamSamples;

namespace MeetStream.Client.Lambda.Tests.Functions;

/// <summary>The calendar trigger against WireMock (MeetStream) and dynalite.</summary>
public sealed class CalendarTriggerFunctionTests(DynaliteServer dynalite, S3rverServer s3rver, WireMockServer wireMock) : IAsyncLifetime
{
    private PipelineHarness _p = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _p = await PipelineHarness.StartAsync(dynalite, s3rver, wireMock);

    public ValueTask DisposeAsync() => _p.DisposeAsync();

    [Fact]
    public async Task Invoke_CalendarEvent_CreatesTheBotWithTheDerivedKeyAndFullRequest()
    {
        await _p.MeetStream.StubAsync("POST", "/bots/create_bot", 201, BotCreated("bot-100", "tr-100"));

        var result = await _p.TriggerAsync(PipelineHarness.CalendarEvent(), Ct);

        var received = await _p.MeetStream.SingleReceivedAsync();
        Assert.Equal("POST", received.Method);
        Assert.Equal("/bots/create_bot", received.Url);
        Assert.Equal(CalendarTriggerFunction.CreateIdempotencyKey("cal-42", "user-7"), received.Headers["Idempotency-Key"]);
        var json = received.Json!;
        Assert.Equal(MeetingUrl, json["meeting_link"]!.GetValue<string>());
        Assert.Equal("Acme Notetaker", json["bot_name"]!.GetValue<string>());
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 12, 30, 0, TimeSpan.Zero), DateTimeOffset.Parse(json["join_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        var callback = new Uri(json["callback_url"]!.GetValue<string>());
        Assert.Equal("https://hooks.example.com/webhooks", callback.GetLeftPart(UriPartial.Path));
        Assert.True(_p.Validator.VerifyCallbackToken(Uri.UnescapeDataString(callback.Query.Split('=')[1])));
        Assert.Equal("cal-42", json["custom_attributes"]!["calendar_event_id"]!.GetValue<string>());
        Assert.Equal("user-7", json["custom_attributes"]!["user_id"]!.GetValue<string>());
        Assert.Equal("Weekly planning", json["custom_attributes"]!["meeting_title"]!.GetValue<string>());
        Assert.Equal("platform", json["custom_attributes"]!["team"]!.GetValue<string>());
        Assert.Equal("timed", json["recording_config"]!["retention"]!["type"]!.GetValue<string>());
        Assert.Equal(24, json["recording_config"]!["retention"]!["hours"]!.GetValue<int>());
        Assert.NotNull(json["recording_config"]!["transcript"]!["provider"]!["meetstream"]);
        Assert.Equal("bot-100", result.BotId);
        Assert.Equal("tr-100", result.TranscriptId);
        Assert.False(result.Replayed);
    }

    [Fact]
    public async Task Invoke_CalendarEvent_RecordsTheSessionIndexedByCalendarEvent()
    {
        await _p.MeetStream.StubAsync("POST", "/bots/create_bot", 201, BotCreated("bot-101", "tr-101"));

        await _p.TriggerAsync(PipelineHarness.CalendarEvent(), Ct);

        var session = Assert.Single(await _p.Sessions.FindByCalendarEventAsync("cal-42", Ct));
        Assert.Equal("bot-101", session.BotId);
        Assert.Equal("user-7", session.UserId);
        Assert.Equal(MeetingUrl, session.MeetingUrl);
        Assert.Equal(BotStatus.Active, session.Status);
        Assert.Equal("tr-101", session.TranscriptId);
        Assert.Equal(CalendarTriggerFunction.CreateIdempotencyKey("cal-42", "user-7"), session.IdempotencyKey);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 13, 30, 0, TimeSpan.Zero), session.WorkDue);
        Assert.Equal(_p.Clock.GetUtcNow().AddDays(90), session.ExpiresAt);
    }

    [Fact]
    public async Task Invoke_RepeatedTrigger_CreatesNoSecondBotAndCallsMeetStreamOnce()
    {
        await _p.MeetStream.StubAsync("POST", "/bots/create_bot", 201, BotCreated("bot-102", "tr-102"));
        var first = await _p.TriggerAsync(PipelineHarness.CalendarEvent(), Ct);

        var second = await _p.TriggerAsync(PipelineHarness.CalendarEvent(), Ct);

        Assert.Equal(first.BotId, second.BotId);
        Assert.True(second.Replayed);
        Assert.Single(await _p.MeetStream.ReceivedAsync());
    }

    [Fact]
    public async Task Invoke_RepeatedAfterTheLedgerForgot_MeetStreamReplaysTheSameBotForTheSameKey()
    {
        await _p.MeetStream.StubSequenceAsync("POST", "/bots/create_bot", (201, BotCreated("bot-103", "tr-103"), null), (507, BotCreated("bot-103", "tr-103", "Joining"), null));
        await _p.TriggerAsync(PipelineHarness.CalendarEvent(), Ct);
        var freshLedger = new DynamoDbIdempotencyLedger(_p.DynamoDb, (await dynalite.CreateTablesAsync(_p.Clock)).Idempotency);

        var again = await _p.CreateTrigger(_p.Sessions, freshLedger).InvokeAsync(System.Text.Encoding.UTF8.GetBytes(PipelineHarness.CalendarEvent().ToJsonString()), _p.Context(), Ct);

        var result = JsonNode.Parse(again.Span)!;
        Assert.Equal("bot-103", result["bot_id"]!.GetValue<string>());
        Assert.True(result["replayed"]!.GetValue<bool>());
        var requests = await _p.MeetStream.ReceivedAsync();
        Assert.Equal(2, requests.Count);
        Assert.Equal(requests[0].Headers["Idempotency-Key"], requests[1].Headers["Idempotency-Key"]);
        Assert.Single(await _p.Sessions.FindByCalendarEventAsync("cal-42", Ct));
    }

    [Fact]
    public async Task Invoke_EachOccurrence_GetsItsOwnKeyAndBot()
    {
        await _p.MeetStream.StubSequenceAsync("POST", "/bots/create_bot", (201, BotCreated("bot-104a", "tr-a"), null), (201, BotCreated("bot-104b", "tr-b"), null));

        var monday = await _p.TriggerAsync(PipelineHarness.CalendarEvent(occurrence: "2026-11-23"), Ct);
        var tuesday = await _p.TriggerAsync(PipelineHarness.CalendarEvent(occurrence: "2026-11-24"), Ct);

        Assert.NotEqual(monday.IdempotencyKey, tuesday.IdempotencyKey);
        Assert.Equal(["bot-104a", "bot-104b"], new[] { monday.BotId, tuesday.BotId });
    }

    [Fact]
    public async Task Invoke_EventBridgeEnvelope_ReadsTheDetail()
    {
        await _p.MeetStream.StubAsync("POST", "/bots/create_bot", 201, BotCreated("bot-105", "tr-105"));
        var envelope = new JsonObject
        {
            ["version"] = "0",
            ["id"] = "b6f3f5c2-2f4f-4e49-9c1d-1f0e5b7e9a10",
            ["detail-type"] = "Calendar Event Starting",
            ["source"] = "acme.calendar",
            ["time"] = "2026-11-21T12:25:00Z",
            ["detail"] = PipelineHarness.CalendarEvent("cal-eb"),
        };

        var result = await _p.TriggerAsync(envelope, Ct);

        Assert.Equal("bot-105", result.BotId);
        Assert.Equal("cal-eb", result.CalendarEventId);
    }

    [Fact]
    public async Task Invoke_PastJoinTime_JoinsNowWithoutJoinAt()
    {
        await _p.MeetStream.StubAsync("POST", "/bots/create_bot", 201, BotCreated("bot-106", "tr-106"));

        await _p.TriggerAsync(PipelineHarness.CalendarEvent(joinAt: _p.Clock.GetUtcNow().AddMinutes(-2)), Ct);

        Assert.Null((await _p.MeetStream.SingleReceivedAsync()).Json!["join_at"]);
    }

    [Fact]
    public async Task Invoke_MeetStream503_FailsWithoutSessionAndAllowsTheRetry()
    {
        await _p.MeetStream.StubSequenceAsync("POST", "/bots/create_bot", (503, new JsonObject { ["message"] = "upstream unavailable" }, null), (503, new JsonObject { ["message"] = "upstream unavailable" }, null), (503, new JsonObject { ["message"] = "upstream unavailable" }, null), (201, BotCreated("bot-107", "tr-107"), null));

        await Assert.ThrowsAsync<MeetStreamServerException>(() => _p.TriggerAsync(PipelineHarness.CalendarEvent(), Ct));
        Assert.Empty(await _p.Sessions.FindByCalendarEventAsync("cal-42", Ct));
        var retried = await _p.TriggerAsync(PipelineHarness.CalendarEvent(), Ct);

        Assert.Equal("bot-107", retried.BotId);
        Assert.Single(await _p.Sessions.FindByCalendarEventAsync("cal-42", Ct));
    }

    [Fact]
    public async Task Invoke_SessionWriteThrottled_FailsAndTheRetryFindsTheSameBot()
    {
        await _p.MeetStream.StubSequenceAsync("POST", "/bots/create_bot", (201, BotCreated("bot-108", "tr-108"), null), (507, BotCreated("bot-108", "tr-108"), null));
        await using var aws = await FailingAwsEndpoint.StartAsync(400, "ThrottlingException");
        using var failing = aws.CreateDynamoDbClient();
        var throttled = _p.CreateTrigger(new DynamoDbBotSessionStore(failing, _p.SessionOptions), _p.Ledger);

        var error = await Assert.ThrowsAsync<LambdaStorageException>(() => throttled.InvokeAsync(System.Text.Encoding.UTF8.GetBytes(PipelineHarness.CalendarEvent().ToJsonString()), _p.Context(), Ct));
        var retried = await _p.TriggerAsync(PipelineHarness.CalendarEvent(), Ct);

        Assert.True(error.IsThrottling);
        Assert.Equal("bot-108", retried.BotId);
        Assert.True(retried.Replayed);
        var requests = await _p.MeetStream.ReceivedAsync();
        Assert.Equal(requests[0].Headers["Idempotency-Key"], requests[1].Headers["Idempotency-Key"]);
    }

    [Fact]
    public async Task Invoke_NoMeetingUrl_ThrowsLambdaEventExceptionWithoutCallingMeetStream()
    {
        var calendarEvent = PipelineHarness.CalendarEvent();
        calendarEvent.Remove("meeting_url");

        var error = await Assert.ThrowsAsync<LambdaEventException>(() => _p.TriggerAsync(calendarEvent, Ct));

        Assert.Contains("meeting_url", error.Message, StringComparison.Ordinal);
        Assert.Empty(await _p.MeetStream.ReceivedAsync());
    }

    [Fact]
    public async Task Invoke_NoCalendarEventId_ThrowsLambdaEventException()
    {
        var calendarEvent = PipelineHarness.CalendarEvent();
        calendarEvent.Remove("calendar_event_id");

        var error = await Assert.ThrowsAsync<LambdaEventException>(() => _p.TriggerAsync(calendarEvent, Ct));

        Assert.Contains("calendar_event_id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_SameEventInProgressElsewhere_ThrowsSoLambdaRetries()
    {
        var key = CalendarTriggerFunction.CreateIdempotencyKey("cal-42", "user-7");
        await _p.Ledger.TryBeginAsync("calendar-trigger:" + key, Ct);

        await Assert.ThrowsAsync<LambdaOperationInProgressException>(() => _p.TriggerAsync(PipelineHarness.CalendarEvent(), Ct));

        Assert.Empty(await _p.MeetStream.ReceivedAsync());
    }

    [Fact]
    public void CreateIdempotencyKey_SameEvent_IsStableAndDiffersPerUserAndOccurrence()
    {
        var key = CalendarTriggerFunction.CreateIdempotencyKey("cal-42", "user-7");

        Assert.Equal(key, CalendarTriggerFunction.CreateIdempotencyKey("cal-42", "user-7"));
        Assert.Matches("^meetstream-calendar-[0-9a-f]{32}$", key);
        Assert.NotEqual(key, CalendarTriggerFunction.CreateIdempotencyKey("cal-42", "user-8"));
        Assert.NotEqual(key, CalendarTriggerFunction.CreateIdempotencyKey("cal-42", "user-7", "2026-11-23"));
    }
}
