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
// ---- end Agents ----

// ---- Storage ----
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
// ---- end Webhooks ----

// ---- Realtime ----
// ---- end Realtime ----
internal sealed partial class MeetStreamJsonContext : JsonSerializerContext
{
}
