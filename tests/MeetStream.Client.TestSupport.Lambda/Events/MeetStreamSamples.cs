using System.Text.Json.Nodes;

namespace MeetStream.Client.Lambda.Tests.Infrastructure;

/// <summary>Realistic MeetStream payloads (spec §2.1, §2.2, §2.4, §3) for WireMock stubs and webhook deliveries.</summary>
public static class MeetStreamSamples
{
    public const string MeetingUrl = "https://meet.google.com/abc-defg-hij";

    public static JsonObject BotCreated(string botId, string? transcriptId, string status = "Active") => new()
    {
        ["bot_id"] = botId,
        ["transcript_id"] = transcriptId,
        ["meeting_url"] = MeetingUrl,
        ["status"] = status,
    };

    public static JsonObject Details(string botId, string? transcriptId, string status = "Done") => new()
    {
        ["bot_details"] = new JsonObject
        {
            ["BotID"] = botId,
            ["BotImageURL"] = null,
            ["BotMessage"] = "Notetaker is recording this meeting",
            ["BotUsername"] = "Notetaker",
            ["CreatedAt"] = "2026-11-21T11:55:00Z",
            ["StartTime"] = "2026-11-21T12:00:04Z",
            ["EndTime"] = "2026-11-21T12:45:31Z",
            ["Duration"] = "2727",
            ["LastUpdatedAt"] = 1795265131,
            ["ManifestStatus"] = "Success",
            ["MeetingLink"] = MeetingUrl,
            ["Platform"] = "GMeet",
            ["Status"] = status,
            ["UserID"] = "user-7",
            ["AudioStatus"] = "Success",
            ["TranscriptStatus"] = "Success",
            ["StatusTimeline"] = new JsonObject
            {
                ["Joining"] = new JsonObject { ["message"] = "Bot is joining the meeting", ["status"] = true, ["timestamp"] = "2026-11-21T12:00:01Z" },
                ["Stopped"] = new JsonObject { ["message"] = "Bot left the meeting", ["status"] = true, ["timestamp"] = "2026-11-21T12:45:31Z" },
            },
            ["custom_attributes"] = new JsonObject { ["calendar_event_id"] = "cal-42" },
            ["transcript_id"] = transcriptId,
        },
    };

    public static JsonObject Status(string botId, string status) => new()
    {
        ["bot_id"] = botId,
        ["status"] = status,
        ["custom_attributes"] = new JsonObject { ["calendar_event_id"] = "cal-42" },
    };

    public static JsonObject Transcriptions(string botId, params (string Id, string Status, string CreatedAt)[] runs) => new()
    {
        ["bot_id"] = botId,
        ["transcriptions"] = new JsonArray(runs.Select(r => (JsonNode)new JsonObject
        {
            ["transcript_id"] = r.Id,
            ["provider"] = "meetstream",
            ["status"] = r.Status,
            ["created_at"] = r.CreatedAt,
            ["config"] = new JsonObject { ["language"] = "auto" },
            ["download_urls"] = r.Status == "Success"
                ? new JsonObject { ["raw_transcript"] = "https://s3.example/raw.json?sig=1", ["processed_transcript"] = "https://s3.example/processed.json?sig=1" }
                : null,
        }).ToArray()),
    };

    public static JsonArray Transcript() => new()
    {
        new JsonObject
        {
            ["speaker"] = "Alice Chen",
            ["transcript"] = "Good morning, everyone. Café first?",
            ["start_time"] = 1.04,
            ["end_time"] = 3.9,
            ["absolute_start_time"] = "2026-11-21T12:00:05.040Z",
            ["absolute_end_time"] = "2026-11-21T12:00:07.900Z",
            ["words"] = new JsonArray
            {
                new JsonObject { ["word"] = "good", ["punctuated_word"] = "Good", ["start"] = 1.04, ["end"] = 1.3, ["confidence"] = 0.99, ["speaker"] = 0, ["speaker_confidence"] = 0.91 },
            },
        },
        new JsonObject
        {
            ["speaker"] = "Bob Martin",
            ["transcript"] = "Morning! Shall we start?",
            ["start_time"] = 4.5,
            ["end_time"] = 6.25,
            ["absolute_start_time"] = "2026-11-21T12:00:08.500Z",
            ["absolute_end_time"] = "2026-11-21T12:00:10.250Z",
            ["words"] = new JsonArray(),
        },
    };

    /// <summary>A lifecycle webhook body as production sends it (both <c>event</c> and <c>bot_event</c>).</summary>
    public static JsonObject Lifecycle(string botId, string botEvent, string botStatus, DateTimeOffset timestamp, string? genericEvent = null, int statusCode = 200, string message = "") => new()
    {
        ["event"] = genericEvent ?? botEvent,
        ["bot_event"] = botEvent,
        ["bot_id"] = botId,
        ["bot_status"] = botStatus,
        ["message"] = message.Length > 0 ? message : "Bot status " + botStatus,
        ["status_code"] = statusCode,
        ["timestamp"] = timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff+00:00", System.Globalization.CultureInfo.InvariantCulture),
        ["custom_attributes"] = new JsonObject { ["calendar_event_id"] = "cal-42", ["user_id"] = "user-7" },
    };

    public static JsonObject TranscriptionProcessed(string botId, DateTimeOffset timestamp) => new()
    {
        ["event"] = "transcription.processed",
        ["bot_event"] = "transcription.processed",
        ["bot_id"] = botId,
        ["status_code"] = 200,
        ["transcript_status"] = "Success",
        ["message"] = "Transcription completed successfully",
        ["timestamp"] = timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff+00:00", System.Globalization.CultureInfo.InvariantCulture),
        ["custom_attributes"] = new JsonObject { ["calendar_event_id"] = "cal-42" },
    };

    public static JsonObject TranscriptionFailed(string botId, DateTimeOffset timestamp) => new()
    {
        ["event"] = "transcription.failed",
        ["bot_event"] = "transcription.failed",
        ["bot_id"] = botId,
        ["status_code"] = 500,
        ["status"] = "error",
        ["transcript_status"] = "Failed",
        ["message"] = "Transcript processing error: Deepgram API error: 401",
        ["timestamp"] = timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff+00:00", System.Globalization.CultureInfo.InvariantCulture),
    };

    public static JsonObject AudioProcessed(string botId, DateTimeOffset timestamp) => new()
    {
        ["event"] = "audio.processed",
        ["bot_event"] = "audio.processed",
        ["bot_id"] = botId,
        ["status"] = "success",
        ["audio_status"] = "Success",
        ["status_code"] = 200,
        ["message"] = "Audio processing completed successfully",
        ["timestamp"] = timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff+00:00", System.Globalization.CultureInfo.InvariantCulture),
    };
}
