using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>What <c>PATCH /calendar/scheduled_bots/{bot_id}</c> answers, including the legacy API's fields.</summary>
public sealed class RescheduleBotResponse : MeetStreamObject
{
    /// <summary>A human-readable result message.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>The bot's id.</summary>
    [JsonPropertyName("bot_id")]
    public string? BotId { get; init; }

    /// <summary>The names of the fields that changed, e.g. <c>scheduled_join_time</c>.</summary>
    [JsonPropertyName("updated_fields")]
    public IReadOnlyList<string>? UpdatedFields { get; init; }

    /// <summary>Whether the join schedule itself was moved.</summary>
    [JsonPropertyName("schedule_updated")]
    public bool? ScheduleUpdated { get; init; }

    /// <summary>Legacy API: whether the update succeeded.</summary>
    [JsonPropertyName("success")]
    public bool? Success { get; init; }

    /// <summary>Legacy API: the new join time as sent.</summary>
    [JsonPropertyName("scheduled_join_time")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? ScheduledJoinTime { get; init; }
}
