using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// What <c>POST /calendar/schedule/{event_id}</c> answers (<c>ScheduleEventResponse</c>): the scheduled bot and
/// when it joins. The legacy API's extra fields are carried too. Scheduling the same event twice fails with 409
/// (<see cref="MeetStreamConflictException"/>, whose <see cref="MeetStreamApiException.ResponseBody"/> names the
/// existing bot); change an existing schedule with <see cref="ICalendarClient.RescheduleBotAsync"/>.
/// </summary>
public sealed class ScheduleEventResponse : MeetStreamObject
{
    /// <summary>Whether a bot was scheduled.</summary>
    [JsonPropertyName("scheduled")]
    public bool? Scheduled { get; init; }

    /// <summary>The schedule's id.</summary>
    [JsonPropertyName("schedule_id")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? ScheduleId { get; init; }

    /// <summary>The scheduled bot's id (use it with the bot and scheduled-bot endpoints).</summary>
    [JsonPropertyName("bot_id")]
    public string? BotId { get; init; }

    /// <summary>The group of schedules created together (e.g. the occurrences of a recurring event).</summary>
    [JsonPropertyName("schedule_group")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? ScheduleGroup { get; init; }

    /// <summary>MeetStream's event id.</summary>
    [JsonPropertyName("event_id")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? EventId { get; init; }

    /// <summary>When the bot joins, as sent (ISO 8601); <see cref="ScheduledAt"/> parses it.</summary>
    [JsonPropertyName("scheduled_time")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? ScheduledTime { get; init; }

    /// <summary>Schedules that already existed for the event; shape undocumented (kept as raw JSON).</summary>
    [JsonPropertyName("existing_schedules")]
    public JsonElement? ExistingSchedules { get; init; }

    /// <summary>The occurrence scheduled, as sent (ISO 8601).</summary>
    [JsonPropertyName("occurrence_date")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? OccurrenceDate { get; init; }

    /// <summary>Whether the schedule is for one occurrence of a recurring event.</summary>
    [JsonPropertyName("is_recurring_occurrence")]
    public bool? IsRecurringOccurrence { get; init; }

    /// <summary>The bot configuration as stored.</summary>
    [JsonPropertyName("bot_config")]
    public ScheduledEventBotConfig? BotConfig { get; init; }

    /// <summary>Legacy API: a human-readable result message.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>Legacy API: whether an existing schedule was updated instead of created.</summary>
    [JsonPropertyName("updated_existing")]
    public bool? UpdatedExisting { get; init; }

    /// <summary>Legacy API: the id of the recurring series' master event.</summary>
    [JsonPropertyName("master_event_id")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? MasterEventId { get; init; }

    /// <summary>Legacy API: how many occurrences were scheduled.</summary>
    [JsonPropertyName("occurrences_scheduled")]
    public int? OccurrencesScheduled { get; init; }

    /// <summary>Legacy API: how many occurrences failed to schedule.</summary>
    [JsonPropertyName("occurrences_failed")]
    public int? OccurrencesFailed { get; init; }

    /// <summary>Legacy API: how many occurrences the series has.</summary>
    [JsonPropertyName("total_occurrences")]
    public int? TotalOccurrences { get; init; }

    /// <summary>Legacy API: the schedules created; shape undocumented (kept as raw JSON).</summary>
    [JsonPropertyName("schedules_created")]
    public JsonElement? SchedulesCreated { get; init; }

    /// <summary>Legacy API: the occurrences that failed; shape undocumented (kept as raw JSON).</summary>
    [JsonPropertyName("failed_occurrences")]
    public JsonElement? FailedOccurrences { get; init; }

    /// <summary>Gets <see cref="ScheduledTime"/> as a time, or <see langword="null"/> when absent or unreadable.</summary>
    [JsonIgnore]
    public DateTimeOffset? ScheduledAt => CalendarTime.Parse(ScheduledTime);
}
