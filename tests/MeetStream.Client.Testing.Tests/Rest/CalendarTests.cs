using MeetStream.Client.Testing.Tests.Infrastructure;

namespace MeetStream.Client.Testing.Tests.Rest;

/// <summary>Calendar integration: connections with seeded events, paging, scheduling bots on events, auto-join, scheduled bots.</summary>
public sealed class CalendarTests : IAsyncLifetime
{
    private static readonly GoogleCalendarCredentials Google = new() { GoogleClientId = "cid", GoogleClientSecret = "csecret", GoogleRefreshToken = "refresh-1" };
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
    public async Task ConnectGoogle_Credentials_ReturnsEveryFieldWithCalendarsAndWatches()
    {
        var connected = await _client.Calendar.ConnectGoogleAsync(Google, Ct);

        ModelAssert.Complete(connected, skip: ["failed_calendars"]);
        Assert.Equal("google", connected.Platform);
        Assert.Equal(2, connected.Calendars!.Count);
        Assert.True(connected.Calendars[0].IsPrimary);
        Assert.Equal(2, connected.WatchSetup!.WatchesSetup);
    }

    [Fact]
    public async Task ConnectOutlook_Twice_Answers409UnlessReplace()
    {
        var outlook = new ConnectOutlookCalendarRequest { MicrosoftClientId = "m", MicrosoftClientSecret = "s", MicrosoftRefreshToken = "r1" };
        await _client.Calendar.ConnectOutlookAsync(outlook, Ct);

        await Assert.ThrowsAsync<MeetStreamConflictException>(() => _client.Calendar.ConnectOutlookAsync(outlook, Ct));
        var replaced = await _client.Calendar.ConnectOutlookAsync(new ConnectOutlookCalendarRequest { MicrosoftClientId = "m", MicrosoftClientSecret = "s", MicrosoftRefreshToken = "r2", Replace = true }, Ct);

        Assert.Equal("outlook", replaced.Platform);
        Assert.Single((await _client.Calendar.ListConnectionsAsync(Ct)).Connections!);
    }

