using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>The answer of <c>POST /mia</c>: the new configuration's id and its stored form.</summary>
public sealed class CreateAgentResponse : MeetStreamObject, IJsonOnDeserialized
{
    private string? _agentConfigId;

    /// <summary>MeetStream's confirmation text.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>The new configuration's id (falls back to <c>agent_config.AgentConfigID</c>).</summary>
    [JsonPropertyName("agent_config_id")]
    public string? AgentConfigId { get => _agentConfigId; init => _agentConfigId = value; }

    /// <summary>The stored configuration.</summary>
    [JsonPropertyName("agent_config")]
    public AgentConfig? AgentConfig { get; init; }

    /// <inheritdoc />
    void IJsonOnDeserialized.OnDeserialized() => _agentConfigId ??= AgentConfig?.AgentConfigId;
}
