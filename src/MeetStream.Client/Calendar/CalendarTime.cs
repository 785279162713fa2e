using System.Globalization;

namespace MeetStream.Client;

/// <summary>
/// Formats and parses the calendar API's timestamps: ISO 8601 with an offset on the way out, and a tolerant parse of
/// the undocumented formats that come back (ISO 8601 with or without offset, date-only, Unix seconds or milliseconds).
/// </summary>
internal static class CalendarTime
{
    /// <summary>Formats a time as ISO 8601 with its offset and without trailing zero fractions, the way System.Text.Json writes it.</summary>
    /// <param name="value">The time.</param>
    /// <returns>For example <c>2026-09-01T10:00:00+02:00</c>.</returns>
    public static string Format(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    /// <summary>Parses a timestamp the API returned; values without an offset are taken as UTC.</summary>
    /// <param name="value">The wire text.</param>
    /// <returns>The time, or <see langword="null"/> when the text is missing or not a recognisable timestamp.</returns>
    public static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch))
        {
            try
            {
                return Math.Abs(epoch) >= 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(epoch) : DateTimeOffset.FromUnixTimeSeconds(epoch);
            }
            catch (ArgumentOutOfRangeException)
            {
                return null;
            }
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed) ? parsed : null;
    }
}
