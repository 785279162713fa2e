using System.Text.Json.Nodes;

namespace MeetStream.Client.Testing;

/// <summary>Scheduled bots (§2.5): the bots waiting to join, rescheduling one, cancelling one.</summary>
internal sealed class ScheduledBotRoutes(BotStore bots, CalendarScheduling scheduling, BotLifecycle lifecycle, SimulatorClock clock)
{
    public ApiResult List(ApiCall call)
    {
        var limit = call.QueryInt("limit", 1, 100) ?? 100;
        var scheduled = bots.InOrder.Where(b => b.Status == "Scheduled").OrderBy(b => b.JoinAt).Take(limit);
        return ApiResult.Ok(new JsonObject
        {
            ["scheduled_bots"] = Json.Array(scheduled.Select(b => (JsonNode?)new JsonObject
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

    public ApiResult Reschedule(ApiCall call)
    {
        var bot = bots.Find(call);
        var body = call.Body();
        var time = Json.Time(body, "scheduled_join_time") ?? throw ApiError.BadRequest("scheduled_join_time is required: an ISO 8601 date-time with a timezone offset");
        var username = Json.Str(body, "bot_username");
        var attributes = Json.Obj(body, "custom_attributes");
        if (bot.Status != "Scheduled")
        {
            throw ApiError.BadRequest($"Cannot reschedule bot that has already joined (status {bot.Status})");
        }

        if (time <= clock.UtcNow)
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

        lifecycle.Reschedule(bot, time);
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

    public ApiResult Delete(ApiCall call)
    {
        var bot = bots.Find(call);
        if (bot.Status != "Scheduled")
        {
            throw ApiError.BadRequest($"The bot has already joined (status {bot.Status}); remove an active bot with GET /bots/{{bot_id}}/remove_bot");
        }

        scheduling.RemoveBot(bot);
        return ApiResult.Ok(new JsonObject { ["message"] = "Scheduled bot deleted", ["bot_id"] = bot.Id });
    }
}
