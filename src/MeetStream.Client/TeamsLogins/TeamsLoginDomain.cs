using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// A domain registered for Teams signed-in bots. The list returns counts; the single read adds its logins (never
/// their passwords). Fields beyond the domain's key follow MeetStream's CLI and recipes; the guide does not list them.
/// </summary>
public sealed class TeamsLoginDomain : MeetStreamObject
{
    /// <summary>The domain, e.g. <c>bots.acme.com</c>: the <c>{domain}</c> of the domain endpoints.</summary>
    [JsonPropertyName("domain")]
    public string? Domain { get; init; }

    /// <summary>The friendly name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>When bots sign in (always <c>always</c> for Teams today).</summary>
    [JsonPropertyName("login_mode")]
    public LoginMode? LoginMode { get; init; }

    /// <summary>How many accounts the domain has.</summary>
    [JsonPropertyName("login_count")]
    public int? LoginCount { get; init; }

    /// <summary>How many of them are active.</summary>
    [JsonPropertyName("active_login_count")]
    public int? ActiveLoginCount { get; init; }

    /// <summary>The domain's accounts (single read).</summary>
    [JsonPropertyName("logins")]
    public IReadOnlyList<TeamsLogin>? Logins { get; init; }

    /// <summary>When the domain was registered, as sent.</summary>
    [JsonPropertyName("created_at")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? CreatedAt { get; init; }

    /// <summary>When the domain was last changed, as sent.</summary>
    [JsonPropertyName("updated_at")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? UpdatedAt { get; init; }
}
