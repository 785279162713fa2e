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
[JsonSerializable(typeof(BotCreated))]
[JsonSerializable(typeof(BotListPage))]
[JsonSerializable(typeof(BotListItem))]
[JsonSerializable(typeof(BotStatusInfo))]
[JsonSerializable(typeof(BotDetailsEnvelope))]
[JsonSerializable(typeof(BotDetails))]
[JsonSerializable(typeof(BotStatusTimelineEntry))]
[JsonSerializable(typeof(CaptionFile))]
[JsonSerializable(typeof(BotSummary))]
[JsonSerializable(typeof(BotAudio))]
[JsonSerializable(typeof(BotVideo))]
[JsonSerializable(typeof(BotVideoInfo))]
[JsonSerializable(typeof(BotAudioStreams))]
[JsonSerializable(typeof(AudioStreamsParticipant))]
[JsonSerializable(typeof(RecordedAudioStream))]
[JsonSerializable(typeof(RecordedAudioSegment))]
[JsonSerializable(typeof(AudioStreamsSummary))]
[JsonSerializable(typeof(BotRecordingStreams))]
[JsonSerializable(typeof(RecordingStreamsParticipant))]
[JsonSerializable(typeof(RecordedVideoStream))]
[JsonSerializable(typeof(RecordedVideoSegment))]
[JsonSerializable(typeof(RecordingStreamsSummary))]
[JsonSerializable(typeof(SpeakerTimeline))]
[JsonSerializable(typeof(SpeakerTimelineChunk))]
[JsonSerializable(typeof(MeetingChats))]
[JsonSerializable(typeof(MeetingChatMetadata))]
[JsonSerializable(typeof(MeetingChatSpeaker))]
[JsonSerializable(typeof(MeetingChatMessage))]
[JsonSerializable(typeof(MeetingChatServerMetadata))]
[JsonSerializable(typeof(BotScreenshots))]
[JsonSerializable(typeof(MeetingParticipant))]
[JsonSerializable(typeof(List<MeetingParticipant>))]
[JsonSerializable(typeof(RemoveBotResult))]
[JsonSerializable(typeof(DeleteBotDataResult))]
[JsonSerializable(typeof(BotCommandResult))]
[JsonSerializable(typeof(BotMessageMetadata))]
[JsonSerializable(typeof(SendMessageRequest))]
[JsonSerializable(typeof(SendImageRequest))]
[JsonSerializable(typeof(UpdateAgentSessionRequest))]
[JsonSerializable(typeof(AutomaticLeaveConfig))]
[JsonSerializable(typeof(BotDetectionConfig))]
[JsonSerializable(typeof(ParticipantNameBotDetection))]
[JsonSerializable(typeof(RecordingConfig))]
[JsonSerializable(typeof(RetentionConfig))]
[JsonSerializable(typeof(RealtimeEndpoint))]
[JsonSerializable(typeof(TranscriptConfig))]
[JsonSerializable(typeof(WebSocketEndpoint))]
[JsonSerializable(typeof(LiveTranscriptionConfig))]
[JsonSerializable(typeof(ZoomJoinConfig))]
[JsonSerializable(typeof(GoogleMeetJoinConfig))]
[JsonSerializable(typeof(TeamsJoinConfig))]
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
// ---- end Webhooks ----

// ---- Realtime ----
// ---- end Realtime ----
internal sealed partial class MeetStreamJsonContext : JsonSerializerContext
{
}
