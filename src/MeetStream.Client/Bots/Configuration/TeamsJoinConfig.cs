using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// Teams signed-in bot join (<c>teams</c>). The domain must be registered through Teams logins first; the bot shows
/// the account's own name and picture.
/// </summary>
public sealed class TeamsJoinConfig : MeetStreamObject
{
    /// <summary>Whether the bot must sign in.</summary>
    [JsonPropertyName("login_required")]
    public bool? LoginRequired { get; init; }

    /// <summary>The registered domain.</summary>
    [JsonPropertyName("teams_login_domain")]
    public string? TeamsLoginDomain { get; init; }

    /// <summary>Pins the bot to one account (409 when it is busy).</summary>
    [JsonPropertyName("sign_in_email")]
    public string? SignInEmail { get; init; }

    /// <summary>Fail instead of falling back to another account (default true).</summary>
    [JsonPropertyName("strict_email")]
    public bool? StrictEmail { get; init; }
}
