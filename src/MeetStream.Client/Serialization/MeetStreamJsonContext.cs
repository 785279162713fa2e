using System.Text.Json;
using System.Text.Json.Serialization;

namespace MeetStream.Client.Serialization;

/// <summary>
/// The one source-generated JSON context of the SDK (no reflection: trimming and Native AOT safe).
/// Every model type is listed here, grouped by feature folder (the generator reads one declaration only).
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UseStringEnumConverter = false)]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonNode))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
[JsonSerializable(typeof(List<string>))]

// ---- Bots ----
[JsonSerializable(typeof(CreateBotRequest))]
// ---- end Bots ----

// ---- Transcripts ----
[JsonSerializable(typeof(TranscriptionProvider))]
// ---- end Transcripts ----

// ---- Calendar ----
// ---- end Calendar ----

// ---- Agents ----
// ---- end Agents ----

// ---- Storage ----
// ---- end Storage ----

// ---- GoogleLogins ----
// ---- end GoogleLogins ----

// ---- TeamsLogins ----
// ---- end TeamsLogins ----

// ---- Webhooks ----
[JsonSerializable(typeof(MeetStream.Client.Webhooks.BotScheduledEvent))]
[JsonSerializable(typeof(MeetStream.Client.Webhooks.BotJoiningEvent))]
[JsonSerializable(typeof(MeetStream.Client.Webhooks.BotInWaitingRoomEvent))]
[JsonSerializable(typeof(MeetStream.Client.Webhooks.BotInMeetingEvent))]
[JsonSerializable(typeof(MeetStream.Client.Webhooks.BotRecordingPermissionAllowedEvent))]
[JsonSerializable(typeof(MeetStream.Client.Webhooks.BotRecordingPermissionDeniedEvent))]
[JsonSerializable(typeof(MeetStream.Client.Webhooks.BotRecordingEvent))]
[JsonSerializable(typeof(MeetStream.Client.Webhooks.BotLeavingEvent))]
[JsonSerializable(typeof(MeetStream.Client.Webhooks.BotStoppedEvent))]
[JsonSerializable(typeof(MeetStream.Client.Webhooks.BotErrorEvent))]
[JsonSerializable(typeof(MeetStream.Client.Webhooks.BotUploadingEvent))]
[JsonSerializable(typeof(MeetStream.Client.Webhooks.BotTranscriptionReadyEvent))]
[JsonSerializable(typeof(MeetStream.Client.Webhooks.BotDoneEvent))]
[JsonSerializable(typeof(MeetStream.Client.Webhooks.ManifestCompletedEvent))]
[JsonSerializable(typeof(MeetStream.Client.Webhooks.ManifestSkippedEvent))]
[JsonSerializable(typeof(MeetStream.Client.Webhooks.AudioProcessedEvent))]
[JsonSerializable(typeof(MeetStream.Client.Webhooks.AudioSkippedEvent))]
[JsonSerializable(typeof(MeetStream.Client.Webhooks.TranscriptionProcessedEvent))]
[JsonSerializable(typeof(MeetStream.Client.Webhooks.TranscriptionFailedEvent))]
[JsonSerializable(typeof(MeetStream.Client.Webhooks.TranscriptionSkippedEvent))]
[JsonSerializable(typeof(MeetStream.Client.Webhooks.VideoProcessedEvent))]
[JsonSerializable(typeof(MeetStream.Client.Webhooks.DataDeletionEvent))]
[JsonSerializable(typeof(MeetStream.Client.Webhooks.ParticipantJoinedEvent))]
[JsonSerializable(typeof(MeetStream.Client.Webhooks.ParticipantLeftEvent))]
[JsonSerializable(typeof(MeetStream.Client.Webhooks.LiveTranscriptEvent))]
[JsonSerializable(typeof(MeetStream.Client.Webhooks.UnknownWebhookEvent))]
// ---- end Webhooks ----

// ---- Realtime ----
// ---- end Realtime ----
internal sealed partial class MeetStreamJsonContext : JsonSerializerContext
{
}
