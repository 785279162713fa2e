using System.Text.Json.Nodes;

namespace MeetStream.Client.Tests.Bots;

/// <summary>Realistic MeetStream bodies for the bot endpoints, built from the specification's full field lists.</summary>
internal static class BotSamples
{
    public const string BotId = "6667fd0c-1b2a-4c3d-9e8f-0a1b2c3d4e5f";
    public const string TranscriptId = "tr_9b8c7d6e-5f4a-3b2c-1d0e-f9e8d7c6b5a4";
    public const string MeetingUrl = "https://meet.google.com/abc-defg-hij";

    public static CreateBotRequest MinimalCreate() => new() { MeetingLink = MeetingUrl, BotName = "Notetaker" };

    public static JsonObject Created(string status = "Active") => new()
    {
        ["bot_id"] = BotId,
        ["transcript_id"] = TranscriptId,
        ["meeting_url"] = MeetingUrl,
        ["status"] = status,
    };

    public static JsonObject DetailRecord() => new()
    {
        ["BotID"] = BotId,
        ["BotImageURL"] = "https://cdn.example.com/bot.png",
        ["BotMessage"] = "Hi, I'm recording this meeting.",
        ["BotProfile"] = "default",
        ["BotUsername"] = "Notetaker",
        ["CreatedAt"] = "2026-05-26T10:00:01.123456+00:00",
        ["StartTime"] = "2026-05-26T10:00:20.000000+00:00",
        ["EndTime"] = "2026-05-26T10:45:03.000000+00:00",
        ["Duration"] = 2683.4,
        ["LastUpdatedAt"] = 1779789903,
        ["ManifestStatus"] = "Success",
        ["MeetingLink"] = MeetingUrl,
        ["NativeSTT"] = false,
        ["OfferingType"] = "api",
        ["Platform"] = "GMeet",
        ["Status"] = "Done",
        ["UserID"] = "user_42",
        ["RequestPayload"] = new JsonObject { ["meeting_link"] = MeetingUrl, ["bot_name"] = "Notetaker", ["video_required"] = false },
        ["StatusTimeline"] = new JsonObject
        {
            ["Joining"] = new JsonObject { ["message"] = "Bot is joining the meeting", ["status"] = true, ["timestamp"] = "2026-05-26T10:00:05+00:00" },
            ["InMeeting"] = new JsonObject { ["message"] = "Bot joined the meeting", ["status"] = true, ["timestamp"] = "2026-05-26T10:00:20+00:00" },
            ["BotRejected"] = new JsonObject { ["message"] = "", ["status"] = false, ["timestamp"] = null },
        },
        ["custom_attributes"] = new JsonObject { ["team"] = "sales", ["crm_id"] = "42" },
        ["caption_file"] = new JsonObject { ["available"] = true, ["s3_url"] = "https://bucket.s3.amazonaws.com/captions.json?X-Amz-Signature=abc" },
        ["MediaS3Bucket"] = "meetstream-media-prod",
        ["PlatformCreatedAt"] = "GMeet#2026-05-26T10:00:01",
        ["PlatformStatusCreatedAt"] = "GMeet#Done#2026-05-26T10:00:01",
        ["StatusCreatedAt"] = "Done#2026-05-26T10:00:01",
        ["AudioStatus"] = "Success",
        ["TranscriptStatus"] = "Success",
        ["participant_events"] = new JsonArray(new JsonObject { ["action"] = "join", ["name"] = "Ada" }),
        ["transcript_id"] = TranscriptId,
    };

    public static JsonObject AudioStreams() => new()
    {
        ["bot_id"] = BotId,
        ["audio_status"] = "Success",
        ["audio_streams_available"] = true,
        ["participants"] = new JsonArray(new JsonObject
        {
            ["participant_name"] = "Ada Lovelace",
            ["streams"] = new JsonArray(new JsonObject
            {
                ["stream_id"] = "spaces/abc/devices/290",
                ["segments"] = new JsonArray(
                    new JsonObject { ["segment_index"] = 0, ["url"] = "https://s3.example.com/a0.webm?sig=1", ["filename"] = "ada_0.webm", ["duration_seconds"] = 612.48, ["sample_rate"] = 48000, ["channels"] = 1, ["codec"] = "opus" },
                    new JsonObject { ["segment_index"] = 1, ["url"] = "https://s3.example.com/a1.webm?sig=2", ["filename"] = "ada_1.webm", ["duration_seconds"] = 30.0, ["sample_rate"] = 48000, ["channels"] = 1, ["codec"] = "opus" }),
            }),
        }),
        ["summary"] = new JsonObject { ["total_participants"] = 1, ["total_segments"] = 2 },
        ["message"] = "Audio streams retrieved successfully",
    };

