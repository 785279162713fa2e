using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// What <c>DELETE /calendar/disconnect</c> reports (guide form): the connection is gone, its watches were stopped,
/// pending schedules were cancelled and synced events deleted. The operation cannot be undone.
/// </summary>
public sealed class CalendarDisconnectResponse : MeetStreamObject
{
    /// <summary>Whether the calendar was disconnected.</summary>
    [JsonPropertyName("disconnected")]
    public bool? Disconnected { get; init; }

    /// <summary>Your MeetStream user id.</summary>
    [JsonPropertyName("user_id")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? UserId { get; init; }

    /// <summary>Whether the provider's push-notification channel was stopped.</summary>
    [JsonPropertyName("watch_channel_stopped")]
    public bool? WatchChannelStopped { get; init; }

    /// <summary>How many synced events were deleted.</summary>
    [JsonPropertyName("events_deleted")]
    public int? EventsDeleted { get; init; }

    /// <summary>How many pending bot schedules were cancelled.</summary>
    [JsonPropertyName("schedules_cancelled")]
    public int? SchedulesCancelled { get; init; }

    /// <summary>A human-readable result message.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }
}
