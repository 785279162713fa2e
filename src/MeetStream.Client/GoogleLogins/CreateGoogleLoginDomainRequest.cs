using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The body of <c>POST /google-login-domains</c>: registers a Google Workspace domain for signed-in bots (set up
/// SSO in Google Admin first). The sources disagree on the body: the API reference (<c>LoginGroupRequest</c>) sends
/// <c>{user_id, name, login_mode}</c>, MeetStream's CLI sends <c>{sso_workspace_domain, name, login_mode}</c>. Every
/// field is therefore optional here and only the ones you set are sent: set <see cref="SsoWorkspaceDomain"/> (CLI
/// form), <see cref="UserId"/> (API reference form), or both.
/// </summary>
public sealed class CreateGoogleLoginDomainRequest : MeetStreamObject
{
    /// <summary>The API reference's required <c>user_id</c> (your MeetStream user id).</summary>
    [JsonPropertyName("user_id")]
    public string? UserId { get; init; }

    /// <summary>The Workspace domain, e.g. <c>acme.com</c> (<c>sso_workspace_domain</c>, as MeetStream's CLI sends it).</summary>
    [JsonPropertyName("sso_workspace_domain")]
    public string? SsoWorkspaceDomain { get; init; }

    /// <summary>A friendly name for the domain (required by the API reference).</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>When bots sign in: <see cref="LoginMode.Always"/> or <see cref="LoginMode.IfRequired"/>.</summary>
    [JsonPropertyName("login_mode")]
    public LoginMode? LoginMode { get; init; }

    internal void Validate(string parameterName)
    {
        if (string.IsNullOrWhiteSpace(UserId) && string.IsNullOrWhiteSpace(SsoWorkspaceDomain) && (AdditionalProperties is null || AdditionalProperties.Count == 0))
        {
            throw new ArgumentException("Set SsoWorkspaceDomain (sso_workspace_domain) or UserId (user_id): the domain to register must be identified.", parameterName);
        }

        if (UserId is not null && string.IsNullOrWhiteSpace(UserId))
        {
            throw new ArgumentException("UserId (user_id) must not be empty or white space when set.", parameterName);
        }

        if (SsoWorkspaceDomain is not null && string.IsNullOrWhiteSpace(SsoWorkspaceDomain))
        {
            throw new ArgumentException("SsoWorkspaceDomain (sso_workspace_domain) must not be empty or white space when set.", parameterName);
        }

        if (LoginMode is { } mode && string.IsNullOrWhiteSpace(mode.Value))
        {
            throw new ArgumentException("LoginMode (login_mode) must not be empty when set; use LoginMode.Always or LoginMode.IfRequired.", parameterName);
        }
    }
}
