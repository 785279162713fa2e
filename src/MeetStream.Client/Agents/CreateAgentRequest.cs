using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The body of <c>POST /mia</c>: a new MIA agent configuration. Required: <see cref="AgentName"/>, <see cref="Mode"/>
/// and <see cref="Model"/> with a system prompt. Pipeline mode also uses <see cref="Voice"/>, <see cref="Transcriber"/>
/// and <see cref="WakeWord"/>; realtime mode puts the voice in <see cref="AgentModelSettings.Voice"/>. The provider
/// keys must be stored in the dashboard's Integrations page first.
/// </summary>
public sealed class CreateAgentRequest : MeetStreamObject
{
    /// <summary>The agent's name.</summary>
    [JsonPropertyName("agent_name")]
    public required string AgentName { get; init; }

    /// <summary><c>pipeline</c> (separate STT, LLM, TTS; wake words) or <c>realtime</c> (one speech-to-speech model).</summary>
    [JsonPropertyName("mode")]
    public required AgentMode Mode { get; init; }

    /// <summary>The model, its prompt and generation settings.</summary>
    [JsonPropertyName("model")]
    public required AgentModelSettings Model { get; init; }

    /// <summary>Text-to-speech (pipeline only).</summary>
    [JsonPropertyName("voice")]
    public AgentVoiceSettings? Voice { get; init; }

    /// <summary>Speech-to-text (pipeline only).</summary>
    [JsonPropertyName("transcriber")]
    public AgentTranscriberSettings? Transcriber { get; init; }

    /// <summary>Tools, MCP servers, interruptions, VAD and turn taking.</summary>
    [JsonPropertyName("agent")]
    public AgentBehaviorSettings? Agent { get; init; }

    /// <summary>Audio format.</summary>
    [JsonPropertyName("audio")]
    public AgentAudioSettings? Audio { get; init; }

    /// <summary>Wake-word gating (pipeline only; on by default there).</summary>
    [JsonPropertyName("wake_word")]
    public AgentWakeWordSettings? WakeWord { get; init; }

    /// <summary>A visual avatar; sent under the key chosen by <see cref="AvatarKey"/>.</summary>
    [JsonPropertyName("avatar")]
    public AgentAvatarSettings? Avatar { get; init; }

    /// <summary>Gets the JSON key for <see cref="Avatar"/>: <c>avatar</c> (guide, default) or <c>Avatar</c> (OpenAPI).</summary>
    [JsonIgnore]
    public AgentAvatarKey AvatarKey { get; init; } = AgentAvatarKey.Lowercase;
}