    [Fact]
    public async Task ListCalendarsAndConnections_AfterConnect_ListEveryCalendar()
    {
        await _client.Calendar.ConnectGoogleAsync(Google, Ct);

        var calendars = await _client.Calendar.ListCalendarsAsync(cancellationToken: Ct);
        var provider = await _client.Calendar.ListProviderCalendarsAsync(CalendarProvider.Google, cancellationToken: Ct);
        var connections = await _client.Calendar.ListConnectionsAsync(Ct);

        ModelAssert.Complete(calendars);
        Assert.Equal(2, calendars.Total);
        Assert.Equal(2, provider.Calendars!.Count);
        var connection = Assert.Single(connections.Connections!);
        Assert.Equal(CalendarProvider.Google, connection.Provider);
        Assert.EndsWith("@example.com", connection.AccountId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListEvents_LimitTwo_PagesThroughAllThreeEvents()
    {
        await _client.Calendar.ConnectGoogleAsync(Google, Ct);

        var first = await _client.Calendar.ListEventsAsync(new CalendarEventListOptions { Limit = 2 }, Ct);
        var all = await _client.Calendar.ListAllEventsAsync(new CalendarEventListOptions { Limit = 2 }, Ct).ToListAsync(Ct);
        var cached = await _client.Calendar.ListCachedEventsAsync(cancellationToken: Ct);

        ModelAssert.Complete(first, mayBeNull: ["previous"]);
        Assert.True(first.HasMore);
        Assert.Equal(3, all.Count);
        Assert.Equal(["Weekly product sync", "Customer onboarding call", "Design review"], all.Select(e => e.Raw!.Value.GetProperty("summary").GetString()));
        Assert.Equal(3, cached.Results!.Count);
    }

    [Fact]
    public async Task ListEvents_AccountIdWithoutProvider_Answers400()
    {
        await _client.Calendar.ConnectGoogleAsync(Google, Ct);

        var response = await _client.SendAsync(HttpMethod.Get, "/calendar/events?account_id=a%40b.c", cancellationToken: Ct);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ScheduleEvent_BotConfig_SchedulesABotThatJoinsAMinuteBeforeTheEvent()
    {
        await _client.Calendar.ConnectGoogleAsync(Google, Ct);
        var calendarEvent = (await _client.Calendar.ListEventsAsync(cancellationToken: Ct)).Results![0];
        var config = new CalendarBotConfig { BotName = "Calendar bot", VideoRequired = false, CustomAttributes = new Dictionary<string, string> { ["source"] = "calendar" } };

        var scheduled = await _client.Calendar.ScheduleEventAsync(calendarEvent.Id!, new ScheduleEventRequest { BotConfig = config }, Ct);

        ModelAssert.Complete(scheduled, mayBeNull: ["bot_message", "bot_image_url", "callback_url", "deduplication_key", "automatic_leave", "recording_config", "live_audio_required", "live_transcription_required"], skip: ["existing_schedules", "schedules_created", "failed_occurrences"]);
        Assert.True(scheduled.Scheduled);
        Assert.True(scheduled.IsRecurringOccurrence);
        Assert.Equal(calendarEvent.MeetingUrl, scheduled.BotConfig!.MeetingUrl);
        var bot = scheduled.BotId!;
        Assert.Equal(BotStatus.Scheduled, (await _client.Bots.GetStatusAsync(bot, Ct)).Status);
        Assert.Equal(bot, Assert.Single((await _client.Calendar.ListScheduledBotsAsync(cancellationToken: Ct)).ScheduledBots!).BotId);
        await Assert.ThrowsAsync<MeetStreamConflictException>(() => _client.Calendar.ScheduleEventAsync(calendarEvent.Id!, new ScheduleEventRequest { BotConfig = config }, Ct));

        await _sim.RunUntilAsync(bot, BotStatus.Joining, cancellationToken: Ct);

        var start = DateTimeOffset.Parse(calendarEvent.StartTime!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(start - TimeSpan.FromMinutes(1), _sim.Clock.UtcNow);
    }

    [Fact]
    public async Task UnscheduleEvent_ScheduledBot_DeletesTheBot()
    {
        await _client.Calendar.ConnectGoogleAsync(Google, Ct);
        var eventId = (await _client.Calendar.ListEventsAsync(cancellationToken: Ct)).Results![1].Id!;
        var bot = (await _client.Calendar.ScheduleEventAsync(eventId, new ScheduleEventRequest { BotConfig = new CalendarBotConfig { BotName = "B" } }, Ct)).BotId!;

        var unscheduled = await _client.Calendar.UnscheduleEventAsync(eventId, cancellationToken: Ct);

        ModelAssert.Complete(unscheduled);
        Assert.True(unscheduled.Unscheduled);
        Assert.Equal(bot, unscheduled.BotsDeleted!.Value[0].GetString());
        await Assert.ThrowsAsync<MeetStreamNotFoundException>(() => _client.Bots.GetStatusAsync(bot, Ct));
    }

    [Fact]
    public async Task RescheduleAndDeleteScheduledBot_JoinAtBot_MovesThenCancels()
    {
        var joinAt = _sim.Clock.UtcNow + TimeSpan.FromHours(3);
        var request = new CreateBotRequest { MeetingLink = Simulators.MeetLink, BotName = "Later", JoinAt = joinAt };
        var bot = (await _client.Bots.CreateAsync(request, cancellationToken: Ct)).BotId!;

        var moved = await _client.Calendar.RescheduleBotAsync(bot, new RescheduleBotRequest { ScheduledJoinTime = joinAt + TimeSpan.FromHours(1), BotUsername = "Renamed" }, Ct);
        await _sim.AdvanceAsync(TimeSpan.FromHours(3), Ct);

        ModelAssert.Complete(moved);
        Assert.Equal(["scheduled_join_time", "bot_username"], moved.UpdatedFields);
        Assert.Equal(BotStatus.Scheduled, (await _client.Bots.GetStatusAsync(bot, Ct)).Status);
        Assert.Equal("Renamed", Assert.Single((await _client.Calendar.ListScheduledBotsAsync(10, Ct)).ScheduledBots!).BotUsername);

        var deleted = await _client.Calendar.DeleteScheduledBotAsync(bot, Ct);
        await _sim.AdvanceAsync(TimeSpan.FromHours(2), Ct);

        Assert.Equal(bot, deleted.BotId);
        Assert.Empty((await _client.Calendar.ListScheduledBotsAsync(cancellationToken: Ct)).ScheduledBots!);
        Assert.Empty(_sim.Bots);
    }

    [Fact]
    public async Task RescheduleBot_AlreadyJoined_Answers400()
    {
        var bot = (await _client.Bots.CreateAsync(Simulators.Bot(), cancellationToken: Ct)).BotId!;

        var error = await Assert.ThrowsAsync<MeetStreamBadRequestException>(() => _client.Calendar.RescheduleBotAsync(bot, new RescheduleBotRequest { ScheduledJoinTime = _sim.Clock.UtcNow.AddHours(1) }, Ct));

        Assert.Contains("Cannot reschedule bot that has already joined", error.ApiMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AutoSchedule_Enabled_SchedulesBotsForTheNext24HoursAtMidnightUtc()
    {
        await _client.Calendar.ConnectGoogleAsync(Google, Ct);
        await _sim.AdvanceAsync(TimeSpan.FromHours(14), Ct);

        var enabled = await _client.Calendar.EnableAutoScheduleAsync(new AutoScheduleBotConfig { BotName = "Auto notetaker", VideoRequired = false }, Ct);
        var settings = await _client.Calendar.GetAutoScheduleSettingsAsync(Ct);
        Assert.Empty(_sim.Bots);
        await _sim.AdvanceAsync(TimeSpan.FromHours(1), Ct);

        ModelAssert.Complete(enabled, skip: ["default_bot_config"]);
        Assert.True(settings.AutoScheduleEnabled);
        Assert.Equal("Auto notetaker", settings.DefaultBotConfig!.BotName);
        var scheduled = Assert.Single(_sim.Bots);
        Assert.Equal("Auto notetaker", scheduled.BotName);

        var disabled = await _client.Calendar.DisableAutoScheduleAsync(Ct);
        Assert.False(disabled.AutoScheduleEnabled);
    }

    [Fact]
    public async Task ToggleRecurrenceAndAutoReschedule_RecurringEvent_SucceedAndNonRecurring400()
    {
        await _client.Calendar.ConnectGoogleAsync(Google, Ct);
        var events = (await _client.Calendar.ListEventsAsync(cancellationToken: Ct)).Results!;

        var toggled = await _client.Calendar.ToggleRecurrenceAsync(events[0].Id!, false, Ct);
        var rescheduled = await _client.Calendar.AutoRescheduleAsync(new AutoRescheduleRequest { EventId = events[0].Id }, Ct);

        Assert.True(toggled.Success);
        Assert.True(rescheduled.Success);
        await Assert.ThrowsAsync<MeetStreamBadRequestException>(() => _client.Calendar.ToggleRecurrenceAsync(events[1].Id!, true, Ct));
        await Assert.ThrowsAsync<MeetStreamNotFoundException>(() => _client.Calendar.ToggleRecurrenceAsync("evt_missing", true, Ct));
    }

    [Fact]
    public async Task Disconnect_Delete_RemovesConnectionsEventsAndSchedules()
    {
        await _client.Calendar.ConnectGoogleAsync(Google, Ct);
        var eventId = (await _client.Calendar.ListEventsAsync(cancellationToken: Ct)).Results![0].Id!;
        await _client.Calendar.ScheduleEventAsync(eventId, new ScheduleEventRequest { BotConfig = new CalendarBotConfig { BotName = "B" } }, Ct);

        var result = await _client.Calendar.DisconnectAsync(Ct);

        ModelAssert.Complete(result);
        Assert.True(result.Disconnected);
        Assert.Equal(3, result.EventsDeleted);
        Assert.Equal(1, result.SchedulesCancelled);
        Assert.Empty(_sim.Bots);
        await Assert.ThrowsAsync<MeetStreamNotFoundException>(() => _client.Calendar.ListCalendarsAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task DisconnectWithCredentialsAndRemoveConnection_RemoveOneAccountEach()
    {
        await _client.Calendar.ConnectGoogleAsync(Google, Ct);
        await _client.Calendar.ConnectOutlookAsync(new ConnectOutlookCalendarRequest { MicrosoftClientId = "m", MicrosoftClientSecret = "s", MicrosoftRefreshToken = "r" }, Ct);
        var outlook = (await _client.Calendar.ListConnectionsAsync(Ct)).Connections!.Single(c => c.Provider == CalendarProvider.Outlook);

        var viaCredentials = await _client.Calendar.DisconnectWithCredentialsAsync(Google, Ct);
        var removed = await _client.Calendar.RemoveConnectionAsync(CalendarProvider.Outlook, outlook.AccountId!, purgeEvents: false, Ct);

        Assert.True(viaCredentials.Success);
        Assert.True(removed.Success);
        Assert.Empty((await _client.Calendar.ListConnectionsAsync(Ct)).Connections!);
    }
}
