using System.Text.Json;
using System.Text.Json.Serialization;

namespace MeetStream.Client.Lambda;

/// <summary>
/// The calendar trigger's input: one calendar event that needs a bot. Sent as is by EventBridge Scheduler or a direct
/// invoke; an EventBridge rule event carrying it in <c>detail</c> is accepted too.
/// </summary>
public sealed class CalendarTriggerEvent
{
    /// <summary>Gets the meeting URL (Zoom, Google Meet or Teams); required.</summary>
    [JsonPropertyName("meeting_url")]
    public string? MeetingUrl { get; init; }

    /// <summary>Gets the calendar event id; required. With <see cref="UserId"/> and <see cref="OccurrenceId"/> it decides the <c>Idempotency-Key</c>.</summary>
    [JsonPropertyName("calendar_event_id")]
    public string? CalendarEventId { get; init; }

    /// <summary>Gets the user the calendar belongs to.</summary>
    [JsonPropertyName("user_id")]
    public string? UserId { get; init; }

    /// <summary>Gets when the bot should join (ISO 8601 with offset); omitted or past means now.</summary>
    [JsonPropertyName("join_at")]
    public DateTimeOffset? JoinAt { get; init; }

    /// <summary>Gets the occurrence of a recurring event (e.g. its instance id or start date), so each occurrence gets its own bot.</summary>
    [JsonPropertyName("occurrence_id")]
    public string? OccurrenceId { get; init; }

    /// <summary>Gets the bot's display name; the function's default when omitted.</summary>
    [JsonPropertyName("bot_name")]
    public string? BotName { get; init; }

    /// <summary>Gets the meeting title, passed to the bot as the custom attribute <c>meeting_title</c>.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>Gets custom attributes to store with the bot (string values; echoed in webhooks).</summary>
    [JsonPropertyName("custom_attributes")]
    public IReadOnlyDictionary<string, string>? CustomAttributes { get; init; }

    /// <summary>Gets the event when the input is an EventBridge envelope (<c>{"detail-type": ..., "detail": {...}}</c>).</summary>
    [JsonPropertyName("detail")]
    public CalendarTriggerEvent? Detail { get; init; }

    /// <summary>Gets every other member of the input (available to a custom request builder).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
