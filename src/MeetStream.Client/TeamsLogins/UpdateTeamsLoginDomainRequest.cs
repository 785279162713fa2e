using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>The body of <c>PATCH /teams-login-domains/{domain}</c>: only the fields you set change.</summary>
public sealed class UpdateTeamsLoginDomainRequest : MeetStreamObject
{
    /// <summary>A new friendly name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>A new login mode (Teams supports only <see cref="LoginMode.Always"/>).</summary>
    [JsonPropertyName("login_mode")]
    public LoginMode? LoginMode { get; init; }

    internal void Validate(string parameterName)
    {
        if (Name is null && LoginMode is null && (AdditionalProperties is null || AdditionalProperties.Count == 0))
        {
            throw new ArgumentException("Nothing to update: set Name (name) and/or LoginMode (login_mode).", parameterName);
        }

        if (LoginMode is { } mode && string.IsNullOrWhiteSpace(mode.Value))
        {
            throw new ArgumentException("LoginMode (login_mode) must not be empty when set.", parameterName);
        }
    }
}
