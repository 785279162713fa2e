using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The body of <c>PATCH /calendar/scheduled_bots/{bot_id}</c>: the new join time and, per the guide, a new name or
/// metadata. A bot that already joined cannot be rescheduled (400).
/// </summary>
public sealed class RescheduleBotRequest : MeetStreamObject
{
    /// <summary>The new join time, sent as ISO 8601 with its offset (e.g. <c>2026-09-01T10:00:00+00:00</c>).</summary>
    [JsonPropertyName("scheduled_join_time")]
    public required DateTimeOffset ScheduledJoinTime { get; init; }

    /// <summary>A new display name for the bot (guide).</summary>
    [JsonPropertyName("bot_username")]
    public string? BotUsername { get; init; }

    /// <summary>New metadata for the bot (guide). MeetStream asks for string values; the same string dictionary comes back on status, detail, list, scheduled bots and webhook events (a non-string value as its JSON text).</summary>
    [JsonPropertyName("custom_attributes")]
    public IReadOnlyDictionary<string, string>? CustomAttributes { get; init; }
}
