using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MeetStream.Client.Serialization;

/// <summary>
/// Reads a timestamp that should be ISO 8601 without ever failing the whole response: ISO strings are parsed,
/// numbers are taken as Unix seconds (or milliseconds when they are too large for seconds), anything else becomes
/// <see langword="null"/>. Writes ISO 8601 (round-trip format).
/// </summary>
internal sealed class LenientDateTimeOffsetJsonConverter : JsonConverter<DateTimeOffset?>
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
                return FromUnix(number);
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

    /// <summary>Turns Unix seconds (or milliseconds, above year 5138 as seconds) into a time; out of range gives null.</summary>
    internal static DateTimeOffset? FromUnix(double number)
    {
        if (double.IsNaN(number) || double.IsInfinity(number) || number < 0)
        {
            return null;
        }

        var milliseconds = number > 1e11 ? number : number * 1000;
        return milliseconds < 253_402_300_799_000 ? DateTimeOffset.FromUnixTimeMilliseconds((long)milliseconds) : null;
    }
}
