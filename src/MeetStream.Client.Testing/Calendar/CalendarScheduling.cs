using System.Text.Json.Nodes;

namespace MeetStream.Client.Testing;

/// <summary>
/// Bots on calendar events: scheduling one on an event (by hand or by the nightly auto-schedule run), and cancelling
/// scheduled bots when their event is unscheduled or their connection removed.
/// </summary>
internal sealed class CalendarScheduling(SimulatorEngine engine, CalendarStore calendar, BotStore bots, BotFactory factory, LoginStore logins, TranscriptStore transcripts)
{
    /// <summary>Removes a connection, cancelling its scheduled bots and (when <paramref name="purgeEvents"/>) deleting its events.</summary>
    public (int Events, int Schedules) RemoveConnection(SimCalendarConnection connection, bool purgeEvents)
    {
        calendar.Remove(connection);
        int events = 0, schedules = 0;
        foreach (var calendarEvent in calendar.Events.Where(e => e.Provider == connection.Provider && e.AccountId == connection.AccountId && !e.Deleted).ToArray())
        {
            if (calendarEvent.BotId is { } botId && bots.Find(botId) is { Status: "Scheduled" } bot)
            {
                RemoveBot(bot);
                schedules++;
            }

            if (purgeEvents)
            {
                calendar.RemoveEvent(calendarEvent);
                events++;
            }
        }

        return (events, schedules);
    }

    public (SimBot Bot, DateTimeOffset JoinAt) ScheduleBotOn(SimCalendarEvent calendarEvent, JsonObject config)
    {
        var joinAt = calendarEvent.Start - TimeSpan.FromMinutes(1);
        if (joinAt < engine.Now)
        {
            joinAt = engine.Now;
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
        if (parsed.DeduplicationKey is { } dedup && bots.DeduplicationOwner(dedup) is { } owner)
        {
            throw ApiError.Conflict($"bot_config.deduplication_key is already bound to bot {owner}");
        }

        var bot = factory.Create(body, parsed, null, out _);
        calendarEvent.BotId = bot.Id;
        calendarEvent.ScheduleId = "sch_" + SimulatorIds.RandomHex(8);
        calendarEvent.ScheduleGroup = "grp_" + calendarEvent.Id;
        calendarEvent.UpdatedAt = engine.Now;
        return (bot, joinAt);
    }

    public void ScheduleAutoJoin(DateTimeOffset at, int generation)
    {
        engine.Schedule(at, "calendar auto-schedule", () =>
        {
            if (!calendar.AutoScheduleEnabled || generation != calendar.AutoScheduleGeneration || calendar.AutoScheduleConfig is not { } config)
            {
                return false;
            }

            var now = engine.Now;
            foreach (var calendarEvent in calendar.Events.Where(e => !e.Deleted && e.BotId is null && e.Start > now && e.Start <= now + TimeSpan.FromDays(1)).OrderBy(e => e.Start).ToArray())
            {
                try
                {
                    ScheduleBotOn(calendarEvent, config);
                }
                catch (ApiError error)
                {
                    engine.Journal.AddError($"Auto-schedule skipped event {calendarEvent.Id}: {error.Message}");
                }
            }

            ScheduleAutoJoin(at + TimeSpan.FromDays(1), generation);
            return true;
        });
    }

    public void RemoveBot(SimBot bot)
    {
        bots.Remove(bot);
        logins.Release(bot);
        transcripts.Remove(bot);
        calendar.ClearBot(bot.Id);
    }
}
