using System.Text.Json.Serialization;

namespace MeetStream.Client;

/// <summary>The body of <c>POST /calendar/toggle-recurrence</c>.</summary>
internal sealed class ToggleRecurrenceBody
{
    [JsonPropertyName("event_id")]
    public required string EventId { get; init; }

    [JsonPropertyName("recurring_enabled")]
    public required bool RecurringEnabled { get; init; }
}
