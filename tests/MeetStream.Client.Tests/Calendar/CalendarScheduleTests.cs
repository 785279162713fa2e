using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using MeetStream.Client.Tests.Infrastructure;

namespace MeetStream.Client.Tests.Calendar;

public sealed class CalendarScheduleTests(WireMockServer wireMock)
{
    private static JsonNode ScheduleResponse() => JsonNode.Parse("""
        {
          "scheduled": true,
          "schedule_id": "sch_51ab",
          "bot_id": "bot_9c1e2d",
          "schedule_group": "grp_77",
          "event_id": "evt_01",
          "scheduled_time": "2026-09-01T09:59:00+00:00",
          "existing_schedules": [],
          "occurrence_date": "2026-09-01T10:00:00+00:00",
          "is_recurring_occurrence": true,
          "bot_config": {
            "bot_name": "Acme Notetaker",
            "bot_message": "Recording for notes",
            "bot_image_url": "https://cdn.acme.com/bot.png",
            "audio_required": true,
            "video_required": false,
            "callback_url": "https://hooks.acme.com/meetstream?token=t1",
            "meeting_url": "https://meet.google.com/abc-defg-hij",
            "join_at": "2026-09-01T09:59:00+00:00",
            "deduplication_key": "evt_01-2026-09-01",
            "automatic_leave": { "waiting_room_timeout": 300, "everyone_left_timeout": 60 },
            "recording_config": { "transcript": { "provider": { "deepgram": { "model": "nova-3", "language": "en" } } }, "retention": { "type": "timed", "hours": 48 } },
            "custom_attributes": { "crm_id": "D-1", "seats": 12 },
            "live_audio_required": { "websocket_url": "wss://audio.acme.com/ms" },
            "live_transcription_required": { "webhook_url": "https://hooks.acme.com/live" }
          },
          "message": "Bot scheduled",
          "updated_existing": false,
          "master_event_id": "5qk3l0fj2c8v",
          "occurrences_scheduled": 4,
          "occurrences_failed": 1,
          "total_occurrences": 5,
          "schedules_created": ["sch_51ab", "sch_51ac"],
          "failed_occurrences": [{ "occurrence_date": "2026-09-29T10:00:00+00:00", "error": "past" }],
          "timezone": "UTC"
        }
        """)!;

    private static ScheduleEventRequest FullRequest() => new()
    {
        BotConfig = new CalendarBotConfig
        {
            BotName = "Acme Notetaker",
            BotMessage = "Recording for notes",
            BotImageUrl = "https://cdn.acme.com/bot.png",
            AudioRequired = true,
            VideoRequired = false,
            CallbackUrl = "https://hooks.acme.com/meetstream?token=t1",
            Transcription = TranscriptionProvider.ForMeetStreamStreaming(),
            RecordingConfig = new RecordingConfig
            {
                Transcript = new TranscriptConfig { Provider = TranscriptionProvider.ForDeepgram() },
                Retention = RetentionConfig.Timed(48),
                VideoRecording = false,
            },
            AutomaticLeave = new AutomaticLeaveConfig { WaitingRoomTimeout = 300, EveryoneLeftTimeout = 60 },
            CustomAttributes = new Dictionary<string, string> { ["crm_id"] = "D-1" },
            LiveAudioRequired = WebSocketEndpoint.For("wss://audio.acme.com/ms"),
            LiveTranscriptionRequired = new LiveTranscriptionConfig { WebhookUrl = "https://hooks.acme.com/live" },
            DeduplicationKey = "evt_01-2026-09-01",
            AdditionalProperties = new Dictionary<string, JsonElement> { ["socket_connection_url"] = JsonSerializer.SerializeToElement(new { websocket_url = "wss://ctl.acme.com" }) },
        },
        OccurrenceDate = new DateTimeOffset(2026, 9, 1, 12, 0, 0, TimeSpan.FromHours(2)),
        ScheduleAllOccurrences = true,
        OccurrenceLimit = 5,
        RecurringEvent = true,
    };

    [Fact]
    public async Task ScheduleEventAsync_FullRequest_SendsEveryFieldAndParsesEveryResponseField()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", "/calendar/schedule/evt_01", 200, ScheduleResponse());
        using var client = TestClients.Create(scope);

