using System.Text.Json.Nodes;

namespace MeetStream.Client.Testing;

/// <summary>Calendar auto-schedule (§2.5): a default bot config and a nightly run that schedules bots on the next 24 hours of events.</summary>
internal sealed class AutoScheduleRoutes(CalendarStore calendar, CalendarScheduling scheduling, SimulatorClock clock)
{
    public ApiResult Enable(ApiCall call)
    {
        var body = call.Body();
        var config = Json.Obj(body, "default_bot_config") ?? throw ApiError.BadRequest("default_bot_config is required");
        if (string.IsNullOrWhiteSpace(Json.Str(config, "bot_name")))
        {
            throw ApiError.BadRequest("default_bot_config.bot_name is required");
        }

        calendar.AutoScheduleConfig = (JsonObject)config.DeepClone();
        calendar.AutoScheduleEnabled = true;
        var generation = ++calendar.AutoScheduleGeneration;
        var midnight = new DateTimeOffset(clock.UtcNow.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        scheduling.ScheduleAutoJoin(midnight, generation);
        return ApiResult.Ok(AutoScheduleBody("Auto-schedule enabled: every night at 00:00 UTC, bots are scheduled for the next 24 hours of events"));
    }

    public ApiResult Disable(ApiCall call)
    {
        calendar.AutoScheduleEnabled = false;
        calendar.AutoScheduleGeneration++;
        return ApiResult.Ok(AutoScheduleBody("Auto-schedule disabled"));
    }

    public ApiResult Settings(ApiCall call) =>
        ApiResult.Ok(AutoScheduleBody(calendar.AutoScheduleEnabled ? "Auto-schedule is enabled" : "Auto-schedule is disabled"));

    private JsonObject AutoScheduleBody(string message) => new()
    {
        ["message"] = message,
        ["auto_schedule_enabled"] = calendar.AutoScheduleEnabled,
        ["default_bot_config"] = calendar.AutoScheduleConfig?.DeepClone(),
    };
}
