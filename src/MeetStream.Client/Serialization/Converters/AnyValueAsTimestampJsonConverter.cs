using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MeetStream.Client.Serialization;

/// <summary>
/// A JSON converter for REST response timestamps. Rule: any JSON value is accepted and never fails the response:
/// date strings are parsed (any invariant-culture form; no offset means UTC), numbers are Unix seconds (or
/// milliseconds when too large for seconds), and everything else (unparsable strings, booleans, objects, arrays)
/// reads as <see langword="null"/>. Writes ISO 8601 (round-trip format). The webhook counterpart is
/// <see cref="StringOrNumberAsTimestampJsonConverter"/> (other JSON types fail there).
/// </summary>
internal sealed class AnyValueAsTimestampJsonConverter : JsonConverter<DateTimeOffset?>
{
    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                var text = reader.GetString();
                return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed) ? parsed : null;
            case JsonTokenType.Number when reader.TryGetDouble(out var number):
                return Timestamps.FromUnix(number);
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                reader.Skip();
                return null;
            default:
                return null;
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } v)
        {
            writer.WriteStringValue(v.ToString("O", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
