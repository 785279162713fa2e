using System.Text.Json;
using System.Text.Json.Serialization;

namespace MeetStream.Client.Serialization;

/// <summary>
/// A JSON converter for <c>custom_attributes</c> in REST responses and webhook events. Rule: a JSON object is read
/// as a string dictionary; string values as they are, every other value (number, boolean, <c>null</c>, object,
/// array) as its raw JSON text (<c>42</c>, <c>true</c>, <c>null</c>, <c>{"a":1}</c>), so a stray non-string value
/// never fails a response or a delivery and stays readable. JSON <c>null</c> in place of the object reads as
/// <see langword="null"/>; any other value that is not an object is a wrong type and fails. Writes strings as JSON
/// strings; a dictionary this converter read writes its non-string values back as the JSON they were, so a response
/// round-trips unchanged.
/// </summary>
internal sealed class ObjectAsStringDictionaryJsonConverter : JsonConverter<IReadOnlyDictionary<string, string>?>
{
    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected an object for custom_attributes but found {reader.TokenType}.");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var jsonTextKeys = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (reader.TokenType == JsonTokenType.String)
            {
                values[name] = reader.GetString()!;
                jsonTextKeys.Remove(name);
            }
            else
            {
                using var value = JsonDocument.ParseValue(ref reader);
                values[name] = value.RootElement.GetRawText();
                jsonTextKeys.Add(name);
            }
        }

        return new JsonTextDictionary(values, jsonTextKeys);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, string>? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        var read = value as JsonTextDictionary;
        foreach (var pair in value)
        {
            if (read?.IsJsonText(pair.Key) == true)
            {
                writer.WritePropertyName(pair.Key);
                writer.WriteRawValue(pair.Value);
            }
            else
            {
                writer.WriteString(pair.Key, pair.Value);
            }
        }

        writer.WriteEndObject();
    }
}
