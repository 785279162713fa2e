using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// A Google Workspace domain registered for signed-in bots. The list returns counts; the single read adds its logins
/// and <see cref="UpdatedAt"/>.
/// </summary>
public sealed class GoogleLoginDomain : MeetStreamObject
{
    /// <summary>The Workspace domain, e.g. <c>acme.com</c>: the <c>{domain}</c> of the domain endpoints.</summary>
    [JsonPropertyName("sso_workspace_domain")]
    public string? SsoWorkspaceDomain { get; init; }

    /// <summary>The friendly name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>When bots sign in.</summary>
    [JsonPropertyName("login_mode")]
    public LoginMode? LoginMode { get; init; }

    /// <summary>How many concurrent Meet sessions one login serves (rule of thumb: logins = peak sessions / 20).</summary>
    [JsonPropertyName("max_concurrent_per_login")]
    public int? MaxConcurrentPerLogin { get; init; }

    /// <summary>How many logins the domain has (list).</summary>
    [JsonPropertyName("login_count")]
    public int? LoginCount { get; init; }

    /// <summary>How many of them are active (list).</summary>
    [JsonPropertyName("active_login_count")]
    public int? ActiveLoginCount { get; init; }

    /// <summary>The domain's logins (single read).</summary>
    [JsonPropertyName("logins")]
    public IReadOnlyList<GoogleLogin>? Logins { get; init; }

    /// <summary>When the domain was registered, as sent.</summary>
    [JsonPropertyName("created_at")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? CreatedAt { get; init; }

    /// <summary>When the domain was last changed, as sent.</summary>
    [JsonPropertyName("updated_at")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? UpdatedAt { get; init; }
}
