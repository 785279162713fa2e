using System.Globalization;
using System.Text.Json.Nodes;

namespace MeetStream.Client.Testing;

/// <summary>Calendar events (§2.5): listing synced events, scheduling and unscheduling a bot on one, recurrence.</summary>
internal sealed class CalendarEventRoutes(CalendarStore calendar, CalendarScheduling scheduling, BotStore bots, ServedUrls urls, SimulatorClock clock, int pageSize)
{
    public ApiResult ListEvents(ApiCall call)
    {
        var connections = calendar.Filter(call);
        var calendarId = call.Query("calendar_id");
        var min = QueryTime(call, "time_min");
        var max = QueryTime(call, "time_max");
        call.QueryBool("sync");
        var limit = call.QueryInt("limit", 1, 250) ?? pageSize;
        var offset = call.Query("cursor") is { Length: > 0 } cursor
            ? int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : throw ApiError.BadRequest($"cursor '{cursor}' is not a cursor this API returned")
            : 0;
        var accounts = connections.Select(c => (c.Provider, c.AccountId)).ToHashSet();
        var matching = calendar.Events
            .Where(e => !e.Deleted && accounts.Contains((e.Provider, e.AccountId)))
            .Where(e => calendarId is null || e.CalendarId == calendarId)
            .Where(e => min is null || e.End >= min)
            .Where(e => max is null || e.Start <= max)
            .OrderBy(e => e.Start).ThenBy(e => e.Id, StringComparer.Ordinal)
            .ToList();
        var page = matching.Skip(offset).Take(limit).ToList();
        var hasMore = offset + page.Count < matching.Count;
        string PageUrl(int at)
        {
            var query = call.QueryPairs().Where(p => p.Key is not ("cursor" or "limit")).Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}").ToList();
            query.Add($"limit={limit}");
            query.Add($"cursor={at}");
            return new Uri(urls.ServerRoot, "api/v1" + call.Route + "?" + string.Join('&', query)).ToString();
        }

