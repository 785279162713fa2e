using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>The answer of <c>PUT /mia</c>: the configuration after the update.</summary>
public sealed class UpdateAgentResponse : MeetStreamObject
{
    /// <summary>MeetStream's confirmation text.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>The stored configuration after the update.</summary>
    [JsonPropertyName("agent_config")]
    public AgentConfig? AgentConfig { get; init; }
}