    public static JsonObject RecordingStreams() => new()
    {
        ["bot_id"] = BotId,
        ["video_status"] = "Success",
        ["recording_streams_available"] = true,
        ["participants"] = new JsonArray(new JsonObject
        {
            ["participant_name"] = "Ada Lovelace",
            ["streams"] = new JsonArray(new JsonObject
            {
                ["stream_id"] = "cam-290",
                ["segments"] = new JsonArray(new JsonObject { ["segment_index"] = 0, ["url"] = "https://s3.example.com/v0.webm?sig=1", ["filename"] = "ada_cam_0.webm", ["duration_seconds"] = 601.2, ["width"] = 1280, ["height"] = 720, ["codec"] = "vp8" }),
            }),
        }),
        ["screenshares"] = new JsonArray(new JsonObject
        {
            ["participant_name"] = "Ada Lovelace (presentation)",
            ["streams"] = new JsonArray(new JsonObject
            {
                ["stream_id"] = "screen-291",
                ["segments"] = new JsonArray(new JsonObject { ["segment_index"] = 0, ["url"] = "https://s3.example.com/s0.webm?sig=1", ["filename"] = "ada_screen_0.webm", ["duration_seconds"] = 120.5, ["width"] = 1920, ["height"] = 1080, ["codec"] = "vp8" }),
            }),
        }),
        ["summary"] = new JsonObject { ["total_participants"] = 1, ["total_screenshares"] = 1, ["total_segments"] = 2 },
    };

    public static JsonObject SpeakerTimeline() => new()
    {
        ["chunks"] = new JsonArray(
            new JsonObject { ["chunkIndex"] = 0, ["timestamp"] = "2026-05-26T10:00:21.000Z", ["sampleRate"] = 48000, ["speakerId"] = "spaces/abc/devices/290", ["speakerName"] = "Ada Lovelace", ["startByte"] = 0, ["endByte"] = 96000 },
            new JsonObject { ["chunkIndex"] = 1, ["timestamp"] = 1779789622000L, ["sampleRate"] = 48000, ["speakerId"] = "spaces/abc/devices/291", ["speakerName"] = "Alan Turing", ["startByte"] = 96000, ["endByte"] = 5000000000L }),
        ["lastUpdated"] = "2026-05-26T10:45:03.000Z",
        ["audioFilePath"] = "recordings/6667fd0c/audio.wav",
        ["totalFileSize"] = 5000000044L,
    };

    public static JsonObject Chats() => new()
    {
        ["metadata"] = new JsonObject
        {
            ["sessionId"] = "chat-session-1",
            ["startTime"] = "2026-05-26T10:00:20.000Z",
            ["lastUpdated"] = "2026-05-26T10:44:00.000Z",
            ["totalMessages"] = 2,
            ["uniqueSpeakers"] = 1,
            ["botId"] = BotId,
            ["meetingId"] = "abc-defg-hij",
        },
        ["speakers"] = new JsonArray(new JsonObject { ["deviceId"] = "spaces/abc/devices/290", ["name"] = "Ada", ["displayName"] = "Ada Lovelace", ["messageCount"] = 2 }),
        ["chatMessages"] = new JsonArray(
            new JsonObject
            {
                ["messageId"] = "m-1", ["deviceId"] = "spaces/abc/devices/290", ["timestamp"] = "2026-05-26T10:05:00.000Z", ["text"] = "Agenda in the doc",
                ["speakerName"] = "Ada", ["speakerDisplayName"] = "Ada Lovelace", ["clientTimestamp"] = 1779789900123L, ["sessionTimestamp"] = 280.1,
            },
            new JsonObject
            {
                ["messageId"] = "m-2", ["deviceId"] = "spaces/abc/devices/290", ["timestamp"] = "2026-05-26T10:06:00.000Z", ["text"] = "Thanks!",
                ["speakerName"] = "Ada", ["speakerDisplayName"] = "Ada Lovelace", ["clientTimestamp"] = 1779789960456L, ["sessionTimestamp"] = 340.4,
            }),
        ["messagesBySpeaker"] = new JsonObject { ["spaces/abc/devices/290"] = new JsonArray("m-1", "m-2") },
        ["serverMetadata"] = new JsonObject { ["savedAt"] = "2026-05-26T10:45:10.000Z", ["serverBotId"] = BotId, ["serverMeetingId"] = "abc-defg-hij", ["serverVersion"] = "2.3.1" },
    };

    public static JsonArray Participants() => new(
        new JsonObject
        {
            ["deviceId"] = "spaces/abc/devices/290", ["displayName"] = "Ada Lovelace", ["fullName"] = "Ada King Lovelace", ["profilePicture"] = "https://lh3.googleusercontent.com/a/ada",
            ["status"] = 1, ["humanized_status"] = "in_meeting", ["streamIds"] = new JsonArray("s-1", "s-2"), ["lastUpdated"] = "2026-05-26T10:10:00.000Z", ["parentDeviceId"] = null,
        },
        new JsonObject
        {
            ["deviceId"] = "spaces/abc/devices/291", ["displayName"] = "Ada Lovelace (presentation)", ["fullName"] = "Ada King Lovelace", ["profilePicture"] = null,
            ["status"] = 2, ["humanized_status"] = "left", ["streamIds"] = new JsonArray(), ["lastUpdated"] = 1779789903000L, ["parentDeviceId"] = "spaces/abc/devices/290",
        });
}