        return ApiResult.Ok(new JsonObject
        {
            ["next"] = hasMore ? PageUrl(offset + page.Count) : null,
            ["previous"] = offset > 0 ? PageUrl(Math.Max(0, offset - limit)) : null,
            ["has_more"] = hasMore,
            ["results"] = Json.Array(page.Select(e => (JsonNode?)EventBody(e))),
        });
    }

    public ApiResult ScheduleEvent(ApiCall call)
    {
        var calendarEvent = calendar.FindEvent(call.PathValue("event_id"));
        var body = call.OptionalBody() ?? [];
        var config = Json.Obj(body, "bot_config") ?? (JsonObject?)calendar.AutoScheduleConfig?.DeepClone() ?? new JsonObject { ["bot_name"] = "MeetStream Notetaker" };
        var occurrence = Json.Time(body, "occurrence_date");
        Json.Bool(body, "schedule_all_occurrences");
        Json.Bool(body, "recurring_event");
        if (Json.Int(body, "occurrence_limit") is < 1 or > 52)
        {
            throw ApiError.BadRequest("occurrence_limit must be between 1 and 52");
        }

        if (calendarEvent.BotId is { } existingBot && bots.Contains(existingBot))
        {
            var conflict = new ApiResult(409, new JsonObject
            {
                ["message"] = "This event already has a scheduled bot",
                ["bot_id"] = existingBot,
                ["schedule_id"] = calendarEvent.ScheduleId,
                ["event_id"] = calendarEvent.Id,
            });
            return conflict;
        }

        var (bot, joinAt) = scheduling.ScheduleBotOn(calendarEvent, config);
        var echo = new JsonObject
        {
            ["bot_name"] = bot.BotName,
            ["bot_message"] = bot.BotMessage,
            ["bot_image_url"] = bot.BotImageUrl,
            ["audio_required"] = Json.Bool(config, "audio_required") ?? true,
            ["video_required"] = bot.VideoRequired,
            ["callback_url"] = bot.CallbackUrl,
            ["meeting_url"] = calendarEvent.MeetingUrl,
            ["join_at"] = Json.Iso(joinAt),
            ["deduplication_key"] = bot.DeduplicationKey,
            ["automatic_leave"] = Json.Clone(config["automatic_leave"]),
            ["recording_config"] = Json.Clone(config["recording_config"]),
            ["custom_attributes"] = bot.CustomAttributes.DeepClone(),
            ["live_audio_required"] = Json.Clone(config["live_audio_required"]),
            ["live_transcription_required"] = Json.Clone(config["live_transcription_required"]),
        };
        return ApiResult.Ok(new JsonObject
        {
            ["scheduled"] = true,
            ["schedule_id"] = calendarEvent.ScheduleId,
            ["bot_id"] = bot.Id,
            ["schedule_group"] = calendarEvent.ScheduleGroup,
            ["event_id"] = calendarEvent.Id,
            ["scheduled_time"] = Json.Iso(joinAt),
            ["existing_schedules"] = new JsonArray(),
            ["occurrence_date"] = Json.Iso(occurrence ?? calendarEvent.Start),
            ["is_recurring_occurrence"] = calendarEvent.Recurring,
            ["bot_config"] = echo,
            ["message"] = "Bot scheduled for the event",
            ["updated_existing"] = false,
            ["master_event_id"] = calendarEvent.Id,
            ["occurrences_scheduled"] = 1,
            ["occurrences_failed"] = 0,
            ["total_occurrences"] = 1,
            ["schedules_created"] = new JsonArray(new JsonObject { ["schedule_id"] = calendarEvent.ScheduleId, ["bot_id"] = bot.Id, ["scheduled_time"] = Json.Iso(joinAt) }),
            ["failed_occurrences"] = new JsonArray(),
        });
    }

    public ApiResult UnscheduleEvent(ApiCall call)
    {
        var calendarEvent = calendar.FindEvent(call.PathValue("event_id"));
        var body = call.OptionalBody();
        var all = Json.Bool(body, "cancel_all_occurrences") ?? false;
        Json.Time(body, "from_date");
        if (calendarEvent.BotId is not { } botId)
        {
            throw ApiError.NotFound("This event has no scheduled bot");
        }

        var scheduleId = calendarEvent.ScheduleId;
        var deleted = new JsonArray();
        if (bots.Find(botId) is { Status: "Scheduled" } bot)
        {
            scheduling.RemoveBot(bot);
            deleted.Add((JsonNode?)botId);
        }

        calendarEvent.BotId = calendarEvent.ScheduleId = calendarEvent.ScheduleGroup = null;
        return ApiResult.Ok(new JsonObject
        {
            ["unscheduled"] = true,
            ["event_id"] = calendarEvent.Id,
            ["cancelled_schedules"] = new JsonArray(scheduleId),
            ["schedules_cancelled"] = 1,
            ["bots_deleted"] = deleted,
            ["cancel_all_occurrences"] = all,
            ["is_recurring_series"] = calendarEvent.Recurring,
        });
    }

    public ApiResult ToggleRecurrence(ApiCall call)
    {
        var body = call.Body();
        var calendarEvent = calendar.FindEvent(Json.RequiredStr(body, "event_id", "the id of a recurring event"));
        var enabled = Json.Bool(body, "recurring_enabled") ?? throw ApiError.BadRequest("recurring_enabled is required (true or false)");
        if (!calendarEvent.Recurring)
        {
            throw ApiError.BadRequest($"Event '{calendarEvent.Id}' is not a recurring event");
        }

        calendarEvent.RecurringEnabled = enabled;
        calendarEvent.UpdatedAt = clock.UtcNow;
        return ApiResult.Ok(new JsonObject { ["message"] = $"Recurring bot scheduling {(enabled ? "enabled" : "disabled")} for the event", ["success"] = true });
    }

    public ApiResult AutoReschedule(ApiCall call)
    {
        var body = call.Body();
        var calendarEvent = calendar.FindEvent(Json.RequiredStr(body, "event_id", "the id of a recurring event"));
        if (!calendarEvent.Recurring)
        {
            throw ApiError.BadRequest($"Event '{calendarEvent.Id}' is not a recurring event");
        }

        return ApiResult.Ok(new JsonObject { ["message"] = "The next occurrence was rescheduled", ["success"] = true });
    }

    private static DateTimeOffset? QueryTime(ApiCall call, string name)
    {
        var value = call.Query(name);
        if (value is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw ApiError.BadRequest($"Query parameter '{name}' must be an ISO 8601 date-time; got '{value}'.");
    }

    private JsonObject EventBody(SimCalendarEvent e)
    {
        var scheduled = new JsonArray();
        if (e.BotId is { } botId && bots.Find(botId) is { } bot)
        {
            scheduled.Add((JsonNode)new JsonObject { ["bot_id"] = bot.Id, ["status"] = bot.Status, ["join_at"] = bot.JoinAt is { } at ? Json.Iso(at) : null, ["schedule_id"] = e.ScheduleId });
        }

        return new JsonObject
        {
            ["id"] = e.Id,
            ["start_time"] = Json.Iso(e.Start),
            ["end_time"] = Json.Iso(e.End),
            ["calendar_id"] = e.CalendarId,
            ["platform"] = e.Provider,
            ["platform_id"] = e.Id[4..],
            ["ical_uid"] = $"{e.Id[4..]}@{(e.Provider == "google" ? "google.com" : "outlook.com")}",
            ["meeting_platform"] = e.MeetingPlatform,
            ["meeting_url"] = e.MeetingUrl,
            ["created_at"] = Json.Iso(e.CreatedAt),
            ["updated_at"] = Json.Iso(e.UpdatedAt),
            ["is_deleted"] = e.Deleted,
            ["raw"] = new JsonObject
            {
                ["summary"] = e.Title,
                ["start"] = new JsonObject { ["dateTime"] = Json.IsoZ(e.Start), ["timeZone"] = "UTC" },
                ["end"] = new JsonObject { ["dateTime"] = Json.IsoZ(e.End), ["timeZone"] = "UTC" },
                ["location"] = e.MeetingUrl,
                ["recurrence"] = e.Recurring ? new JsonArray("RRULE:FREQ=WEEKLY") : null,
                ["recurring_enabled"] = e.RecurringEnabled,
            },
            ["bots"] = scheduled,
        };
    }
}
