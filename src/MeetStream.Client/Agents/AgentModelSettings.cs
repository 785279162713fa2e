using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The <c>model</c> section of a MIA agent (<c>MIAModelConfig</c>): the LLM (pipeline) or speech-to-speech model
/// (realtime), its prompt and generation settings. <see cref="SystemPrompt"/> is required when creating an agent.
/// </summary>
public sealed class AgentModelSettings : MeetStreamObject
{
    /// <summary>The provider: pipeline <c>openai</c>/<c>anthropic</c>; realtime <c>openai</c>/<c>xai</c>/<c>google</c>.</summary>
    [JsonPropertyName("provider")]
    public AgentModelProvider? Provider { get; init; }

    /// <summary>The model, e.g. <c>gpt-4.1</c> or <c>gpt-4.1-mini</c>. Required in pipeline mode; in realtime mode only for OpenAI.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary>The instructions; may contain template variables filled by <c>agent_config_params</c> on create_bot. Required on create.</summary>
    [JsonPropertyName("system_prompt")]
    public string? SystemPrompt { get; init; }

    /// <summary>What the agent says when it joins (disclose that it is an AI).</summary>
    [JsonPropertyName("first_message")]
    public string? FirstMessage { get; init; }

    /// <summary>Sampling temperature from 0 to 2.</summary>
    [JsonPropertyName("temperature")]
    public double? Temperature { get; init; }

    /// <summary>The response token limit (<c>max_tokens</c>; the guide's spelling).</summary>
    [JsonPropertyName("max_tokens")]
    public int? MaxTokens { get; init; }

    /// <summary>The response token limit under the OpenAPI's other spelling (<c>max_token</c>).</summary>
    [JsonPropertyName("max_token")]
    public int? MaxToken { get; init; }

    /// <summary>The output token limit of an OpenAI realtime response.</summary>
    [JsonPropertyName("max_response_output_tokens")]
    public int? MaxResponseOutputTokens { get; init; }

    /// <summary>Nucleus sampling probability mass.</summary>
    [JsonPropertyName("top_p")]
    public double? TopP { get; init; }

    /// <summary>Penalty for frequent tokens.</summary>
    [JsonPropertyName("frequency_penalty")]
    public double? FrequencyPenalty { get; init; }

    /// <summary>Penalty for tokens already present.</summary>
    [JsonPropertyName("presence_penalty")]
    public double? PresencePenalty { get; init; }

    /// <summary>
    /// The built-in voice of a realtime model (required there). OpenAI: <c>alloy</c>, <c>ash</c>, <c>ballad</c>,
    /// <c>coral</c>, <c>echo</c>, <c>fable</c>, <c>nova</c>, <c>onyx</c>, <c>sage</c>, <c>shimmer</c>, <c>verse</c>;
    /// xAI: <c>Ara</c>, <c>Eve</c>, <c>Leo</c>, <c>Rex</c>, <c>Sal</c>; Google: <c>Puck</c>, <c>Charon</c>, <c>Kore</c>,
    /// <c>Fenrir</c>, <c>Aoede</c>, <c>Leda</c>, <c>Orus</c>, <c>Zephyr</c>.
    /// </summary>
    [JsonPropertyName("voice")]
    public string? Voice { get; init; }

    /// <summary>Output modalities of a realtime model, e.g. <c>audio</c>, <c>text</c>.</summary>
    [JsonPropertyName("modalities")]
    public IReadOnlyList<string>? Modalities { get; init; }

    /// <summary>Gemini thinking settings.</summary>
    [JsonPropertyName("thinking_config")]
    public AgentThinkingSettings? ThinkingConfig { get; init; }

    /// <summary>Gemini affective (emotion-aware) dialogue.</summary>
    [JsonPropertyName("enable_affective_dialog")]
    public bool? EnableAffectiveDialog { get; init; }

    /// <summary>Gemini proactive audio: the model may choose not to answer irrelevant speech.</summary>
    [JsonPropertyName("proactivity")]
    public bool? Proactivity { get; init; }

    /// <summary>Turns off the realtime model's own voice activity detection.</summary>
    [JsonPropertyName("disable_automatic_activity_detection")]
    public bool? DisableAutomaticActivityDetection { get; init; }
}
