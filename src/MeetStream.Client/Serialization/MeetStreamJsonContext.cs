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
[JsonSerializable(typeof(Transcript))]
[JsonSerializable(typeof(TranscriptSegment))]
[JsonSerializable(typeof(List<TranscriptSegment>))]
[JsonSerializable(typeof(TranscriptWord))]
[JsonSerializable(typeof(TranscriptParticipant))]
[JsonSerializable(typeof(RawTranscript))]
[JsonSerializable(typeof(RawTranscriptWord))]
[JsonSerializable(typeof(RawTranscriptUtterance))]
[JsonSerializable(typeof(TranscriptionList))]
[JsonSerializable(typeof(TranscriptionRun))]
[JsonSerializable(typeof(TranscriptionStatus))]
[JsonSerializable(typeof(TranscriptDownloadUrls))]
[JsonSerializable(typeof(TranscribeRequest))]
[JsonSerializable(typeof(TranscribeResponse))]
// ---- end Transcripts ----

// ---- Calendar ----
[JsonSerializable(typeof(GoogleCalendarCredentials))]
[JsonSerializable(typeof(ConnectOutlookCalendarRequest))]
[JsonSerializable(typeof(ConnectCalendarResponse))]
[JsonSerializable(typeof(ProviderCalendar))]
[JsonSerializable(typeof(CalendarWatchSetup))]
[JsonSerializable(typeof(CalendarWatchResult))]
[JsonSerializable(typeof(CalendarDisconnectResponse))]
[JsonSerializable(typeof(CalendarActionResponse))]
[JsonSerializable(typeof(CalendarList))]
[JsonSerializable(typeof(CalendarConnection))]
[JsonSerializable(typeof(CalendarConnectionList))]
[JsonSerializable(typeof(IReadOnlyList<CalendarConnection>))]
[JsonSerializable(typeof(CalendarEventPage))]
[JsonSerializable(typeof(CalendarEvent))]
[JsonSerializable(typeof(ScheduleEventRequest))]
[JsonSerializable(typeof(CalendarBotConfig))]
[JsonSerializable(typeof(ScheduleEventResponse))]
[JsonSerializable(typeof(ScheduledEventBotConfig))]
[JsonSerializable(typeof(UnscheduleEventRequest))]
[JsonSerializable(typeof(UnscheduleEventResponse))]
[JsonSerializable(typeof(ToggleRecurrenceBody))]
[JsonSerializable(typeof(AutoRescheduleRequest))]
[JsonSerializable(typeof(EnableAutoScheduleBody))]
[JsonSerializable(typeof(AutoScheduleBotConfig))]
[JsonSerializable(typeof(AutoScheduleSettings))]
[JsonSerializable(typeof(ScheduledBotList))]
[JsonSerializable(typeof(ScheduledBot))]
[JsonSerializable(typeof(RescheduleBotRequest))]
[JsonSerializable(typeof(RescheduleBotResponse))]
[JsonSerializable(typeof(DeleteScheduledBotResponse))]
[JsonSerializable(typeof(CalendarProvider))]
// ---- end Calendar ----

// ---- Agents ----
[JsonSerializable(typeof(CreateAgentRequest))]
[JsonSerializable(typeof(UpdateAgentRequest))]
[JsonSerializable(typeof(CreateAgentResponse))]
[JsonSerializable(typeof(UpdateAgentResponse))]
[JsonSerializable(typeof(DeleteAgentResponse))]
[JsonSerializable(typeof(AgentConfigList))]
[JsonSerializable(typeof(AgentConfig))]
[JsonSerializable(typeof(List<AgentConfig>))]
[JsonSerializable(typeof(AgentMode))]
[JsonSerializable(typeof(AgentModelSettings))]
[JsonSerializable(typeof(AgentModelProvider))]
[JsonSerializable(typeof(AgentThinkingSettings))]
[JsonSerializable(typeof(AgentVoiceSettings))]
[JsonSerializable(typeof(AgentVoiceProvider))]
[JsonSerializable(typeof(AgentTranscriberSettings))]
[JsonSerializable(typeof(AgentTranscriberProvider))]
[JsonSerializable(typeof(AgentBehaviorSettings))]
[JsonSerializable(typeof(AgentResponseType))]
[JsonSerializable(typeof(AgentInterruptionMode))]
[JsonSerializable(typeof(AgentInterruptionSettings))]
[JsonSerializable(typeof(AgentMcpServer))]
[JsonSerializable(typeof(AgentTool))]
[JsonSerializable(typeof(AgentAudioSettings))]
[JsonSerializable(typeof(AgentWakeWordSettings))]
[JsonSerializable(typeof(AgentAvatarSettings))]
[JsonSerializable(typeof(AgentAvatarProvider))]
// ---- end Agents ----

// ---- Storage ----
[JsonSerializable(typeof(StorageConfigRequest))]
[JsonSerializable(typeof(StoragePrefixes))]
[JsonSerializable(typeof(StorageConfig))]
[JsonSerializable(typeof(StorageConfigResult))]
[JsonSerializable(typeof(StorageProvider))]
[JsonSerializable(typeof(StorageAccessMode))]
// ---- end Storage ----

// ---- GoogleLogins ----
[JsonSerializable(typeof(CreateGoogleLoginDomainRequest))]
[JsonSerializable(typeof(UpdateGoogleLoginDomainRequest))]
[JsonSerializable(typeof(GoogleLoginDomain))]
[JsonSerializable(typeof(GoogleLoginDomainList))]
[JsonSerializable(typeof(UpdateGoogleLoginDomainResponse))]
[JsonSerializable(typeof(CreateGoogleLoginRequest))]
[JsonSerializable(typeof(UpdateGoogleLoginRequest))]
[JsonSerializable(typeof(GoogleLogin))]
[JsonSerializable(typeof(GoogleLoginList))]
// ---- end GoogleLogins ----

// ---- TeamsLogins ----
[JsonSerializable(typeof(CreateTeamsLoginDomainRequest))]
[JsonSerializable(typeof(UpdateTeamsLoginDomainRequest))]
[JsonSerializable(typeof(TeamsLoginDomain))]
[JsonSerializable(typeof(TeamsLoginDomainList))]
[JsonSerializable(typeof(CreateTeamsLoginRequest))]
[JsonSerializable(typeof(UpdateTeamsLoginRequest))]
[JsonSerializable(typeof(TeamsLogin))]
[JsonSerializable(typeof(TeamsLoginList))]
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
