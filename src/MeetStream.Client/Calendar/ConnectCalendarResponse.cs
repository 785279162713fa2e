using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// What MeetStream answers when it connects a calendar account (<c>CreateCalendarResponse</c> of
/// <c>POST /calendar/create_calendar</c>; Outlook connections answer in the same shape as far as documented): the
/// account, its calendars and the push-notification watches MeetStream set up.
/// </summary>
public sealed class ConnectCalendarResponse : MeetStreamObject
{
    /// <summary>MeetStream's id for the connected calendar.</summary>
    [JsonPropertyName("calendar_id")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? CalendarId { get; init; }

    /// <summary>The calendar platform, e.g. <c>google_calendar</c> (values undocumented).</summary>
    [JsonPropertyName("platform")]
    public string? Platform { get; init; }

    /// <summary>The connected account's email address.</summary>
    [JsonPropertyName("user_email")]
    public string? UserEmail { get; init; }

    /// <summary>The connected account's display name.</summary>
    [JsonPropertyName("user_name")]
    public string? UserName { get; init; }

    /// <summary>The provider id of the account's primary calendar.</summary>
    [JsonPropertyName("primary_calendar_id")]
    public string? PrimaryCalendarId { get; init; }

    /// <summary>A human-readable result message.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>The account's calendars as the provider lists them.</summary>
    [JsonPropertyName("calendars")]
    public IReadOnlyList<ProviderCalendar>? Calendars { get; init; }

    /// <summary>The push-notification (watch channel) setup for the calendars.</summary>
    [JsonPropertyName("watch_setup")]
    public CalendarWatchSetup? WatchSetup { get; init; }

    /// <summary>Legacy API only: how many events were fetched when connecting.</summary>
    [JsonPropertyName("events_fetched")]
    public int? EventsFetched { get; init; }

    /// <summary>Legacy API only: how many calendars were processed when connecting.</summary>
    [JsonPropertyName("calendars_processed")]
    public int? CalendarsProcessed { get; init; }
}
