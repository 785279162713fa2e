using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>The <c>agent.interruptions</c> thresholds (<c>MIAInterruptionsConfig</c>): how much speech counts as an interruption.</summary>
public sealed class AgentInterruptionSettings : MeetStreamObject
{
    /// <summary>Seconds of speech before the agent stops talking.</summary>
    [JsonPropertyName("min_duration_seconds")]
    public double? MinDurationSeconds { get; init; }

    /// <summary>Words of speech before the agent stops talking.</summary>
    [JsonPropertyName("word_threshold")]
    public int? WordThreshold { get; init; }
}
