using System.Text.Json;
using System.Text.Json.Serialization;

namespace MeetStream.Client.Serialization;

/// <summary>
/// The base of the REST response converters that never fail a response: a JSON string or number is handed to the
/// derived converter (which returns <see langword="null"/> for what it cannot read), objects and arrays are skipped,
/// and every other value (<c>null</c>, booleans) reads as <see langword="null"/>. Writes <see langword="null"/> as JSON
/// <c>null</c> and any value as the derived converter says.
/// </summary>
/// <typeparam name="T">The value type read.</typeparam>
internal abstract class AnyValueOrNullJsonConverter<T> : JsonConverter<T?>
    where T : struct
{
    /// <inheritdoc />
    public sealed override bool HandleNull => true;

    /// <inheritdoc />
    public sealed override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return FromString(reader.GetString());
            case JsonTokenType.Number:
                return FromNumber(ref reader);
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                reader.Skip();
                return null;
            default:
                return null;
        }
    }

    /// <inheritdoc />
    public sealed override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } present)
        {
            WriteValue(writer, present);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary>Reads a JSON string.</summary>
    /// <param name="text">The string.</param>
    /// <returns>The value, or <see langword="null"/> when the string does not hold one.</returns>
    protected abstract T? FromString(string? text);

    /// <summary>Reads the JSON number the reader is on.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value, or <see langword="null"/> when the number is out of range.</returns>
    protected abstract T? FromNumber(ref Utf8JsonReader reader);

    /// <summary>Writes a value.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    protected abstract void WriteValue(Utf8JsonWriter writer, T value);
}
