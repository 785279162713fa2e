namespace MeetStream.Client.Tests.Webhooks;

/// <summary>
/// Realistic webhook bodies, shaped like MeetStream's captured payloads (spec §3.2–§3.4, §4.4).
/// </summary>
public static class WebhookPayloads
{
    public const string BotId = "6667fd0c-0165-471a-a880-06a1180be377";

    public static string Lifecycle(string eventName, string? botStatus, string message, int statusCode = 200, string timestamp = "2026-02-27T07:11:51.863543+00:00") =>
        $$$"""
        {"event":"{{{eventName}}}","bot_event":"{{{eventName}}}","bot_id":"{{{BotId}}}","bot_status":{{{(botStatus is null ? "null" : "\"" + botStatus + "\"")}}},"message":"{{{message}}}","status_code":{{{statusCode}}},"timestamp":"{{{timestamp}}}","custom_attributes":{"tenant":"acme","meeting_ref":"mtg-42"}}
        """;

    public static string Stopped(string reason, string botStatus, int statusCode, string message) =>
        $$$"""
        {"event":"bot.stopped","bot_event":"{{{reason}}}","bot_id":"{{{BotId}}}","bot_status":"{{{botStatus}}}","message":"{{{message}}}","status_code":{{{statusCode}}},"timestamp":"2026-06-18T17:09:00.000Z","custom_attributes":{"tenant":"acme"}}
        """;

    public const string BotError = """
        {"event":"bot.error","bot_event":"bot.error","bot_id":"6667fd0c-0165-471a-a880-06a1180be377","bot_status":"InMeeting","message":"deepgram_streaming: Deepgram API error: insufficient funds"}
        """;

    public const string BotUploading = """
        {"event":"bot.uploading","bot_id":"6667fd0c-0165-471a-a880-06a1180be377","message":"Uploading media","status_code":200,"timestamp":"2026-06-18T17:09:10.000Z","custom_attributes":{"tenant":"acme"}}
        """;

    public const string BotTranscriptionReady = """
        {"event":"bot.transcriptionready","bot_id":"6667fd0c-0165-471a-a880-06a1180be377","message":"Transcription ready","status_code":200,"timestamp":"2026-06-18T17:09:40.000Z","custom_attributes":{"tenant":"acme"}}
        """;

    public const string ManifestCompleted = """
        {"event":"manifest.completed","bot_id":"6667fd0c-0165-471a-a880-06a1180be377","status":"success","manifest_status":"Success","message":"Manifest sealed","status_code":200,"timestamp":"2026-06-18T17:09:12.114Z","custom_attributes":{"tenant":"acme"}}
        """;

    public const string ManifestSkipped = """
        {"event":"manifest.skipped","bot_event":"manifest.skipped","bot_id":"6667fd0c-0165-471a-a880-06a1180be377","message":"Nothing recorded","timestamp":"2026-06-18T17:09:12.114Z"}
        """;

    public const string AudioProcessed = """
        {"event":"audio.processed","bot_event":"audio.processed","bot_id":"6667fd0c-0165-471a-a880-06a1180be377","status":"success","audio_status":"Success","message":"Audio processing completed successfully","status_code":200,"timestamp":"2026-06-18T17:10:02.500Z","custom_attributes":{"tenant":"acme"}}
        """;

    public const string AudioSkipped = """
        {"event":"audio.skipped","bot_event":"audio.skipped","bot_id":"6667fd0c-0165-471a-a880-06a1180be377","message":"No audio captured","timestamp":"2026-06-18T17:10:02.500Z"}
        """;

    public const string TranscriptionProcessed = """
        {"event":"transcription.processed","bot_event":"transcription.processed","bot_id":"5b0ff6e7-3cea-4c9f-a6b4-851c5f11cf4f","transcript_status":"Success","message":"Transcript processing completed successfully","status_code":200,"timestamp":"2026-06-18T17:11:30.000Z","custom_attributes":{"tenant":"acme"}}
        """;

