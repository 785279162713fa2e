using System.Globalization;
using System.Text.Json.Nodes;

namespace MeetStream.Client.Testing;

/// <summary>The JSON shapes of bots in responses, with every documented field (§2.1.3, §2.2).</summary>
internal sealed class BotResponses(TranscriptStore transcripts, ServedUrls urls, SimulatorClock clock, string userId)
{
    public static JsonObject Created(SimBot bot, string status) => new()
    {
        ["bot_id"] = bot.Id,
        ["transcript_id"] = bot.TranscriptId,
        ["meeting_url"] = bot.MeetingLink,
        ["status"] = status,
    };

    public static JsonObject ListItem(SimBot bot) => new()
    {
        ["bot_id"] = bot.Id,
        ["status"] = bot.Status,
        ["bot_name"] = bot.BotName,
        ["meeting_url"] = bot.MeetingLink,
        ["meeting_link"] = bot.MeetingLink,
        ["platform"] = bot.Platform,
        ["created_at"] = Json.Iso(bot.CreatedAt),
        ["updated_at"] = Json.Iso(bot.LastUpdatedAt),
        ["start_time"] = bot.StartTime is { } start ? Json.Iso(start) : null,
        ["end_time"] = bot.EndTime is { } end ? Json.Iso(end) : null,
        ["transcript_id"] = bot.TranscriptId,
        ["custom_attributes"] = bot.CustomAttributes.DeepClone(),
    };

    public JsonObject Detail(SimBot bot)
    {
        var timeline = new JsonObject();
        foreach (var (stage, entry) in bot.Timeline)
        {
            timeline[stage] = entry.DeepClone();
        }

        var captions = new JsonObject { ["available"] = bot.Transcription == TranscriptionKind.Captions && bot.AudioReady && !bot.MediaDeleted };
        if (bot.Transcription == TranscriptionKind.Captions && bot.AudioReady && !bot.MediaDeleted)
        {
            captions["url"] = urls.Media(bot.Id, "captions.json");
            captions["format"] = "json";
        }

        var duration = bot.StartTime is { } started ? ((bot.EndTime ?? clock.UtcNow) - started).TotalSeconds : 0;
        return new JsonObject
        {
            ["BotID"] = bot.Id,
            ["BotImageURL"] = bot.BotImageUrl ?? string.Empty,
            ["BotMessage"] = bot.BotMessage ?? string.Empty,
            ["BotProfile"] = new JsonObject { ["name"] = bot.BotName, ["image_url"] = bot.BotImageUrl },
            ["BotUsername"] = bot.BotName,
            ["CreatedAt"] = Json.Iso(bot.CreatedAt),
            ["StartTime"] = bot.StartTime is { } start ? Json.Iso(start) : string.Empty,
            ["EndTime"] = bot.EndTime is { } end ? Json.Iso(end) : string.Empty,
            ["Duration"] = Math.Round(duration).ToString(CultureInfo.InvariantCulture),
            ["LastUpdatedAt"] = bot.LastUpdatedAt.ToUnixTimeSeconds(),
            ["ManifestStatus"] = bot.ManifestReady || (bot.Done && bot.Recorded) ? "Success" : bot.Left && !bot.Recorded ? "Skipped" : "Pending",
            ["MeetingLink"] = bot.MeetingLink,
            ["NativeSTT"] = bot.Transcription == TranscriptionKind.Captions,
            ["OfferingType"] = bot.AgentConfigId is null ? "api" : "mia",
            ["Platform"] = bot.Platform,
            ["Status"] = bot.Status,
            ["UserID"] = userId,
            ["RequestPayload"] = bot.Request.DeepClone(),
            ["StatusTimeline"] = timeline,
            ["custom_attributes"] = bot.CustomAttributes.DeepClone(),
            ["caption_file"] = captions,
            ["MediaS3Bucket"] = "meetstream-simulator-media",
            ["PlatformCreatedAt"] = $"{bot.Platform}#{Json.Iso(bot.CreatedAt)}",
            ["PlatformStatusCreatedAt"] = $"{bot.Platform}#{bot.Status}#{Json.Iso(bot.CreatedAt)}",
            ["StatusCreatedAt"] = $"{bot.Status}#{Json.Iso(bot.CreatedAt)}",
            ["AudioStatus"] = bot.AudioReady ? "Success" : bot.MediaDeleted ? "Deleted" : "Pending",
            ["TranscriptStatus"] = transcripts.StatusOf(bot),
            ["participant_events"] = Json.Array(bot.ParticipantEvents.Select(e => e.DeepClone())),
            ["transcript_id"] = bot.TranscriptId,
        };
    }

    /// <summary>202 with <c>{field: "in_progress"}</c>: the artifact is not ready yet.</summary>
    public static ApiResult NotReady(string field, string message, SimBot bot)
    {
        return new ApiResult(202, new JsonObject
        {
            [field] = "in_progress",
            ["message"] = $"{message}. Current status: {bot.Status}",
        });
    }
}
