using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// A bot waiting for its join time (<c>scheduled_bots[]</c> of <c>GET /calendar/scheduled_bots</c>): calendar
/// schedules and create_bot calls with <c>join_at</c>.
/// </summary>
public sealed class ScheduledBot : MeetStreamObject
{
    /// <summary>The bot's id.</summary>
    [JsonPropertyName("bot_id")]
    public string? BotId { get; init; }

    /// <summary>The meeting platform, e.g. <c>GMeet</c>.</summary>
    [JsonPropertyName("platform")]
    public MeetingPlatform? Platform { get; init; }

    /// <summary>The bot's status, normally <c>Scheduled</c>.</summary>
    [JsonPropertyName("status")]
    public BotStatus? Status { get; init; }

    /// <summary>When the bot joins, as sent (ISO 8601); <see cref="ScheduledJoinAt"/> parses it.</summary>
    [JsonPropertyName("scheduled_join_time")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? ScheduledJoinTime { get; init; }

    /// <summary>The bot's display name.</summary>
    [JsonPropertyName("bot_username")]
    public string? BotUsername { get; init; }

    /// <summary>The meeting's join URL.</summary>
    [JsonPropertyName("meeting_link")]
    public string? MeetingLink { get; init; }

    /// <summary>
    /// Gets your custom attributes (<c>custom_attributes</c>) as MeetStream echoes them: string values as they are, any
    /// other JSON value (number, boolean, <c>null</c>, object, array) as its raw JSON text (<c>12</c>, <c>true</c>,
    /// <c>null</c>, <c>{"a":1}</c>). The same type as on the request and on webhook events.
    /// </summary>
    [JsonPropertyName("custom_attributes")]
    [JsonConverter(typeof(ObjectAsStringDictionaryJsonConverter))]
    public IReadOnlyDictionary<string, string>? CustomAttributes { get; init; }

    /// <summary>Legacy <c>/calendar/scheduled</c> only: whether the bot is scheduled.</summary>
    [JsonPropertyName("is_scheduled")]
    public bool? IsScheduled { get; init; }

    /// <summary>Gets <see cref="ScheduledJoinTime"/> as a time, or <see langword="null"/> when absent or unreadable.</summary>
    [JsonIgnore]
    public DateTimeOffset? ScheduledJoinAt => CalendarTime.Parse(ScheduledJoinTime);
}
