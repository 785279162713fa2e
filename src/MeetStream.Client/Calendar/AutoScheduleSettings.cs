using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// Auto-join state (<c>GET /calendar/auto-schedule/settings</c>, and the answers of enable and disable). When
/// enabled, a job runs nightly at midnight UTC, looks 24 hours ahead and schedules a bot about one minute before each
/// event that has none yet.
/// </summary>
public sealed class AutoScheduleSettings : MeetStreamObject
{
    /// <summary>A human-readable result message (enable and disable).</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>Whether auto-join is on.</summary>
    [JsonPropertyName("auto_schedule_enabled")]
    public bool? AutoScheduleEnabled { get; init; }

    /// <summary>The bot auto-join sends.</summary>
    [JsonPropertyName("default_bot_config")]
    public AutoScheduleBotConfig? DefaultBotConfig { get; init; }
}
