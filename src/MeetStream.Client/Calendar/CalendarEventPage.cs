using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// One page of calendar events (<c>GET /calendar/events</c> and <c>GET /calendar/get_events</c>):
/// <c>{next, previous, has_more, results}</c>. To read every page use
/// <see cref="ICalendarClient.ListAllEventsAsync"/>; to page by hand pass <see cref="NextCursor"/> as
/// <see cref="CalendarEventListOptions.Cursor"/>.
/// </summary>
public sealed class CalendarEventPage : MeetStreamObject
{
    /// <summary>The next page: a cursor or a URL carrying one (the guide does not say which), or <see langword="null"/> on the last page.</summary>
    [JsonPropertyName("next")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? Next { get; init; }

    /// <summary>The previous page, in the same form as <see cref="Next"/>.</summary>
    [JsonPropertyName("previous")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? Previous { get; init; }

    /// <summary>Whether more events follow this page.</summary>
    [JsonPropertyName("has_more")]
    public bool? HasMore { get; init; }

    /// <summary>The events on this page.</summary>
    [JsonPropertyName("results")]
    public IReadOnlyList<CalendarEvent>? Results { get; init; }

    /// <summary>
    /// Gets the cursor of the next page for <see cref="CalendarEventListOptions.Cursor"/>: <see cref="Next"/> itself
    /// when it is a bare cursor, or its <c>cursor</c> query parameter when it is a URL; <see langword="null"/> on the
    /// last page or when the URL carries no <c>cursor</c>.
    /// </summary>
    [JsonIgnore]
    public string? NextCursor => CalendarPaging.CursorOf(Next);

    /// <summary>Gets the cursor of the previous page, read from <see cref="Previous"/> like <see cref="NextCursor"/>.</summary>
    [JsonIgnore]
    public string? PreviousCursor => CalendarPaging.CursorOf(Previous);
}
