using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// What <c>DELETE /calendar/schedule/{event_id}</c> answers (guide fields; the API reference documents an empty
/// body, which gives an instance with every property <see langword="null"/>).
/// </summary>
public sealed class UnscheduleEventResponse : MeetStreamObject
{
    /// <summary>Whether the event was unscheduled.</summary>
    [JsonPropertyName("unscheduled")]
    public bool? Unscheduled { get; init; }

    /// <summary>MeetStream's event id.</summary>
    [JsonPropertyName("event_id")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? EventId { get; init; }

    /// <summary>The schedules cancelled; shape undocumented (a list or a count), kept as raw JSON.</summary>
    [JsonPropertyName("cancelled_schedules")]
    public JsonElement? CancelledSchedules { get; init; }

    /// <summary>How many schedules were cancelled.</summary>
    [JsonPropertyName("schedules_cancelled")]
    public int? SchedulesCancelled { get; init; }

    /// <summary>The scheduled bots deleted; shape undocumented (a count or a list), kept as raw JSON.</summary>
    [JsonPropertyName("bots_deleted")]
    public JsonElement? BotsDeleted { get; init; }

    /// <summary>Whether every occurrence was cancelled.</summary>
    [JsonPropertyName("cancel_all_occurrences")]
    public bool? CancelAllOccurrences { get; init; }

    /// <summary>Whether the event is a recurring series.</summary>
    [JsonPropertyName("is_recurring_series")]
    public bool? IsRecurringSeries { get; init; }
}
