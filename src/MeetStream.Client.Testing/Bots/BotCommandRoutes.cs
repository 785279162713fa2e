using System.Globalization;
using System.Text.Json.Nodes;

namespace MeetStream.Client.Testing;

/// <summary>Commands to a bot in a meeting (§2.1.5–§2.1.8): pause/resume recording (rate-limited), chat message, image and MIA update.</summary>
internal sealed class BotCommandRoutes(BotStore bots, MeetingActivity meeting, SimulatorClock clock)
{
    public ApiResult Recording(ApiCall call, string command)
    {
        var bot = bots.Find(call);
        if (bot.Platform != "GMeet")
        {
            throw ApiError.BadRequest($"{command} is supported on Google Meet only; this bot is on {bot.Platform}");
        }

        bot.RecordingCommands.RemoveAll(t => clock.UtcNow - t >= TimeSpan.FromMinutes(1));
        if (bot.RecordingCommands.Count >= 30)
        {
            var retry = new ApiResult(429, new JsonObject { ["message"] = "Rate limit exceeded: at most 30 pause/resume requests per minute per bot" });
            retry.Headers["Retry-After"] = Math.Max(1, (int)Math.Ceiling((bot.RecordingCommands[0] + TimeSpan.FromMinutes(1) - clock.UtcNow).TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return retry;
        }

        if (bot.Left || bot.Status is "Scheduled" or "Joining" or "InWaitingRoom" or "Leaving")
        {
            throw ApiError.Conflict($"The bot is not in the meeting (status {bot.Status})");
        }

        if (bot.Status != "Recording")
        {
            throw new ApiError(503, "The bot is not recording yet");
        }

        bot.RecordingCommands.Add(clock.UtcNow);
        bot.Paused = command == "pause_recording";
        bot.RecordCommand(command, call.OptionalBody() ?? [], clock.UtcNow);
        return ApiResult.Ok(new JsonObject { ["status"] = "accepted", ["bot_id"] = bot.Id, ["command"] = command });
    }

    public ApiResult SendMessage(ApiCall call)
    {
        var bot = bots.Find(call);
        var body = call.Body();
        var message = Json.RequiredStr(body, "message", "the chat text");
        Json.Obj(body, "metadata");
        RequireInMeeting(bot);
        meeting.AddChat(bot, bot.Participants.First(p => p.IsBot), message);
        bot.RecordCommand("send_message", body, clock.UtcNow);
        return ApiResult.Ok(new JsonObject { ["status"] = "accepted", ["bot_id"] = bot.Id, ["command"] = "send_message" });
    }

    public ApiResult SendImage(ApiCall call)
    {
        var bot = bots.Find(call);
        var body = call.Body();
        var url = Json.RequiredStr(body, "img_url", "a public image URL (not base64)");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw ApiError.BadRequest("img_url must be a public http(s) URL, not base64 data");
        }

        if (Json.Int(body, "display_duration") is <= 0)
        {
            throw ApiError.BadRequest("display_duration must be a positive number of seconds");
        }

        RequireInMeeting(bot);
        bot.RecordCommand("send_image", body, clock.UtcNow);
        return ApiResult.Ok(new JsonObject { ["status"] = "accepted", ["bot_id"] = bot.Id, ["command"] = "send_image" });
    }

    public ApiResult UpdateMia(ApiCall call)
    {
        var bot = bots.Find(call);
        var body = call.Body();
        if (bot.AgentConfigId is null)
        {
            throw ApiError.BadRequest("This bot has no MIA agent (agent_config_id was not set on create)");
        }

        Json.Str(body, "system_prompt");
        Json.Bool(body, "wake_word_enabled");
        Json.Obj(body, "parameters");
        Json.Arr(body, "wake_words");
        RequireInMeeting(bot);
        bot.RecordCommand("update_mia", body, clock.UtcNow);
        return ApiResult.Ok(new JsonObject { ["status"] = "accepted", ["bot_id"] = bot.Id, ["command"] = "update_mia", ["message"] = "The agent session update was queued" });
    }

    private static void RequireInMeeting(SimBot bot)
    {
        if (!bot.IsInMeeting)
        {
            throw ApiError.Conflict($"The bot is not in the meeting (status {bot.Status})");
        }
    }
}
