using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The body of <c>POST /teams-login-domains</c>: registers the domain of your bot accounts (the part after the
/// <c>@</c>, in a dedicated Microsoft 365 tenant). Only <see cref="LoginMode.Always"/> is supported for Teams.
/// </summary>
public sealed class CreateTeamsLoginDomainRequest : MeetStreamObject
{
    /// <summary>The domain, e.g. <c>bots.acme.com</c>.</summary>
    [JsonPropertyName("domain")]
    public required string Domain { get; init; }

    /// <summary>A friendly name for the domain.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>When bots sign in; Teams supports only <see cref="LoginMode.Always"/> (sent when set).</summary>
    [JsonPropertyName("login_mode")]
    public LoginMode? LoginMode { get; init; }

    internal void Validate(string parameterName)
    {
        if (string.IsNullOrWhiteSpace(Domain))
        {
            throw new ArgumentException("Domain (domain) is required and must not be empty or white space.", parameterName);
        }

        if (LoginMode is { } mode && string.IsNullOrWhiteSpace(mode.Value))
        {
            throw new ArgumentException("LoginMode (login_mode) must not be empty when set; Teams supports LoginMode.Always.", parameterName);
        }
    }
}
