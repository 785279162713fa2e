using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The avatar section of a MIA agent (<c>MIAAvatarConfig</c>; sent as <c>avatar</c> or <c>Avatar</c>, see
/// <see cref="AgentAvatarKey"/>). Needs the provider's key in the dashboard's Integrations page.
/// </summary>
public sealed class AgentAvatarSettings : MeetStreamObject
{
    /// <summary>The avatar provider, e.g. <c>anam</c>.</summary>
    [JsonPropertyName("provider")]
    public AgentAvatarProvider? Provider { get; init; }

    /// <summary>Whether the avatar is shown.</summary>
    [JsonPropertyName("enabled")]
    public bool? Enabled { get; init; }

    /// <summary>The provider's avatar id (for Anam: the avatar id, not the persona id). Required for Anam.</summary>
    [JsonPropertyName("avatar_id")]
    public string? AvatarId { get; init; }
}
