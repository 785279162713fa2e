using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// One calendar of a connected account as the provider describes it (Google's calendar-list entry; the names are the
/// provider's camelCase ones).
/// </summary>
public sealed class ProviderCalendar : MeetStreamObject
{
    /// <summary>The provider's calendar id (for Google often the owner's email address).</summary>
    [JsonPropertyName("id")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? Id { get; init; }

    /// <summary>The calendar's title.</summary>
    [JsonPropertyName("summary")]
    public string? Summary { get; init; }

    /// <summary>The calendar's description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Whether this is the account's primary calendar.</summary>
    [JsonPropertyName("isPrimary")]
    public bool? IsPrimary { get; init; }

    /// <summary>The account's access role on the calendar, e.g. <c>owner</c> or <c>reader</c>.</summary>
    [JsonPropertyName("accessRole")]
    public string? AccessRole { get; init; }

    /// <summary>The calendar's IANA time zone, e.g. <c>Europe/Berlin</c>.</summary>
    [JsonPropertyName("timeZone")]
    public string? TimeZone { get; init; }

    /// <summary>The calendar's background colour, e.g. <c>#9fe1e7</c>.</summary>
    [JsonPropertyName("backgroundColor")]
    public string? BackgroundColor { get; init; }

    /// <summary>The calendar's foreground colour.</summary>
    [JsonPropertyName("foregroundColor")]
    public string? ForegroundColor { get; init; }

    /// <summary>Whether the calendar is selected (shown) in the provider's UI.</summary>
    [JsonPropertyName("selected")]
    public bool? Selected { get; init; }
}
