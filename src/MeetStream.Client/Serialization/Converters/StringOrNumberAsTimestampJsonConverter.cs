using System.Text.Json;
using System.Text.Json.Serialization;

namespace MeetStream.Client.Serialization;

/// <summary>
/// A JSON converter for webhook timestamps. Rule: an ISO 8601 string (offset-less values are UTC) or a number (Unix
/// seconds, or milliseconds when too large for seconds); a string that is not a date reads as <see langword="null"/>
/// rather than failing the event, while booleans, objects and arrays are a wrong type and fail. The REST counterpart
/// is <see cref="AnyValueAsTimestampJsonConverter"/> (which never fails).
/// </summary>
internal sealed class StringOrNumberAsTimestampJsonConverter : JsonConverter<DateTimeOffset?>
{
    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                if (reader.TryGetDateTimeOffset(out var exact))
                {
                    return exact;
                }

                return Timestamps.TryParse(reader.GetString(), out var parsed) ? parsed : null;
            case JsonTokenType.Number:
                return reader.TryGetDouble(out var number) ? Timestamps.FromUnix(number) : null;
            default:
                throw new JsonException($"Expected a date string or a number but found {reader.TokenType}.");
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } at)
        {
            Timestamps.WriteIso(writer, at);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
