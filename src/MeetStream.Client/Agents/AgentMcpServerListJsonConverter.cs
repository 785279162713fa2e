using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace MeetStream.Client.Serialization;

/// <summary>
/// Reads <c>agent.mcp_servers</c> as the guide documents it (an array of server objects) and as the OpenAPI types it
/// (an object: one server with a <c>url</c>, or servers keyed by name); bare URL strings are accepted too. Writes
/// the guide's array.
/// </summary>
internal sealed class AgentMcpServerListJsonConverter : JsonConverter<IReadOnlyList<AgentMcpServer>>
{
    /// <inheritdoc />
    public override IReadOnlyList<AgentMcpServer> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        var servers = new List<AgentMcpServer>();
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("url", out _))
        {
            servers.Add(root.Deserialize(MeetStreamJsonContext.Default.AgentMcpServer)!);
        }
        else if (!KeyedListJson.TryRead(root, ReadOne, servers))
        {
            throw new JsonException($"Expected agent.mcp_servers to be an array or an object but found {root.ValueKind}.");
        }

        return servers;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IReadOnlyList<AgentMcpServer> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (var server in value)
        {
            if (server is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                JsonSerializer.Serialize(writer, server, MeetStreamJsonContext.Default.AgentMcpServer);
            }
        }

        writer.WriteEndArray();
    }

    private static AgentMcpServer? ReadOne(JsonElement item, string? key)
    {
        switch (item.ValueKind)
        {
            case JsonValueKind.String when !string.IsNullOrWhiteSpace(item.GetString()):
                return new AgentMcpServer { Url = item.GetString(), Name = key };
            case JsonValueKind.Object:
                if (key is not null && !item.TryGetProperty("name", out _))
                {
                    var node = JsonNode.Parse(item.GetRawText())!.AsObject();
                    node["name"] = key;
                    return node.Deserialize(MeetStreamJsonContext.Default.AgentMcpServer);
                }

                return item.Deserialize(MeetStreamJsonContext.Default.AgentMcpServer);
            default:
                return null;
        }
    }
}
