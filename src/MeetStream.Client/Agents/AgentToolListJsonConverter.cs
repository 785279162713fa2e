using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace MeetStream.Client.Serialization;

/// <summary>
/// Reads <c>agent.tools</c> whether MeetStream sends names (<c>["web_search"]</c>), function objects, a mix, or an
/// object keyed by function name; writes references as strings and functions as objects.
/// </summary>
internal sealed class AgentToolListJsonConverter : JsonConverter<IReadOnlyList<AgentTool>>
{
    /// <inheritdoc />
    public override IReadOnlyList<AgentTool> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        var tools = new List<AgentTool>();
        if (root.ValueKind == JsonValueKind.String)
        {
            tools.Add(AgentTool.Reference(root.GetString()!));
        }
        else if (!KeyedListJson.TryRead(root, ReadOne, tools))
        {
            throw new JsonException($"Expected agent.tools to be an array but found {root.ValueKind}.");
        }

        return tools;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IReadOnlyList<AgentTool> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (var tool in value)
        {
            if (tool is null)
            {
                writer.WriteNullValue();
            }
            else if (tool.IsReference)
            {
                writer.WriteStringValue(tool.Name);
            }
            else
            {
                JsonSerializer.Serialize(writer, tool, MeetStreamJsonContext.Default.AgentTool);
            }
        }

        writer.WriteEndArray();
    }

    private static AgentTool? ReadOne(JsonElement item, string? key)
    {
        switch (item.ValueKind)
        {
            case JsonValueKind.String when !string.IsNullOrWhiteSpace(item.GetString()):
                return AgentTool.Reference(item.GetString()!);
            case JsonValueKind.Object:
                if (key is not null && !item.TryGetProperty("name", out _))
                {
                    var node = JsonNode.Parse(item.GetRawText())!.AsObject();
                    node["name"] = key;
                    return node.Deserialize(MeetStreamJsonContext.Default.AgentTool);
                }

                return item.Deserialize(MeetStreamJsonContext.Default.AgentTool);
            default:
                return null;
        }
    }
}
