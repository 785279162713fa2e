using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// A Microsoft 365 account Teams signed-in bots use. One account serves one bot at a time; the password is
/// write-only and never returned. Fields beyond the id, email and state follow MeetStream's CLI and recipes.
/// </summary>
public sealed class TeamsLogin : MeetStreamObject
{
    /// <summary>The login's id: the <c>{login_id}</c> of the login endpoints.</summary>
    [JsonPropertyName("login_id")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? LoginId { get; init; }

    /// <summary>The account's registered domain.</summary>
    [JsonPropertyName("domain")]
    public string? Domain { get; init; }

    /// <summary>The account's email address.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; init; }

    /// <summary>Whether bots may use the account (a failed sign-in deactivates it; a new password reactivates it).</summary>
    [JsonPropertyName("is_active")]
    public bool? IsActive { get; init; }

    /// <summary>Whether the account is leased to a bot right now (values undocumented).</summary>
    [JsonPropertyName("lease_status")]
    public string? LeaseStatus { get; init; }

    /// <summary>How the account's last meeting session ended (values undocumented).</summary>
    [JsonPropertyName("last_session_result")]
    public string? LastSessionResult { get; init; }

    /// <summary>The last sign-in error, e.g. an expired password or an MFA prompt.</summary>
    [JsonPropertyName("last_login_error")]
    public string? LastLoginError { get; init; }

    /// <summary>When the account was registered, as sent.</summary>
    [JsonPropertyName("created_at")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? CreatedAt { get; init; }

    /// <summary>When the account was last changed, as sent.</summary>
    [JsonPropertyName("updated_at")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? UpdatedAt { get; init; }
}
