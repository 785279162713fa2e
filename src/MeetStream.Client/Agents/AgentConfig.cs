using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// A stored MIA agent configuration as MeetStream returns it (<c>MIAAgentConfigObject</c>, PascalCase keys such as
/// <c>AgentConfigID</c>). Pass <see cref="AgentConfigId"/> as <c>agent_config_id</c> on create_bot, alone (no bridge
/// URLs). The snake_case spellings (<c>agent_config_id</c>, <c>avatar</c>, <c>wake_word</c>, …) are read too.
/// </summary>
public sealed class AgentConfig : MeetStreamObject, IJsonOnDeserialized
{
    private string? _agentConfigId;
    private string? _userId;
    private string? _agentName;
    private AgentMode? _mode;
    private AgentModelSettings? _model;
    private AgentVoiceSettings? _voice;
    private AgentTranscriberSettings? _transcriber;
    private AgentBehaviorSettings? _agent;
    private AgentAudioSettings? _audio;
    private AgentAvatarSettings? _avatar;
    private AgentWakeWordSettings? _wakeWord;
    private string? _createdAt;
    private string? _updatedAt;

    /// <summary>The configuration's id: pass it as <c>agent_config_id</c> on create_bot.</summary>
    [JsonPropertyName("AgentConfigID")]
    public string? AgentConfigId { get => _agentConfigId; init => _agentConfigId = value; }

    /// <summary>The owning MeetStream user.</summary>
    [JsonPropertyName("UserID")]
    public string? UserId { get => _userId; init => _userId = value; }

    /// <summary>The agent's name.</summary>
    [JsonPropertyName("AgentName")]
    public string? AgentName { get => _agentName; init => _agentName = value; }

    /// <summary><c>pipeline</c> or <c>realtime</c>.</summary>
    [JsonPropertyName("Mode")]
    public AgentMode? Mode { get => _mode; init => _mode = value; }

    /// <summary>The model settings.</summary>
    [JsonPropertyName("Model")]
    public AgentModelSettings? Model { get => _model; init => _model = value; }

    /// <summary>The text-to-speech settings (pipeline).</summary>
    [JsonPropertyName("Voice")]
    public AgentVoiceSettings? Voice { get => _voice; init => _voice = value; }

    /// <summary>The speech-to-text settings (pipeline).</summary>
    [JsonPropertyName("Transcriber")]
    public AgentTranscriberSettings? Transcriber { get => _transcriber; init => _transcriber = value; }

    /// <summary>The behaviour settings.</summary>
    [JsonPropertyName("Agent")]
    public AgentBehaviorSettings? Agent { get => _agent; init => _agent = value; }

    /// <summary>The audio settings.</summary>
    [JsonPropertyName("Audio")]
    public AgentAudioSettings? Audio { get => _audio; init => _audio = value; }

    /// <summary>The avatar settings (read from <c>Avatar</c> or <c>avatar</c>).</summary>
    [JsonPropertyName("Avatar")]
    public AgentAvatarSettings? Avatar { get => _avatar; init => _avatar = value; }

    /// <summary>The wake-word settings (read from <c>WakeWord</c> or <c>wake_word</c>).</summary>
    [JsonPropertyName("WakeWord")]
    public AgentWakeWordSettings? WakeWord { get => _wakeWord; init => _wakeWord = value; }

    /// <summary>When the configuration was created (format not documented).</summary>
    [JsonPropertyName("CreatedAt")]
    public string? CreatedAt { get => _createdAt; init => _createdAt = value; }

    /// <summary>When the configuration was last changed (format not documented).</summary>
    [JsonPropertyName("UpdatedAt")]
    public string? UpdatedAt { get => _updatedAt; init => _updatedAt = value; }

    /// <inheritdoc />
    void IJsonOnDeserialized.OnDeserialized()
    {
        if (AdditionalProperties is not { Count: > 0 } extra)
        {
            return;
        }

        var context = MeetStreamJsonContext.Default;
        _agentConfigId ??= Fallback(extra, "agent_config_id", context.String);
        _userId ??= Fallback(extra, "user_id", context.String);
        _agentName ??= Fallback(extra, "agent_name", context.String);
        _mode ??= Fallback(extra, "mode", context.NullableAgentMode);
        _model ??= Fallback(extra, "model", context.AgentModelSettings);
        _voice ??= Fallback(extra, "voice", context.AgentVoiceSettings);
        _transcriber ??= Fallback(extra, "transcriber", context.AgentTranscriberSettings);
        _agent ??= Fallback(extra, "agent", context.AgentBehaviorSettings);
        _audio ??= Fallback(extra, "audio", context.AgentAudioSettings);
        _avatar ??= Fallback(extra, "avatar", context.AgentAvatarSettings);
        _wakeWord ??= Fallback(extra, "wake_word", context.AgentWakeWordSettings);
        _createdAt ??= Fallback(extra, "created_at", context.String);
        _updatedAt ??= Fallback(extra, "updated_at", context.String);
    }

    private static T? Fallback<T>(IDictionary<string, JsonElement> extra, string name, JsonTypeInfo<T> typeInfo)
    {
        if (!extra.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return default;
        }

        try
        {
            return value.Deserialize(typeInfo);
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
