using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>The calendars of your connected accounts (<c>GET /calendar</c> and <c>GET /calendar/calendars</c>).</summary>
public sealed class CalendarList : MeetStreamObject
{
    /// <summary>How many calendars there are.</summary>
    [JsonPropertyName("total")]
    public int? Total { get; init; }

    /// <summary>Your MeetStream user id.</summary>
    [JsonPropertyName("user_id")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? UserId { get; init; }

    /// <summary>The calendars.</summary>
    [JsonPropertyName("calendars")]
    public IReadOnlyList<ProviderCalendar>? Calendars { get; init; }
}
