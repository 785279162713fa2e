using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The body of <c>POST /calendar/schedule/{event_id}</c> (guide-documented; the API reference declares no body):
/// which bot to send and, for recurring events, which occurrences.
/// </summary>
public sealed class ScheduleEventRequest : MeetStreamObject
{
    /// <summary>The bot to send.</summary>
    [JsonPropertyName("bot_config")]
    public CalendarBotConfig? BotConfig { get; init; }

    /// <summary>The occurrence of a recurring event to schedule (sent as ISO 8601 with its offset).</summary>
    [JsonPropertyName("occurrence_date")]
    public DateTimeOffset? OccurrenceDate { get; init; }

    /// <summary>Schedule every future occurrence at once (API default <see langword="false"/>).</summary>
    [JsonPropertyName("schedule_all_occurrences")]
    public bool? ScheduleAllOccurrences { get; init; }

    /// <summary>The most occurrences to schedule with <see cref="ScheduleAllOccurrences"/> (API default 52); at least 1.</summary>
    [JsonPropertyName("occurrence_limit")]
    public int? OccurrenceLimit { get; init; }

    /// <summary>After this occurrence, schedule the next one automatically (API default <see langword="false"/>).</summary>
    [JsonPropertyName("recurring_event")]
    public bool? RecurringEvent { get; init; }

    internal void Validate(string parameterName)
    {
        if (OccurrenceLimit is { } limit && limit < 1)
        {
            throw new ArgumentOutOfRangeException(parameterName, limit, $"OccurrenceLimit (occurrence_limit) must be at least 1; got {limit}.");
        }

        BotConfig?.Validate(parameterName);
    }
}
