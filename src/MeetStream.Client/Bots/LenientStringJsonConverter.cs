using System.Text.Json;
using System.Text.Json.Serialization;

namespace MeetStream.Client;

/// <summary>
/// Reads a JSON value of undocumented type (timestamps, durations, ids) as text: strings as they are, numbers and
/// booleans as their literal text, objects and arrays as raw JSON. A response never fails because MeetStream sends
/// <c>1715000000</c> where the SDK expected <c>"2026-05-01T10:00:00Z"</c>. Writes a JSON string.
/// </summary>
internal sealed class LenientStringJsonConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            case JsonTokenType.Number:
                return System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray());
            default:
                using (var document = JsonDocument.ParseValue(ref reader))
                {
                    return document.RootElement.GetRawText();
                }
        }
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
