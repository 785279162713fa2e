using System.Text.Json;
using System.Text.Json.Serialization;

namespace MeetStream.Client.Serialization;

/// <summary>
/// A JSON converter for REST response strings whose JSON type MeetStream does not document (ids that may be numbers,
/// timestamps that may be epoch values). Rule: any JSON value is accepted and never fails the response: strings as
/// they are, numbers and booleans as their literal text, objects and arrays as their raw JSON text, <c>null</c> as
/// <see langword="null"/>. Writes a plain JSON string. The webhook counterpart is
/// <see cref="ScalarAsStringJsonConverter"/> (objects and arrays fail there).
/// </summary>
internal sealed class AnyValueAsStringJsonConverter : JsonConverter<string>
{
    /// <inheritdoc />
    public override bool HandleNull => false;

    /// <inheritdoc />
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
            case JsonTokenType.True:
            case JsonTokenType.False:
                return System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray());
            case JsonTokenType.Null:
                return null;
            default:
                using (var document = JsonDocument.ParseValue(ref reader))
                {
                    return document.RootElement.GetRawText();
                }
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}
