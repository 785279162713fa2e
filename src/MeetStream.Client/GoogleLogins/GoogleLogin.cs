using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// A Google Workspace account signed-in bots use (an SSO key and certificate; neither is ever returned). Bots are
/// spread across a domain's active logins round-robin.
/// </summary>
public sealed class GoogleLogin : MeetStreamObject
{
    /// <summary>The login's id: the <c>{login_id}</c> of the login endpoints.</summary>
    [JsonPropertyName("login_id")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? LoginId { get; init; }

    /// <summary>The account's email address.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; init; }

    /// <summary>Whether bots may use the account.</summary>
    [JsonPropertyName("is_active")]
    public bool? IsActive { get; init; }

    /// <summary>How many meetings the account is in now.</summary>
    [JsonPropertyName("active_sessions")]
    public int? ActiveSessions { get; init; }

    /// <summary>The result of the last sign-in test (values undocumented).</summary>
    [JsonPropertyName("last_test_status")]
    public string? LastTestStatus { get; init; }

    /// <summary>When the account was last tested, as sent.</summary>
    [JsonPropertyName("last_tested_at")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? LastTestedAt { get; init; }
}