        var result = await client.Calendar.ScheduleEventAsync("evt_01", FullRequest(), TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("POST", received.Method);
        Assert.Equal("/calendar/schedule/evt_01", received.Url);
        var body = received.Json!.AsObject();
        Assert.Equal(5, body.Count);
        Assert.Equal("2026-09-01T12:00:00+02:00", body["occurrence_date"]!.GetValue<string>());
        Assert.True(body["schedule_all_occurrences"]!.GetValue<bool>());
        Assert.Equal(5, body["occurrence_limit"]!.GetValue<int>());
        Assert.True(body["recurring_event"]!.GetValue<bool>());
        var config = body["bot_config"]!.AsObject();
        Assert.Equal(14, config.Count);
        Assert.Equal("Acme Notetaker", config["bot_name"]!.GetValue<string>());
        Assert.Equal("Recording for notes", config["bot_message"]!.GetValue<string>());
        Assert.Equal("https://cdn.acme.com/bot.png", config["bot_image_url"]!.GetValue<string>());
        Assert.True(config["audio_required"]!.GetValue<bool>());
        Assert.False(config["video_required"]!.GetValue<bool>());
        Assert.Equal("https://hooks.acme.com/meetstream?token=t1", config["callback_url"]!.GetValue<string>());
        Assert.NotNull(config["transcription"]!["meetstream_streaming"]);
        Assert.NotNull(config["recording_config"]!["transcript"]!["provider"]!["deepgram"]);
        Assert.Equal("timed", config["recording_config"]!["retention"]!["type"]!.GetValue<string>());
        Assert.Equal(48, config["recording_config"]!["retention"]!["hours"]!.GetValue<int>());
        Assert.False(config["recording_config"]!["video_recording"]!.GetValue<bool>());
        Assert.Equal(300, config["automatic_leave"]!["waiting_room_timeout"]!.GetValue<int>());
        Assert.Equal(60, config["automatic_leave"]!["everyone_left_timeout"]!.GetValue<int>());
        Assert.Equal("D-1", config["custom_attributes"]!["crm_id"]!.GetValue<string>());
        Assert.Equal("wss://audio.acme.com/ms", config["live_audio_required"]!["websocket_url"]!.GetValue<string>());
        Assert.Equal("https://hooks.acme.com/live", config["live_transcription_required"]!["webhook_url"]!.GetValue<string>());
        Assert.Equal("evt_01-2026-09-01", config["deduplication_key"]!.GetValue<string>());
        Assert.Equal("wss://ctl.acme.com", config["socket_connection_url"]!["websocket_url"]!.GetValue<string>());

        Assert.True(result.Scheduled);
        Assert.Equal("sch_51ab", result.ScheduleId);
        Assert.Equal("bot_9c1e2d", result.BotId);
        Assert.Equal("grp_77", result.ScheduleGroup);
        Assert.Equal("evt_01", result.EventId);
        Assert.Equal("2026-09-01T09:59:00+00:00", result.ScheduledTime);
        Assert.Equal(new DateTimeOffset(2026, 9, 1, 9, 59, 0, TimeSpan.Zero), result.ScheduledAt);
        Assert.Equal(JsonValueKind.Array, result.ExistingSchedules!.Value.ValueKind);
        Assert.Equal("2026-09-01T10:00:00+00:00", result.OccurrenceDate);
        Assert.True(result.IsRecurringOccurrence);
        var echoed = result.BotConfig!;
        Assert.Equal("Acme Notetaker", echoed.BotName);
        Assert.Equal("Recording for notes", echoed.BotMessage);
        Assert.Equal("https://cdn.acme.com/bot.png", echoed.BotImageUrl);
        Assert.True(echoed.AudioRequired);
        Assert.False(echoed.VideoRequired);
        Assert.Equal("https://hooks.acme.com/meetstream?token=t1", echoed.CallbackUrl);
        Assert.Equal("https://meet.google.com/abc-defg-hij", echoed.MeetingUrl);
        Assert.Equal("2026-09-01T09:59:00+00:00", echoed.JoinAt);
        Assert.Equal(new DateTimeOffset(2026, 9, 1, 9, 59, 0, TimeSpan.Zero), echoed.JoinsAt);
        Assert.Equal("evt_01-2026-09-01", echoed.DeduplicationKey);
        Assert.Equal(300, echoed.AutomaticLeave!.WaitingRoomTimeout);
        Assert.Equal("nova-3", echoed.RecordingConfig!.Transcript!.Provider!.Deepgram!.Model);
        Assert.Equal("en", echoed.RecordingConfig.Transcript.Provider.Deepgram.Language);
        Assert.Equal(48, echoed.RecordingConfig.Retention!.Hours);
        Assert.Equal("D-1", echoed.CustomAttributes!["crm_id"]);
        Assert.Equal("12", echoed.CustomAttributes["seats"]);
        Assert.Equal("wss://audio.acme.com/ms", echoed.LiveAudioRequired!.WebSocketUrl);
        Assert.Equal("https://hooks.acme.com/live", echoed.LiveTranscriptionRequired!.WebhookUrl);
        Assert.Equal("Bot scheduled", result.Message);
        Assert.False(result.UpdatedExisting);
        Assert.Equal("5qk3l0fj2c8v", result.MasterEventId);
        Assert.Equal(4, result.OccurrencesScheduled);
        Assert.Equal(1, result.OccurrencesFailed);
        Assert.Equal(5, result.TotalOccurrences);
        Assert.Equal("sch_51ac", result.SchedulesCreated!.Value[1].GetString());
        Assert.Equal("past", result.FailedOccurrences!.Value[0].GetProperty("error").GetString());
        Assert.Equal("UTC", result.AdditionalProperties!["timezone"].GetString());
    }

