using System.Globalization;
using System.Text.Json;

namespace MeetStream.Client.Serialization;

/// <summary>
/// Timestamp parsing shared by the webhook converters and the webhook validator's timestamp header. Parses MeetStream timestamps without allocating: ISO 8601 (<c>2026-02-27T07:11:51.863543+00:00</c>,
/// <c>2026-05-26T10:11:14.990Z</c>; no offset means UTC) or a Unix time in seconds or milliseconds.
/// </summary>
internal static class Timestamps
{
    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ssK",
    ];

    /// <summary>Parses a timestamp header or field.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The instant.</param>
    /// <returns>Whether the text is a timestamp.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        text = text.Trim();
        value = default;
        if (text.IsEmpty)
        {
            return false;
        }

        if (IsAllDigits(text))
        {
            if (text.Length > 15 || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            var unix = FromUnix(number);
            if (unix is null)
            {
                return false;
            }

            value = unix.Value;
            return true;
        }

        // Digits of fractional seconds beyond seven (some servers print nine) are not a reason to reject a timestamp.
        return DateTimeOffset.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value)
            || TryParseWithLongFraction(text, out value);
    }

    /// <summary>Converts a Unix time in seconds, or milliseconds when it is too large for seconds.</summary>
    /// <param name="number">The number.</param>
    /// <returns>The instant, or <see langword="null"/> when out of range.</returns>
    public static DateTimeOffset? FromUnix(double number)
    {
        if (double.IsNaN(number) || number < 0)
        {
            return null;
        }

        var milliseconds = number >= 100_000_000_000 ? number : number * 1000;
        if (milliseconds > 253_402_300_799_999)
        {
            return null;
        }

        return DateTimeOffset.FromUnixTimeMilliseconds((long)milliseconds);
    }

    /// <summary>Writes an instant as an ISO 8601 string in round-trip format (<c>O</c>).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The instant.</param>
    public static void WriteIso(Utf8JsonWriter writer, DateTimeOffset value) =>
        writer.WriteStringValue(value.ToString("O", CultureInfo.InvariantCulture));

    private static bool IsAllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryParseWithLongFraction(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        value = default;
        var dot = text.IndexOf('.');
        if (dot < 0)
        {
            return false;
        }

        var end = dot + 1;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        var digits = end - dot - 1;
        if (digits <= 7 || text.Length > 64)
        {
            return false;
        }

        Span<char> trimmed = stackalloc char[64];
        text[..(dot + 8)].CopyTo(trimmed);
        text[end..].CopyTo(trimmed[(dot + 8)..]);
        var length = dot + 8 + (text.Length - end);
        return DateTimeOffset.TryParseExact(trimmed[..length], IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }
}
