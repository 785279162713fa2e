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
// ---- end Webhooks ----

// ---- Realtime ----
[JsonSerializable(typeof(MeetStream.Client.Realtime.ReadyMessage))]
[JsonSerializable(typeof(MeetStream.Client.Realtime.UserChatMessage))]
[JsonSerializable(typeof(MeetStream.Client.Realtime.InterruptMessage))]
[JsonSerializable(typeof(MeetStream.Client.Realtime.UnknownControlMessage))]
[JsonSerializable(typeof(MeetStream.Client.Realtime.VideoStreamStart))]
[JsonSerializable(typeof(MeetStream.Client.Realtime.VideoStreamEnd))]
[JsonSerializable(typeof(MeetStream.Client.Realtime.VideoLatencyPing))]
// ---- end Realtime ----
internal sealed partial class MeetStreamJsonContext : JsonSerializerContext
{
}