    [Fact]
    public async Task ScheduleEventAsync_MinimalRequest_SendsOnlyTheBotConfigSet()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", "/calendar/schedule/evt_01", 201, JsonNode.Parse("""{"scheduled":true,"bot_id":"bot_1","event_id":"evt_01"}"""));
        using var client = TestClients.Create(scope);

        var result = await client.Calendar.ScheduleEventAsync("evt_01", new ScheduleEventRequest { BotConfig = new CalendarBotConfig { BotName = "Notetaker" } }, TestContext.Current.CancellationToken);

        var body = (await scope.SingleReceivedAsync()).Json!.AsObject();
        Assert.Single(body);
        Assert.Equal("{\"bot_name\":\"Notetaker\"}", body["bot_config"]!.ToJsonString());
        Assert.Equal("bot_1", result.BotId);
        Assert.Null(result.BotConfig);
    }

    [Fact]
    public async Task ScheduleEventAsync_EventIdWithReservedCharacters_EscapesThePath()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", "/calendar/schedule/evt%2F1%20a", 200, JsonNode.Parse("""{"scheduled":true}"""));
        using var client = TestClients.Create(scope);

        await client.Calendar.ScheduleEventAsync("evt/1 a", new ScheduleEventRequest(), TestContext.Current.CancellationToken);

        Assert.Equal("/calendar/schedule/evt%2F1%20a", (await scope.SingleReceivedAsync()).Url);
    }

    [Fact]
    public async Task ScheduleEventAsync_AlreadyScheduled_ThrowsConflictWithTheExistingBot()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", "/calendar/schedule/evt_01", 409, JsonNode.Parse("""{"message":"Event already scheduled","bot_id":"bot_existing"}"""));
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<MeetStreamConflictException>(() => client.Calendar.ScheduleEventAsync("evt_01", new ScheduleEventRequest(), TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
        Assert.Equal("Event already scheduled", error.ApiMessage);
        Assert.Contains("bot_existing", error.ResponseBody, StringComparison.Ordinal);
        Assert.Single(await scope.ReceivedAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task ScheduleEventAsync_EmptyEventId_ThrowsBeforeSending(string eventId)
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.Calendar.ScheduleEventAsync(eventId, new ScheduleEventRequest(), TestContext.Current.CancellationToken));

        Assert.Equal("eventId", error.ParamName);
        Assert.Empty(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task ScheduleEventAsync_NullEventId_ThrowsArgumentNullException()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<ArgumentNullException>(() => client.Calendar.ScheduleEventAsync(null!, new ScheduleEventRequest(), TestContext.Current.CancellationToken));

        Assert.Equal("eventId", error.ParamName);
    }

    [Fact]
    public async Task ScheduleEventAsync_OccurrenceLimitZero_ThrowsBeforeSending()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.Calendar.ScheduleEventAsync("evt_01", new ScheduleEventRequest { OccurrenceLimit = 0 }, TestContext.Current.CancellationToken));

        Assert.Contains("occurrence_limit", error.Message, StringComparison.Ordinal);
        Assert.Empty(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task ScheduleEventAsync_NonAsciiDeduplicationKey_ThrowsBeforeSending()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);
        var request = new ScheduleEventRequest { BotConfig = new CalendarBotConfig { DeduplicationKey = "réunion" } };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.Calendar.ScheduleEventAsync("evt_01", request, TestContext.Current.CancellationToken));

        Assert.Contains("deduplication_key", error.Message, StringComparison.Ordinal);
        Assert.Empty(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task UnscheduleEventAsync_WholeSeries_SendsBodyAndParsesGuideFields()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("DELETE", "/calendar/schedule/evt_01", 200, JsonNode.Parse("""
            {"unscheduled":true,"event_id":"evt_01","cancelled_schedules":["sch_51ab","sch_51ac"],"schedules_cancelled":2,"bots_deleted":2,"cancel_all_occurrences":true,"is_recurring_series":true}
            """));
        using var client = TestClients.Create(scope);

        var result = await client.Calendar.UnscheduleEventAsync(
            "evt_01",
            new UnscheduleEventRequest { CancelAllOccurrences = true, FromDate = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero) },
            TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("DELETE", received.Method);
        Assert.Equal("/calendar/schedule/evt_01", received.Url);
        var body = received.Json!.AsObject();
        Assert.Equal(2, body.Count);
        Assert.True(body["cancel_all_occurrences"]!.GetValue<bool>());
        Assert.Equal("2026-10-01T00:00:00+00:00", body["from_date"]!.GetValue<string>());
        Assert.True(result.Unscheduled);
        Assert.Equal("evt_01", result.EventId);
        Assert.Equal("sch_51ac", result.CancelledSchedules!.Value[1].GetString());
        Assert.Equal(2, result.SchedulesCancelled);
        Assert.Equal(2, result.BotsDeleted!.Value.GetInt32());
        Assert.True(result.CancelAllOccurrences);
        Assert.True(result.IsRecurringSeries);
    }

    [Fact]
    public async Task UnscheduleEventAsync_NoRequestAndEmptyResponse_SendsNoBodyAndReturnsEmptyResult()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("DELETE", "/calendar/schedule/evt_01", 204);
        using var client = TestClients.Create(scope);

        var result = await client.Calendar.UnscheduleEventAsync("evt_01", cancellationToken: TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("DELETE", received.Method);
        Assert.Equal(string.Empty, received.Body);
        Assert.Null(result.Unscheduled);
        Assert.Null(result.EventId);
    }

    [Fact]
    public async Task UnscheduleEventAsync_UnknownEvent_ThrowsNotFound()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("DELETE", "/calendar/schedule/evt_missing", 404, JsonNode.Parse("""{"error":"Event not found","status_code":404}"""));
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<MeetStreamNotFoundException>(() => client.Calendar.UnscheduleEventAsync("evt_missing", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("Event not found", error.ApiMessage);
    }

    [Fact]
    public async Task ToggleRecurrenceAsync_Disable_PostsEventIdAndFlag()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", "/calendar/toggle-recurrence", 200, JsonNode.Parse("""{"message":"Recurring scheduling disabled","event_id":"evt_01","recurring_enabled":false}"""));
        using var client = TestClients.Create(scope);

        var result = await client.Calendar.ToggleRecurrenceAsync("evt_01", recurringEnabled: false, TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("POST", received.Method);
        Assert.Equal("/calendar/toggle-recurrence", received.Url);
        var body = received.Json!.AsObject();
        Assert.Equal(2, body.Count);
        Assert.Equal("evt_01", body["event_id"]!.GetValue<string>());
        Assert.False(body["recurring_enabled"]!.GetValue<bool>());
        Assert.Equal("Recurring scheduling disabled", result.Message);
        Assert.False(result.AdditionalProperties!["recurring_enabled"].GetBoolean());
    }

    [Fact]
    public async Task ToggleRecurrenceAsync_EmptyEventId_ThrowsBeforeSending()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.Calendar.ToggleRecurrenceAsync("", true, TestContext.Current.CancellationToken));

        Assert.Equal("eventId", error.ParamName);
        Assert.Empty(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task AutoRescheduleAsync_EventIdAndExtensionData_PostsBoth()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", "/calendar/auto-reschedule", 200, JsonNode.Parse("""{"message":"Next occurrence scheduled","bot_id":"bot_next"}"""));
        using var client = TestClients.Create(scope);

        var result = await client.Calendar.AutoRescheduleAsync(
            new AutoRescheduleRequest { EventId = "evt_01", AdditionalProperties = new Dictionary<string, JsonElement> { ["schedule_id"] = JsonSerializer.SerializeToElement("sch_51ab") } },
            TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("POST", received.Method);
        Assert.Equal("/calendar/auto-reschedule", received.Url);
        var body = received.Json!.AsObject();
        Assert.Equal(2, body.Count);
        Assert.Equal("evt_01", body["event_id"]!.GetValue<string>());
        Assert.Equal("sch_51ab", body["schedule_id"]!.GetValue<string>());
        Assert.Equal("Next occurrence scheduled", result.Message);
        Assert.Equal("bot_next", result.AdditionalProperties!["bot_id"].GetString());
    }

    [Fact]
    public async Task AutoRescheduleAsync_BlankEventId_ThrowsBeforeSending()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.Calendar.AutoRescheduleAsync(new AutoRescheduleRequest { EventId = " " }, TestContext.Current.CancellationToken));

        Assert.Contains("event_id", error.Message, StringComparison.Ordinal);
        Assert.Empty(await scope.ReceivedAsync());
    }
}
