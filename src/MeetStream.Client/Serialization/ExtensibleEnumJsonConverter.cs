using System.Text.Json;
using System.Text.Json.Serialization;

namespace MeetStream.Client.Serialization;

/// <summary>
/// Reads and writes an <see cref="IExtensibleEnum{TSelf}"/> as a JSON string. Numbers and booleans are kept as
/// their literal text so an unexpected value type never fails a whole response.
/// </summary>
/// <typeparam name="T">The open enumeration type.</typeparam>
public sealed class ExtensibleEnumJsonConverter<T> : JsonConverter<T>
    where T : struct, IExtensibleEnum<T>
{
    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return T.FromValue(reader.GetString()!);
            case JsonTokenType.Number:
            case JsonTokenType.True:
            case JsonTokenType.False:
                return T.FromValue(System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray()));
            default:
                throw new JsonException($"Expected a string for {typeof(T).Name} but found {reader.TokenType}.");
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value ?? string.Empty);
    }
}
