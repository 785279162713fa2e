using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace MeetStream.Client.Testing;

/// <summary>Calendar integration (§2.5): connections with seeded events, scheduling bots on events, auto-join and scheduled bots.</summary>
internal sealed partial class SimulatorEngine
{
    private readonly List<SimCalendarConnection> _connections = [];
    private readonly Dictionary<string, SimCalendarEvent> _events = new(StringComparer.Ordinal);
    private JsonObject? _autoScheduleConfig;
    private bool _autoScheduleEnabled;
    private int _autoScheduleGeneration;

    public ApiResult ConnectGoogle(ApiCall call)
    {
        var body = call.Body();
        Json.RequiredStr(body, "google_client_id", "the OAuth client id");
        Json.RequiredStr(body, "google_client_secret", "the OAuth client secret");
        var token = Json.RequiredStr(body, "google_refresh_token", "a refresh token with offline access");
        var account = $"calendar.user.{Hash(token)}@example.com";
        var connection = Connect("google", account, token, replace: true);
        return ApiResult.Ok(ConnectedBody(connection));
    }

    public ApiResult ConnectOutlook(ApiCall call)
    {
        var body = call.Body();
        Json.RequiredStr(body, "microsoft_client_id", "the Azure app's client id");
        Json.RequiredStr(body, "microsoft_client_secret", "the Azure app's client secret");
        var token = Json.RequiredStr(body, "microsoft_refresh_token", "a refresh token with offline_access");
        var replace = Json.Bool(body, "replace") ?? false;
        if (!replace && _connections.Any(c => c.Provider == "outlook"))
        {
            throw ApiError.Conflict("An Outlook calendar is already connected; send \"replace\": true to replace it");
        }

        if (replace)
        {
            foreach (var existing in _connections.Where(c => c.Provider == "outlook").ToArray())
            {
                RemoveConnection(existing, purgeEvents: true);
            }
        }

        var connection = Connect("outlook", $"outlook.user.{Hash(token)}@example.com", token, replace: false);
        return ApiResult.Ok(ConnectedBody(connection));
    }

    public ApiResult DisconnectWithCredentials(ApiCall call)
    {
        var body = call.Body();
        Json.RequiredStr(body, "google_client_id", "the OAuth client id");
        Json.RequiredStr(body, "google_client_secret", "the OAuth client secret");
        var token = Json.RequiredStr(body, "google_refresh_token", "the refresh token used to connect");
        var connection = _connections.FirstOrDefault(c => c.Provider == "google" && c.Credential == token)
            ?? throw ApiError.NotFound("No Google calendar is connected with these credentials");
        var (events, schedules) = RemoveConnection(connection, purgeEvents: true);
        return ApiResult.Ok(new JsonObject { ["message"] = $"Calendar disconnected; {events} events deleted and {schedules} schedules cancelled", ["success"] = true });
    }

    public ApiResult Disconnect(ApiCall call)
    {
        if (_connections.Count == 0)
        {
            throw ApiError.NotFound("No calendar is connected");
        }

        int events = 0, schedules = 0;
        foreach (var connection in _connections.ToArray())
        {
            var (e, s) = RemoveConnection(connection, purgeEvents: true);
            events += e;
            schedules += s;
        }

        return ApiResult.Ok(new JsonObject
        {
            ["disconnected"] = true,
            ["user_id"] = UserId,
            ["watch_channel_stopped"] = true,
            ["events_deleted"] = events,
            ["schedules_cancelled"] = schedules,
            ["message"] = "Calendar disconnected: watches stopped, pending schedules cancelled, synced events and credentials deleted",
        });
    }

    public ApiResult ListCalendars(ApiCall call)
    {
        var connections = FilterConnections(call);
        var calendars = connections.SelectMany(c => c.Calendars.Select(cal => (JsonNode?)CalendarBody(c, cal))).ToList();
        return ApiResult.Ok(new JsonObject { ["total"] = calendars.Count, ["user_id"] = UserId, ["calendars"] = Json.Array(calendars) });
    }

    public ApiResult ListConnections(ApiCall call) => ApiResult.Ok(new JsonObject
    {
        ["connections"] = Json.Array(_connections.Select(c => (JsonNode?)new JsonObject
        {
            ["provider"] = c.Provider,
            ["account_id"] = c.AccountId,
            ["user_name"] = c.UserName,
            ["calendars_count"] = c.Calendars.Count,
            ["connected_at"] = Json.Iso(c.CreatedAt),
        })),
    });

