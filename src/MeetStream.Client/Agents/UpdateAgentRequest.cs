using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The body of <c>PUT /mia</c> (the id is added by <see cref="IAgentsClient.UpdateAsync"/>): a partial update, only
/// the sections set are sent. Changing <see cref="Mode"/> makes MeetStream revalidate the whole configuration;
/// updating one section only checks that its provider keys exist. Running sessions keep their old settings.
/// </summary>
public sealed class UpdateAgentRequest : MeetStreamObject
{
    /// <summary>A new name.</summary>
    [JsonPropertyName("agent_name")]
    public string? AgentName { get; init; }

    /// <summary>A new mode (triggers full revalidation).</summary>
    [JsonPropertyName("mode")]
    public AgentMode? Mode { get; init; }

    /// <summary>New model settings.</summary>
    [JsonPropertyName("model")]
    public AgentModelSettings? Model { get; init; }

    /// <summary>New text-to-speech settings.</summary>
    [JsonPropertyName("voice")]
    public AgentVoiceSettings? Voice { get; init; }

    /// <summary>New speech-to-text settings.</summary>
    [JsonPropertyName("transcriber")]
    public AgentTranscriberSettings? Transcriber { get; init; }

    /// <summary>New behaviour settings.</summary>
    [JsonPropertyName("agent")]
    public AgentBehaviorSettings? Agent { get; init; }

    /// <summary>New audio settings.</summary>
    [JsonPropertyName("audio")]
    public AgentAudioSettings? Audio { get; init; }

    /// <summary>New wake-word settings.</summary>
    [JsonPropertyName("wake_word")]
    public AgentWakeWordSettings? WakeWord { get; init; }

    /// <summary>New avatar settings; sent under the key chosen by <see cref="AvatarKey"/>.</summary>
    [JsonPropertyName("avatar")]
    public AgentAvatarSettings? Avatar { get; init; }

    /// <summary>Gets the JSON key for <see cref="Avatar"/>: <c>avatar</c> (guide, default) or <c>Avatar</c> (OpenAPI).</summary>
    [JsonIgnore]
    public AgentAvatarKey AvatarKey { get; init; } = AgentAvatarKey.Lowercase;
}