    public const string TranscriptionFailed = """
        {"event":"transcription.failed","bot_event":"transcription.failed","bot_id":"6667fd0c-0165-471a-a880-06a1180be377","status":"error","transcript_status":"Failed","message":"Transcript processing error: Deepgram API error: 401","status_code":500,"timestamp":"2026-06-18T17:11:31.000Z","custom_attributes":{"tenant":"acme"}}
        """;

    public const string TranscriptionSkipped = """
        {"event":"transcription.skipped","bot_event":"transcription.skipped","bot_id":"6667fd0c-0165-471a-a880-06a1180be377","message":"Streaming-only provider","timestamp":"2026-06-18T17:11:31.000Z"}
        """;

    public const string VideoProcessed = """
        {"event":"video.processed","bot_event":"video.processed","bot_id":"6667fd0c-0165-471a-a880-06a1180be377","status":"success","video_status":"Success","message":"Video processing completed successfully","status_code":200,"timestamp":"2026-06-18T17:12:45.000Z","custom_attributes":{"tenant":"acme"}}
        """;

    public const string BotDoneFailed = """
        {"event":"bot.done","bot_event":"bot.done","bot_id":"6667fd0c-0165-471a-a880-06a1180be377","bot_status":"Done","message":"Error: media pipeline crashed","status_code":500,"timestamp":"2026-06-18T17:13:00.000Z","custom_attributes":{"tenant":"acme"}}
        """;

    public const string DataDeletion = """
        {"event":"data_deletion","bot_event":"data_deletion","bot_id":"6667fd0c-0165-471a-a880-06a1180be377","status":"success","deleted_objects":7,"message":"Bot data deleted per retention policy","status_code":200,"timestamp":"2026-06-19T17:13:00.000Z"}
        """;

    public const string ParticipantLeave = """
        {"event":"participant_events.leave","timestamp":"2026-05-26T10:11:14.990Z","data":{"data":{"action":"leave","participant":{"id":"spaces/AAQA1b2c3d4/devices/290","name":"Unknown","full_name":"Ada Lovelace","platform":"gmeet"},"timestamp":{"relative":50.792,"absolute":"2026-05-26T10:11:14.990Z"}},"bot":{"id":"6667fd0c-0165-471a-a880-06a1180be377","metadata":{}}},"custom_attributes":{"tenant":"acme"}}
        """;

    public const string ParticipantJoin = """
        {"event":"participant_events.join","timestamp":"2026-05-26T10:10:24.198Z","data":{"data":{"action":"join","participant":{"id":"spaces/AAQA1b2c3d4/devices/291","name":"Grace","full_name":"Grace Hopper","platform":"gmeet"},"timestamp":{"relative":0.0,"absolute":"2026-05-26T10:10:24.198Z"}},"bot":{"id":"6667fd0c-0165-471a-a880-06a1180be377","metadata":{"source":"calendar"}}},"custom_attributes":{"tenant":"acme"}}
        """;

    public const string LiveTranscript = """
        {"bot_id":"6667fd0c-0165-471a-a880-06a1180be377","speakerName":"Ada Lovelace","timestamp":"2026-05-26T10:11:02.412Z","new_text":"the engine","transcript":"Let us look at the engine","utterance":"","words":[{"word":"the","start":12.48,"end":12.6,"confidence":0,"speaker":"Ada Lovelace","punctuated_word":"the","speech_confidence":0},{"word":"engine","start":12.6,"end":13.02,"confidence":0,"speaker":"Ada Lovelace","punctuated_word":"engine.","speech_confidence":0}],"is_final":true,"end_of_turn":false,"turn_is_formatted":true,"transcription_mode":"sentence","custom_attributes":{"tenant":"acme"}}
        """;

    public const string LiveTranscriptGuideShape = """
        {"bot_id":"6667fd0c-0165-471a-a880-06a1180be377","speaker":"Speaker 1","timestamp":"2026-05-26T10:11:03.000Z","new_text":"Hello","transcript":"Hello","words":[{"word":"Hello","start":1.0,"end":1.4,"confidence":0.98,"speaker":1,"punctuated_word":"Hello","word_is_final":true}],"transcription_mode":"word"}
        """;
}
