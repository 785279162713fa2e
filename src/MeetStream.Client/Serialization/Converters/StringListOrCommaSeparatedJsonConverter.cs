using System.Text.Json;
using System.Text.Json.Serialization;

namespace MeetStream.Client.Serialization;

/// <summary>
/// A JSON converter that reads a list of strings sent either as a JSON array or as one comma-separated string (MIA <c>wake_word.words</c>
/// accepts both); items are trimmed and empty ones dropped. Writes a JSON array.
/// </summary>
internal sealed class StringListOrCommaSeparatedJsonConverter : JsonConverter<IReadOnlyList<string>>
{
    /// <inheritdoc />
    public override IReadOnlyList<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return Split(reader.GetString());
            case JsonTokenType.StartArray:
                var items = new List<string>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    switch (reader.TokenType)
                    {
                        case JsonTokenType.String when !string.IsNullOrWhiteSpace(reader.GetString()):
                            items.Add(reader.GetString()!.Trim());
                            break;
                        case JsonTokenType.String:
                            break;
                        case JsonTokenType.Null:
                            break;
                        case JsonTokenType.StartObject:
                        case JsonTokenType.StartArray:
                            reader.Skip();
                            break;
                        default:
                            using (var value = JsonDocument.ParseValue(ref reader))
                            {
                                items.Add(value.RootElement.GetRawText());
                            }

                            break;
                    }
                }

                return items;
            default:
                throw new JsonException($"Expected an array of strings or a comma-separated string but found {reader.TokenType}.");
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (var item in value)
        {
            writer.WriteStringValue(item);
        }

        writer.WriteEndArray();
    }

    private static List<string> Split(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
}
