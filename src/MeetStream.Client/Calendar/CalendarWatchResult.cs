using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>One push-notification channel MeetStream created for a calendar (<c>watch_setup.watch_results[]</c>).</summary>
public sealed class CalendarWatchResult : MeetStreamObject
{
    /// <summary>The provider's calendar id.</summary>
    [JsonPropertyName("calendar_id")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? CalendarId { get; init; }

    /// <summary>The calendar's title.</summary>
    [JsonPropertyName("calendar_summary")]
    public string? CalendarSummary { get; init; }

    /// <summary>The watch channel's id.</summary>
    [JsonPropertyName("channel_id")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? ChannelId { get; init; }

    /// <summary>
    /// When the channel expires, as sent (format undocumented: Google reports Unix milliseconds; numbers arrive as
    /// their digits). <see cref="ExpiresAt"/> parses it.
    /// </summary>
    [JsonPropertyName("expiration")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? Expiration { get; init; }

    /// <summary>Gets <see cref="Expiration"/> as a time (ISO 8601, Unix seconds or milliseconds), or <see langword="null"/> when absent or unreadable.</summary>
    [JsonIgnore]
    public DateTimeOffset? ExpiresAt => CalendarTime.Parse(Expiration);
}
