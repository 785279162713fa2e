using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// Google signed-in bot join (<c>google_meet</c>). The domain must be registered through Google logins first.
/// </summary>
public sealed class GoogleMeetJoinConfig : MeetStreamObject
{
    /// <summary>Whether the bot must sign in.</summary>
    [JsonPropertyName("login_required")]
    public bool? LoginRequired { get; init; }

    /// <summary>The registered workspace domain.</summary>
    [JsonPropertyName("google_login_domain")]
    public string? GoogleLoginDomain { get; init; }

    /// <summary>Pins the bot to one account.</summary>
    [JsonPropertyName("sign_in_email")]
    public string? SignInEmail { get; init; }

    /// <summary>Fail instead of falling back to another account (default true).</summary>
    [JsonPropertyName("strict_email")]
    public bool? StrictEmail { get; init; }
}
