using System.Globalization;
using System.Text.Json;

namespace MeetStream.Client.Serialization;

/// <summary>
/// A JSON converter for REST response timestamps. Rule: any JSON value is accepted and never fails the response:
/// date strings are parsed (any invariant-culture form; no offset means UTC), numbers are Unix seconds (or
/// milliseconds when too large for seconds), and everything else (unparsable strings, booleans, objects, arrays)
/// reads as <see langword="null"/>. Writes ISO 8601 (round-trip format). The webhook counterpart is
/// <see cref="StringOrNumberAsTimestampJsonConverter"/> (other JSON types fail there).
/// </summary>
internal sealed class AnyValueAsTimestampJsonConverter : AnyValueOrNullJsonConverter<DateTimeOffset>
{
    /// <inheritdoc />
    protected override DateTimeOffset? FromString(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed) ? parsed : null;

    /// <inheritdoc />
    protected override DateTimeOffset? FromNumber(ref Utf8JsonReader reader) =>
        reader.TryGetDouble(out var number) ? Timestamps.FromUnix(number) : null;

    /// <inheritdoc />
    protected override void WriteValue(Utf8JsonWriter writer, DateTimeOffset value) => Timestamps.WriteIso(writer, value);
}
