using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The body of <c>PATCH /teams-logins/{login_id}</c>: a new password (which also reactivates a deactivated account)
/// and/or enabling or disabling the account. Change the password in Microsoft 365 first. <see cref="ToString"/>
/// never shows the password.
/// </summary>
public sealed class UpdateTeamsLoginRequest : MeetStreamObject
{
    /// <summary>The account's new password. Secret: never logged or printed by the SDK.</summary>
    [JsonPropertyName("password")]
    public string? Password { get; init; }

    /// <summary>Whether bots may use the account.</summary>
    [JsonPropertyName("is_active")]
    public bool? IsActive { get; init; }

    /// <summary>Describes the request with the password masked.</summary>
    /// <returns>For example <c>UpdateTeamsLoginRequest { Password = ***, IsActive = null }</c>.</returns>
    public override string ToString() =>
        $"UpdateTeamsLoginRequest {{ Password = {(Password is null ? "null" : "***")}, IsActive = {(IsActive is { } active ? active.ToString() : "null")} }}";

    internal void Validate(string parameterName)
    {
        if (Password is null && IsActive is null && (AdditionalProperties is null || AdditionalProperties.Count == 0))
        {
            throw new ArgumentException("Nothing to update: set Password (password) and/or IsActive (is_active).", parameterName);
        }

        if (Password is not null && Password.Length == 0)
        {
            throw new ArgumentException("Password (password) must not be empty when set.", parameterName);
        }
    }
}
