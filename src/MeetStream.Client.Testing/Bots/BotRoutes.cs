using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace MeetStream.Client.Testing;

/// <summary>The bot endpoints (§2.1, §2.2): create with idempotency and deduplication, list, status, detail, remove and delete data.</summary>
internal sealed class BotRoutes(BotStore bots, BotFactory factory, BotLifecycle lifecycle, BotPostProcessing postProcessing, BotResponses responses, int pageSize)
{
    public ApiResult CreateBot(ApiCall call)
    {
        var idempotencyKey = call.Header("Idempotency-Key")?.Trim();
        if (idempotencyKey is { Length: > 0 } && bots.ByIdempotencyKey(idempotencyKey) is { } replay)
        {
            return new ApiResult(507, BotResponses.Created(replay, replay.Status));
        }

        var body = call.Body();
        var parsed = CreateBotParser.Parse(body);

        if (idempotencyKey is not { Length: > 0 } && parsed.DeduplicationKey is { } dedup && bots.ByDeduplicationKey(dedup) is { } existing)
        {
            if (!string.Equals(existing.MeetingLink, parsed.MeetingLink, StringComparison.Ordinal))
            {
                throw ApiError.Conflict($"deduplication_key is already bound to bot {existing.Id} for a different meeting");
            }

            return ApiResult.Ok(BotResponses.Created(existing, existing.Status));
        }

        factory.Create(body, parsed, idempotencyKey is { Length: > 0 } ? idempotencyKey : null, out var created);
        return ApiResult.Created(created);
    }

    public ApiResult ListBots(ApiCall call)
    {
        var status = call.Query("status");
        var platform = call.Query("platform");
        var from = DateParam(call, "from");
        var to = DateParam(call, "to");
        var filters = new List<(string Key, string Value)>();
        foreach (var (name, value) in call.QueryPairs())
        {
            if (name.StartsWith("custom_attr[", StringComparison.Ordinal) && name.EndsWith(']'))
            {
                filters.Add((name["custom_attr[".Length..^1], value));
            }
        }

        var limit = call.QueryInt("limit", 1, 1000) ?? pageSize;
        var offset = 0;
        if (call.Query("cursor") is { Length: > 0 } cursor)
        {
            offset = DecodeCursor(cursor) ?? throw ApiError.BadRequest($"cursor '{cursor}' is not a cursor this API returned");
        }

        var matching = bots.InOrder.Reverse().Where(b =>
            (status is null || string.Equals(b.Status, status, StringComparison.OrdinalIgnoreCase))
            && (platform is null || string.Equals(b.Platform, platform, StringComparison.OrdinalIgnoreCase))
            && (from is null || DateOnly.FromDateTime(b.CreatedAt.UtcDateTime) >= from)
            && (to is null || DateOnly.FromDateTime(b.CreatedAt.UtcDateTime) <= to)
            && filters.All(f => b.CustomAttributes.TryGetPropertyValue(f.Key, out var v) && string.Equals(Json.ValueText(v), f.Value, StringComparison.Ordinal))).ToList();
        var page = matching.Skip(offset).Take(limit).ToList();
        var hasNext = offset + page.Count < matching.Count;
        return ApiResult.Ok(new JsonObject
        {
            ["bots"] = Json.Array(page.Select(b => (JsonNode?)BotResponses.ListItem(b))),
            ["hasNextPage"] = hasNext,
            ["nextCursor"] = hasNext ? EncodeCursor(offset + page.Count) : null,
        });
    }

    public ApiResult GetStatus(ApiCall call)
    {
        var bot = bots.Find(call);
        return ApiResult.Ok(new JsonObject { ["bot_id"] = bot.Id, ["status"] = bot.Status, ["custom_attributes"] = bot.CustomAttributes.DeepClone() });
    }

    public ApiResult GetDetail(ApiCall call) => ApiResult.Ok(new JsonObject { ["bot_details"] = responses.Detail(bots.Find(call)) });

    public ApiResult RemoveBot(ApiCall call)
    {
        var bot = bots.Find(call);
        if (bot.Status == "Scheduled")
        {
            throw ApiError.Conflict("The bot is scheduled and has not joined yet; cancel it with DELETE /calendar/scheduled_bots/{bot_id}");
        }

        if (bot.Left || bot.Status == "Leaving")
        {
            throw ApiError.Conflict($"The bot is not in a meeting (status {bot.Status})");
        }

        lifecycle.Leave(bot, "bot.stopped");
        return ApiResult.Ok(new JsonObject { ["message"] = "Bot removal initiated; it is leaving the meeting" });
    }

    public ApiResult DeleteData(ApiCall call)
    {
        var bot = bots.Find(call);
        if (!bot.Left)
        {
            throw ApiError.Conflict($"The bot is still active (status {bot.Status}); remove it from the meeting first");
        }

        if (bot.MediaDeleted)
        {
            throw ApiError.NotFound("The bot's data was already deleted");
        }

        var deleted = postProcessing.DeleteMedia(bot, "Bot data deleted on request");
        return ApiResult.Ok(new JsonObject { ["message"] = "Bot data deleted successfully", ["bot_id"] = bot.Id, ["deleted_objects"] = deleted });
    }

    private static DateOnly? DateParam(ApiCall call, string name)
    {
        var value = call.Query(name);
        if (value is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw ApiError.BadRequest($"Query parameter '{name}' must be a date in YYYY-MM-DD form; got '{value}'.");
    }

    private static string EncodeCursor(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes("o:" + offset.ToString(CultureInfo.InvariantCulture))).TrimEnd('=');

    private static int? DecodeCursor(string cursor)
    {
        try
        {
            var padded = cursor.PadRight(cursor.Length + ((4 - (cursor.Length % 4)) % 4), '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            return text.StartsWith("o:", StringComparison.Ordinal) && int.TryParse(text[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
