using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The <c>agent</c> section of a MIA agent (<c>MIAAgentConfig</c>): tools and MCP servers, how it answers,
/// interruptions, voice activity detection, turn taking and endpointing.
/// </summary>
public sealed class AgentBehaviorSettings : MeetStreamObject
{
    /// <summary>
    /// Tools the agent can call: custom HTTPS functions (<see cref="AgentTool"/>) or tools referenced by name
    /// (<see cref="AgentTool.Reference"/>). Read from strings or objects.
    /// </summary>
    [JsonPropertyName("tools")]
    [JsonConverter(typeof(AgentToolListJsonConverter))]
    public IReadOnlyList<AgentTool>? Tools { get; init; }

    /// <summary>Whether tool calling is on.</summary>
    [JsonPropertyName("tools_enabled")]
    public bool? ToolsEnabled { get; init; }

    /// <summary>The response modality chosen in the dashboard (audio, chat or action).</summary>
    [JsonPropertyName("response_modality")]
    public string? ResponseModality { get; init; }

    /// <summary>How the agent answers: <c>voice</c> (default), <c>chat</c> or <c>action</c>.</summary>
    [JsonPropertyName("response_type")]
    public AgentResponseType? ResponseType { get; init; }

    /// <summary>MCP servers whose tools the agent can call. Sent as an array; an object map is read too.</summary>
    [JsonPropertyName("mcp_servers")]
    [JsonConverter(typeof(AgentMcpServerListJsonConverter))]
    public IReadOnlyList<AgentMcpServer>? McpServers { get; init; }

    /// <summary>Whether the agent may start generating before the speaker has certainly finished.</summary>
    [JsonPropertyName("preemptive_generation")]
    public bool? PreemptiveGeneration { get; init; }

    /// <summary>Seconds of silence after which the participant is considered away.</summary>
    [JsonPropertyName("user_away_timeout")]
    public double? UserAwayTimeout { get; init; }

    /// <summary>How interruptions are detected: <c>adaptive</c> or <c>vad</c>.</summary>
    [JsonPropertyName("interruption_mode")]
    public AgentInterruptionMode? InterruptionMode { get; init; }

    /// <summary>Thresholds for what counts as an interruption.</summary>
    [JsonPropertyName("interruptions")]
    public AgentInterruptionSettings? Interruptions { get; init; }

    /// <summary>Whether participants can interrupt the agent.</summary>
    [JsonPropertyName("enable_interruptions")]
    public bool? EnableInterruptions { get; init; }

    /// <summary>Seconds after which a detected interruption without words is treated as false.</summary>
    [JsonPropertyName("false_interruption_timeout")]
    public double? FalseInterruptionTimeout { get; init; }

    /// <summary>Whether the agent resumes speaking after a false interruption.</summary>
    [JsonPropertyName("resume_false_interruption")]
    public bool? ResumeFalseInterruption { get; init; }

    /// <summary>VAD eagerness (OpenAI semantic VAD, e.g. <c>low</c>, <c>medium</c>, <c>high</c>, <c>auto</c>).</summary>
    [JsonPropertyName("vad_eagerness")]
    public string? VadEagerness { get; init; }

    /// <summary>VAD type, e.g. <c>server_vad</c> or <c>semantic_vad</c>.</summary>
    [JsonPropertyName("vad_type")]
    public string? VadType { get; init; }

    /// <summary>VAD activation threshold from 0 to 1 (realtime).</summary>
    [JsonPropertyName("vad_threshold")]
    public double? VadThreshold { get; init; }

    /// <summary>Milliseconds of audio kept before detected speech (realtime).</summary>
    [JsonPropertyName("vad_prefix_padding_ms")]
    public int? VadPrefixPaddingMs { get; init; }

    /// <summary>Milliseconds of silence that end a turn (realtime).</summary>
    [JsonPropertyName("vad_silence_duration_ms")]
    public int? VadSilenceDurationMs { get; init; }

    /// <summary>VAD activation threshold (pipeline).</summary>
    [JsonPropertyName("vad_activation_threshold")]
    public double? VadActivationThreshold { get; init; }

    /// <summary>VAD deactivation threshold (pipeline).</summary>
    [JsonPropertyName("vad_deactivation_threshold")]
    public double? VadDeactivationThreshold { get; init; }

    /// <summary>Minimum milliseconds of silence that end speech (pipeline).</summary>
    [JsonPropertyName("vad_min_silence_duration_ms")]
    public int? VadMinSilenceDurationMs { get; init; }

    /// <summary>Minimum milliseconds of speech that start a turn (pipeline).</summary>
    [JsonPropertyName("vad_min_speech_duration_ms")]
    public int? VadMinSpeechDurationMs { get; init; }

    /// <summary>Milliseconds of audio kept before detected speech (pipeline).</summary>
    [JsonPropertyName("vad_prefix_padding_duration_ms")]
    public int? VadPrefixPaddingDurationMs { get; init; }

    /// <summary>The turn detection strategy.</summary>
    [JsonPropertyName("turn_detection")]
    public string? TurnDetection { get; init; }

    /// <summary>The endpointing mode (how the end of a participant's turn is decided).</summary>
    [JsonPropertyName("endpointing_mode")]
    public string? EndpointingMode { get; init; }

    /// <summary>Minimum seconds to wait before treating a turn as finished.</summary>
    [JsonPropertyName("min_endpointing_delay")]
    public double? MinEndpointingDelay { get; init; }

    /// <summary>Maximum seconds to wait before treating a turn as finished.</summary>
    [JsonPropertyName("max_endpointing_delay")]
    public double? MaxEndpointingDelay { get; init; }
}
