using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// A meeting in a connected calendar as MeetStream stores it (<c>results[]</c> of the event lists). Pass
/// <see cref="Id"/> to <see cref="ICalendarClient.ScheduleEventAsync"/> to send a bot to it.
/// </summary>
public sealed class CalendarEvent : MeetStreamObject
{
    /// <summary>MeetStream's event id: the one scheduling takes.</summary>
    [JsonPropertyName("id")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? Id { get; init; }

    /// <summary>The start as sent (format undocumented); <see cref="StartsAt"/> parses it.</summary>
    [JsonPropertyName("start_time")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? StartTime { get; init; }

    /// <summary>The end as sent (format undocumented); <see cref="EndsAt"/> parses it.</summary>
    [JsonPropertyName("end_time")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? EndTime { get; init; }

    /// <summary>The provider id of the calendar holding the event.</summary>
    [JsonPropertyName("calendar_id")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? CalendarId { get; init; }

    /// <summary>The calendar platform, e.g. <c>google_calendar</c> (values undocumented).</summary>
    [JsonPropertyName("platform")]
    public string? Platform { get; init; }

    /// <summary>The provider's own id of the event.</summary>
    [JsonPropertyName("platform_id")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? PlatformId { get; init; }

    /// <summary>The iCalendar UID, shared by every occurrence of a recurring event.</summary>
    [JsonPropertyName("ical_uid")]
    public string? ICalUid { get; init; }

    /// <summary>The meeting platform detected in the event, e.g. <c>google_meet</c>, <c>zoom</c> or <c>teams</c> (values undocumented).</summary>
    [JsonPropertyName("meeting_platform")]
    public string? MeetingPlatform { get; init; }

    /// <summary>The meeting's join URL, when the event has one.</summary>
    [JsonPropertyName("meeting_url")]
    public string? MeetingUrl { get; init; }

    /// <summary>When MeetStream stored the event, as sent.</summary>
    [JsonPropertyName("created_at")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? CreatedAt { get; init; }

    /// <summary>When MeetStream last updated the event, as sent.</summary>
    [JsonPropertyName("updated_at")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? UpdatedAt { get; init; }

    /// <summary>Whether the event was deleted in the calendar.</summary>
    [JsonPropertyName("is_deleted")]
    public bool? IsDeleted { get; init; }

    /// <summary>The provider's raw event object (for Google, the Calendar API event resource).</summary>
    [JsonPropertyName("raw")]
    public JsonElement? Raw { get; init; }

    /// <summary>The bots scheduled for this event; their shape is undocumented, so each is kept as raw JSON.</summary>
    [JsonPropertyName("bots")]
    public IReadOnlyList<JsonElement>? Bots { get; init; }

    /// <summary>Gets <see cref="StartTime"/> as a time (no offset means UTC; a date-only all-day start is midnight UTC), or <see langword="null"/>.</summary>
    [JsonIgnore]
    public DateTimeOffset? StartsAt => CalendarTime.Parse(StartTime);

    /// <summary>Gets <see cref="EndTime"/> as a time, or <see langword="null"/>.</summary>
    [JsonIgnore]
    public DateTimeOffset? EndsAt => CalendarTime.Parse(EndTime);
}
