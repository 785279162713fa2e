using System.Text.Json;
using System.Text.Json.Serialization;

namespace MeetStream.Client.Webhooks.Serialization;

/// <summary>
/// Reads <c>custom_attributes</c> as a string dictionary. MeetStream asks for string values; anything else is kept
/// as its JSON text so a stray number never fails a delivery. A value that is not an object is a wrong type and fails.
/// </summary>
internal sealed class WebhookAttributesConverter : JsonConverter<IReadOnlyDictionary<string, string>?>
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

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (reader.TokenType == JsonTokenType.String)
            {
                result[name] = reader.GetString()!;
            }
            else
            {
                using var value = JsonDocument.ParseValue(ref reader);
                result[name] = value.RootElement.GetRawText();
            }
        }

        return result;
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
        foreach (var pair in value)
        {
            writer.WriteString(pair.Key, pair.Value);
        }

        writer.WriteEndObject();
    }
}