    public ApiResult RemoveConnection(ApiCall call)
    {
        var provider = call.PathValue("provider");
        var account = call.PathValue("account_id");
        var connection = _connections.FirstOrDefault(c => c.Provider == provider && string.Equals(c.AccountId, account, StringComparison.OrdinalIgnoreCase))
            ?? throw ApiError.NotFound($"No {provider} calendar connection for '{account}'");
        var purge = call.QueryBool("purge_events") ?? true;
        var (events, schedules) = RemoveConnection(connection, purge);
        return ApiResult.Ok(new JsonObject
        {
            ["message"] = purge ? $"Connection removed; {events} events deleted and {schedules} schedules cancelled" : "Connection removed; event history kept",
            ["success"] = true,
        });
    }

    public ApiResult ListEvents(ApiCall call)
    {
        var connections = FilterConnections(call);
        var calendarId = call.Query("calendar_id");
        var min = QueryTime(call, "time_min");
        var max = QueryTime(call, "time_max");
        call.QueryBool("sync");
        var limit = call.QueryInt("limit", 1, 250) ?? Options.PageSize;
        var offset = call.Query("cursor") is { Length: > 0 } cursor
            ? int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : throw ApiError.BadRequest($"cursor '{cursor}' is not a cursor this API returned")
            : 0;
        var accounts = connections.Select(c => (c.Provider, c.AccountId)).ToHashSet();
        var matching = _events.Values
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
            return new Uri(ServerRoot, "api/v1" + call.Route + "?" + string.Join('&', query)).ToString();
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
        var calendarEvent = FindEvent(call.PathValue("event_id"));
        var body = call.OptionalBody() ?? [];
        var config = Json.Obj(body, "bot_config") ?? (JsonObject?)_autoScheduleConfig?.DeepClone() ?? new JsonObject { ["bot_name"] = "MeetStream Notetaker" };
        var occurrence = Json.Time(body, "occurrence_date");
        Json.Bool(body, "schedule_all_occurrences");
        Json.Bool(body, "recurring_event");
        if (Json.Int(body, "occurrence_limit") is < 1 or > 52)
        {
            throw ApiError.BadRequest("occurrence_limit must be between 1 and 52");
        }

        if (calendarEvent.BotId is { } existingBot && _bots.ContainsKey(existingBot))
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

        var (bot, joinAt) = ScheduleBotOn(calendarEvent, config);
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
        var calendarEvent = FindEvent(call.PathValue("event_id"));
        var body = call.OptionalBody();
        var all = Json.Bool(body, "cancel_all_occurrences") ?? false;
        Json.Time(body, "from_date");
        if (calendarEvent.BotId is not { } botId)
        {
            throw ApiError.NotFound("This event has no scheduled bot");
        }

        var scheduleId = calendarEvent.ScheduleId;
        var deleted = new JsonArray();
        if (_bots.TryGetValue(botId, out var bot) && bot.Status == "Scheduled")
        {
            RemoveBotRecord(bot);
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
        var calendarEvent = FindEvent(Json.RequiredStr(body, "event_id", "the id of a recurring event"));
        var enabled = Json.Bool(body, "recurring_enabled") ?? throw ApiError.BadRequest("recurring_enabled is required (true or false)");
        if (!calendarEvent.Recurring)
        {
            throw ApiError.BadRequest($"Event '{calendarEvent.Id}' is not a recurring event");
        }

        calendarEvent.RecurringEnabled = enabled;
        calendarEvent.UpdatedAt = Now;
        return ApiResult.Ok(new JsonObject { ["message"] = $"Recurring bot scheduling {(enabled ? "enabled" : "disabled")} for the event", ["success"] = true });
    }

    public ApiResult AutoReschedule(ApiCall call)
    {
        var body = call.Body();
        var calendarEvent = FindEvent(Json.RequiredStr(body, "event_id", "the id of a recurring event"));
        if (!calendarEvent.Recurring)
        {
            throw ApiError.BadRequest($"Event '{calendarEvent.Id}' is not a recurring event");
        }

        return ApiResult.Ok(new JsonObject { ["message"] = "The next occurrence was rescheduled", ["success"] = true });
    }

    public ApiResult EnableAutoSchedule(ApiCall call)
    {
        var body = call.Body();
        var config = Json.Obj(body, "default_bot_config") ?? throw ApiError.BadRequest("default_bot_config is required");
        if (string.IsNullOrWhiteSpace(Json.Str(config, "bot_name")))
        {
            throw ApiError.BadRequest("default_bot_config.bot_name is required");
        }

        _autoScheduleConfig = (JsonObject)config.DeepClone();
        _autoScheduleEnabled = true;
        var generation = ++_autoScheduleGeneration;
        var midnight = new DateTimeOffset(Now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        ScheduleAutoJoin(midnight, generation);
        return ApiResult.Ok(AutoScheduleBody("Auto-schedule enabled: every night at 00:00 UTC, bots are scheduled for the next 24 hours of events"));
    }

    public ApiResult DisableAutoSchedule(ApiCall call)
    {
        _autoScheduleEnabled = false;
        _autoScheduleGeneration++;
        return ApiResult.Ok(AutoScheduleBody("Auto-schedule disabled"));
    }

    public ApiResult GetAutoScheduleSettings(ApiCall call) =>
        ApiResult.Ok(AutoScheduleBody(_autoScheduleEnabled ? "Auto-schedule is enabled" : "Auto-schedule is disabled"));

    public ApiResult ListScheduledBots(ApiCall call)
    {
        var limit = call.QueryInt("limit", 1, 100) ?? 100;
        var bots = _botOrder.Where(b => b.Status == "Scheduled").OrderBy(b => b.JoinAt).Take(limit);
        return ApiResult.Ok(new JsonObject
        {
            ["scheduled_bots"] = Json.Array(bots.Select(b => (JsonNode?)new JsonObject
            {
                ["bot_id"] = b.Id,
                ["platform"] = b.Platform,
                ["status"] = b.Status,
                ["scheduled_join_time"] = Json.Iso(b.JoinAt!.Value),
                ["bot_username"] = b.BotName,
                ["meeting_link"] = b.MeetingLink,
                ["custom_attributes"] = b.CustomAttributes.DeepClone(),
                ["is_scheduled"] = true,
            })),
        });
    }

    public ApiResult RescheduleBot(ApiCall call)
    {
        var bot = FindBot(call);
        var body = call.Body();
        var time = Json.Time(body, "scheduled_join_time") ?? throw ApiError.BadRequest("scheduled_join_time is required: an ISO 8601 date-time with a timezone offset");
        var username = Json.Str(body, "bot_username");
        var attributes = Json.Obj(body, "custom_attributes");
        if (bot.Status != "Scheduled")
        {
            throw ApiError.BadRequest($"Cannot reschedule bot that has already joined (status {bot.Status})");
        }

        if (time <= Now)
        {
            throw ApiError.BadRequest("scheduled_join_time must be in the future");
        }

        var updated = new List<string> { "scheduled_join_time" };
        if (username is not null)
        {
            bot.BotName = username;
            updated.Add("bot_username");
        }

        if (attributes is not null)
        {
            foreach (var (key, value) in attributes)
            {
                if (value?.GetValueKind() != System.Text.Json.JsonValueKind.String)
                {
                    throw ApiError.BadRequest($"custom_attributes.{key} must be a string");
                }
            }

            bot.CustomAttributes = (JsonObject)attributes.DeepClone();
            updated.Add("custom_attributes");
        }

        bot.Version++;
        bot.JoinAt = time;
        bot.LastUpdatedAt = Now;
        AddTimeline(bot, "Scheduled", $"Bot rescheduled to join at {Json.Iso(time)}");
        After(bot, time - Now, "join", StartJoining);
        return ApiResult.Ok(new JsonObject
        {
            ["message"] = "Scheduled bot updated",
            ["bot_id"] = bot.Id,
            ["updated_fields"] = Json.Strings(updated),
            ["schedule_updated"] = true,
            ["success"] = true,
            ["scheduled_join_time"] = Json.Iso(time),
        });
    }

    public ApiResult DeleteScheduledBot(ApiCall call)
    {
        var bot = FindBot(call);
        if (bot.Status != "Scheduled")
        {
            throw ApiError.BadRequest($"The bot has already joined (status {bot.Status}); remove an active bot with GET /bots/{{bot_id}}/remove_bot");
        }

        RemoveBotRecord(bot);
        return ApiResult.Ok(new JsonObject { ["message"] = "Scheduled bot deleted", ["bot_id"] = bot.Id });
    }

    // ---- helpers ----

    private SimCalendarConnection Connect(string provider, string account, string credential, bool replace)
    {
        var existing = _connections.FirstOrDefault(c => c.Provider == provider && c.AccountId == account);
        if (existing is not null && replace)
        {
            return existing;
        }

        var connection = new SimCalendarConnection { Provider = provider, AccountId = account, UserName = "Calendar User " + account[..4], CreatedAt = Now, Credential = credential };
        connection.Calendars.Add((account, account, true));
        connection.Calendars.Add((provider == "google" ? $"team-{Hash(account)}@group.calendar.google.com" : $"AAMk{Hash(account)}", "Team events", false));
        _connections.Add(connection);

        var baseTime = new DateTimeOffset(Now.UtcDateTime.Date.AddHours(Now.UtcDateTime.Hour + 1), TimeSpan.Zero);
        (string Title, TimeSpan At, string Url, string Platform, bool Recurring)[] seed =
        [
            ("Weekly product sync", TimeSpan.FromHours(1), "https://meet.google.com/sim-prod-sync", "google_meet", true),
            ("Customer onboarding call", TimeSpan.FromDays(1), "https://zoom.us/j/9876543210?pwd=simulated", "zoom", false),
            ("Design review", TimeSpan.FromDays(2), "https://teams.microsoft.com/l/meetup-join/19%3asimulated%40thread.v2/0", "teams", false),
        ];
        foreach (var (title, at, url, platform, recurring) in seed)
        {
            var id = "evt_" + RandomHex(8);
            _events[id] = new SimCalendarEvent
            {
                Id = id,
                Provider = provider,
                AccountId = account,
                CalendarId = account,
                Title = title,
                Start = baseTime + at,
                End = baseTime + at + TimeSpan.FromMinutes(30),
                MeetingUrl = url,
                MeetingPlatform = platform,
                Recurring = recurring,
                RecurringEnabled = recurring,
                CreatedAt = Now,
                UpdatedAt = Now,
            };
        }

        return connection;
    }

    private (int Events, int Schedules) RemoveConnection(SimCalendarConnection connection, bool purgeEvents)
    {
        _connections.Remove(connection);
        int events = 0, schedules = 0;
        foreach (var calendarEvent in _events.Values.Where(e => e.Provider == connection.Provider && e.AccountId == connection.AccountId && !e.Deleted).ToArray())
        {
            if (calendarEvent.BotId is { } botId && _bots.TryGetValue(botId, out var bot) && bot.Status == "Scheduled")
            {
                RemoveBotRecord(bot);
                schedules++;
            }

            if (purgeEvents)
            {
                _events.Remove(calendarEvent.Id);
                events++;
            }
        }

        return (events, schedules);
    }

    private (SimBot Bot, DateTimeOffset JoinAt) ScheduleBotOn(SimCalendarEvent calendarEvent, JsonObject config)
    {
        var joinAt = calendarEvent.Start - TimeSpan.FromMinutes(1);
        if (joinAt < Now)
        {
            joinAt = Now;
        }

        var body = (JsonObject)config.DeepClone();
        body.Remove("audio_required");
        body.Remove("transcription");
        body["meeting_link"] = calendarEvent.MeetingUrl;
        body["join_at"] = Json.Iso(joinAt);
        if (string.IsNullOrWhiteSpace(Json.Str(body, "bot_name")))
        {
            body["bot_name"] = "MeetStream Notetaker";
        }

        var parsed = CreateBotParser.Parse(body);
        if (parsed.DeduplicationKey is { } dedup && _deduplicationKeys.ContainsKey(dedup))
        {
            throw ApiError.Conflict($"bot_config.deduplication_key is already bound to bot {_deduplicationKeys[dedup]}");
        }

        var bot = AddBot(body, parsed, null, out _);
        calendarEvent.BotId = bot.Id;
        calendarEvent.ScheduleId = "sch_" + RandomHex(8);
        calendarEvent.ScheduleGroup = "grp_" + calendarEvent.Id;
        calendarEvent.UpdatedAt = Now;
        return (bot, joinAt);
    }

    private void ScheduleAutoJoin(DateTimeOffset at, int generation)
    {
        Clock.Schedule(at, "calendar auto-schedule", () =>
        {
            lock (Gate)
            {
                if (!_autoScheduleEnabled || generation != _autoScheduleGeneration || _autoScheduleConfig is null)
                {
                    return;
                }

                foreach (var calendarEvent in _events.Values.Where(e => !e.Deleted && e.BotId is null && e.Start > Now && e.Start <= Now + TimeSpan.FromDays(1)).OrderBy(e => e.Start).ToArray())
                {
                    try
                    {
                        ScheduleBotOn(calendarEvent, _autoScheduleConfig);
                    }
                    catch (ApiError error)
                    {
                        Journal.AddError($"Auto-schedule skipped event {calendarEvent.Id}: {error.Message}");
                    }
                }

                ScheduleAutoJoin(at + TimeSpan.FromDays(1), generation);
            }

            NotifyChanged();
        });
    }

    private void RemoveBotRecord(SimBot bot)
    {
        bot.Version++;
        ReleaseLogin(bot);
        _bots.Remove(bot.Id);
        _botOrder.Remove(bot);
        foreach (var transcript in _transcripts.Values.Where(t => t.BotId == bot.Id).ToArray())
        {
            _transcripts.Remove(transcript.Id);
        }

        foreach (var calendarEvent in _events.Values.Where(e => e.BotId == bot.Id))
        {
            calendarEvent.BotId = calendarEvent.ScheduleId = calendarEvent.ScheduleGroup = null;
        }
    }

    private List<SimCalendarConnection> FilterConnections(ApiCall call)
    {
        var provider = call.Query("provider");
        var account = call.Query("account_id");
        if (account is not null && provider is null)
        {
            throw ApiError.BadRequest("account_id requires provider (google or outlook)");
        }

        if (provider is not null && provider is not ("google" or "outlook"))
        {
            throw ApiError.BadRequest($"provider must be google or outlook; got '{provider}'");
        }

        if (_connections.Count == 0)
        {
            throw ApiError.NotFound("No calendar is connected; connect one with POST /calendar/create_calendar or /calendar/create_outlook_calendar");
        }

        return _connections.Where(c => (provider is null || c.Provider == provider) && (account is null || string.Equals(c.AccountId, account, StringComparison.OrdinalIgnoreCase))).ToList();
    }

    private SimCalendarEvent FindEvent(string id) =>
        _events.TryGetValue(id, out var calendarEvent) && !calendarEvent.Deleted ? calendarEvent : throw ApiError.NotFound($"Calendar event '{id}' not found");

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

    private JsonObject ConnectedBody(SimCalendarConnection connection)
    {
        var calendars = connection.Calendars.Select(c => (JsonNode?)CalendarBody(connection, c)).ToList();
        return new JsonObject
        {
            ["calendar_id"] = connection.AccountId,
            ["platform"] = connection.Provider,
            ["user_email"] = connection.AccountId,
            ["user_name"] = connection.UserName,
            ["primary_calendar_id"] = connection.AccountId,
            ["message"] = $"{(connection.Provider == "google" ? "Google" : "Outlook")} calendar connected",
            ["calendars"] = Json.Array(calendars),
            ["watch_setup"] = new JsonObject
            {
                ["success"] = true,
                ["status"] = "active",
                ["watches_setup"] = connection.Calendars.Count,
                ["message"] = "Push notifications set up for every calendar",
                ["failed_calendars"] = new JsonArray(),
                ["watch_results"] = Json.Array(connection.Calendars.Select(c => (JsonNode?)new JsonObject
                {
                    ["calendar_id"] = c.Id,
                    ["calendar_summary"] = c.Summary,
                    ["channel_id"] = "chan_" + Hash(c.Id),
                    ["expiration"] = (Now + TimeSpan.FromDays(7)).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                })),
            },
            ["events_fetched"] = _events.Values.Count(e => e.Provider == connection.Provider && e.AccountId == connection.AccountId),
            ["calendars_processed"] = connection.Calendars.Count,
        };
    }

    private static JsonObject CalendarBody(SimCalendarConnection connection, (string Id, string Summary, bool Primary) calendar) => new()
    {
        ["id"] = calendar.Id,
        ["summary"] = calendar.Summary,
        ["description"] = calendar.Primary ? "Primary calendar" : "Shared team calendar",
        ["isPrimary"] = calendar.Primary,
        ["accessRole"] = calendar.Primary ? "owner" : "reader",
        ["timeZone"] = "UTC",
        ["backgroundColor"] = calendar.Primary ? "#9fe1e7" : "#f83a22",
        ["foregroundColor"] = "#000000",
        ["selected"] = true,
    };

    private JsonObject EventBody(SimCalendarEvent e)
    {
        var bots = new JsonArray();
        if (e.BotId is { } botId && _bots.TryGetValue(botId, out var bot))
        {
            bots.Add((JsonNode)new JsonObject { ["bot_id"] = bot.Id, ["status"] = bot.Status, ["join_at"] = bot.JoinAt is { } at ? Json.Iso(at) : null, ["schedule_id"] = e.ScheduleId });
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
            ["bots"] = bots,
        };
    }

    private JsonObject AutoScheduleBody(string message) => new()
    {
        ["message"] = message,
        ["auto_schedule_enabled"] = _autoScheduleEnabled,
        ["default_bot_config"] = _autoScheduleConfig?.DeepClone(),
    };

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8].ToLowerInvariant();
}
