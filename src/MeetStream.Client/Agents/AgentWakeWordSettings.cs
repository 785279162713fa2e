using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The <c>wake_word</c> section of a pipeline MIA agent (<c>MIAWakeWordConfig</c>). Gating is on by default in
/// pipeline mode: set <see cref="Enabled"/> to <see langword="false"/> for an always-listening agent.
/// </summary>
public sealed class AgentWakeWordSettings : MeetStreamObject
{
    /// <summary>Whether the agent only answers after a wake word (MeetStream's default in pipeline mode: on).</summary>
    [JsonPropertyName("enabled")]
    public bool? Enabled { get; init; }

    /// <summary>The wake words. Sent as an array; a comma-separated string from MeetStream is read as a list too.</summary>
    [JsonPropertyName("words")]
    [JsonConverter(typeof(StringListOrCommaSeparatedJsonConverter))]
    public IReadOnlyList<string>? Words { get; init; }

    /// <summary>Seconds the agent keeps listening after a wake word (MeetStream's default 30).</summary>
    [JsonPropertyName("timeout")]
    public int? Timeout { get; init; }
}
