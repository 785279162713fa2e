using System.Text.Json.Nodes;

namespace MeetStream.Client.Testing;

/// <summary>The MIA agent configurations, stored as the API echoes them (PascalCase). Read and changed under the engine's lock.</summary>
internal sealed class AgentStore
{
    private readonly Dictionary<string, JsonObject> _agents = new(StringComparer.Ordinal);

    public IEnumerable<JsonObject> All => _agents.Values;

    public bool Contains(string agentConfigId) => _agents.ContainsKey(agentConfigId);

    /// <summary>The configuration with this id; 404 when there is none.</summary>
    public JsonObject Find(string agentConfigId) =>
        _agents.TryGetValue(agentConfigId, out var config) ? config : throw ApiError.NotFound($"Agent configuration '{agentConfigId}' not found");

    public void Add(string agentConfigId, JsonObject config) => _agents[agentConfigId] = config;

    public void Remove(string agentConfigId) => _agents.Remove(agentConfigId);
}
