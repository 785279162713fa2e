using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>The <c>model.thinking_config</c> of a Gemini realtime agent.</summary>
public sealed class AgentThinkingSettings : MeetStreamObject
{
    /// <summary>Whether to return thought summaries.</summary>
    [JsonPropertyName("include_thoughts")]
    public bool? IncludeThoughts { get; init; }

    /// <summary>Token budget for thinking.</summary>
    [JsonPropertyName("thinking_budget")]
    public int? ThinkingBudget { get; init; }
}
