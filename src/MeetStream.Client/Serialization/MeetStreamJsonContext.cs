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
