using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>The answer of <c>GET /mia</c>: every MIA agent configuration of the account.</summary>
public sealed class AgentConfigList : MeetStreamObject
{
    /// <summary>The configurations.</summary>
    [JsonPropertyName("agent_configs")]
    public IReadOnlyList<AgentConfig>? AgentConfigs { get; init; }

    /// <summary>How many configurations there are.</summary>
    [JsonPropertyName("count")]
    public int? Count { get; init; }
}
