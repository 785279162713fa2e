using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The push-notification (watch channel) setup MeetStream performed when a calendar was connected
/// (<c>watch_setup</c>). Watches let MeetStream see event changes without polling.
/// </summary>
public sealed class CalendarWatchSetup : MeetStreamObject
{
    /// <summary>Whether every watch was set up.</summary>
    [JsonPropertyName("success")]
    public bool? Success { get; init; }

    /// <summary>A status word for the setup (values undocumented).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>How many watches were set up.</summary>
    [JsonPropertyName("watches_setup")]
    public int? WatchesSetup { get; init; }

    /// <summary>A human-readable result message.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>The calendars whose watch failed; its shape (a count or a list) is undocumented, so it is kept as raw JSON.</summary>
    [JsonPropertyName("failed_calendars")]
    public JsonElement? FailedCalendars { get; init; }

    /// <summary>One entry per watch channel created.</summary>
    [JsonPropertyName("watch_results")]
    public IReadOnlyList<CalendarWatchResult>? WatchResults { get; init; }
}
