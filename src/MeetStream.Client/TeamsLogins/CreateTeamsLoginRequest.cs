using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The body of <c>POST /teams-logins</c>: a licensed, non-admin Microsoft 365 account under a registered domain.
/// The password is write-only (never returned); <see cref="ToString"/> never shows it.
/// </summary>
public sealed class CreateTeamsLoginRequest : MeetStreamObject
{
    /// <summary>The registered domain, e.g. <c>bots.acme.com</c>.</summary>
    [JsonPropertyName("domain")]
    public required string Domain { get; init; }

    /// <summary>The account's email address, e.g. <c>bot1@bots.acme.com</c>.</summary>
    [JsonPropertyName("email")]
    public required string Email { get; init; }

    /// <summary>The account's password. Secret: never logged or printed by the SDK.</summary>
    [JsonPropertyName("password")]
    public required string Password { get; init; }

    /// <summary>Whether bots may use the account right away (<see langword="false"/> registers it disabled).</summary>
    [JsonPropertyName("is_active")]
    public bool? IsActive { get; init; }

    /// <summary>Describes the request with the password masked.</summary>
    /// <returns>For example <c>CreateTeamsLoginRequest { Domain = bots.acme.com, Email = bot1@bots.acme.com, Password = ***, IsActive = null }</c>.</returns>
    public override string ToString() =>
        $"CreateTeamsLoginRequest {{ Domain = {Domain}, Email = {Email}, Password = {(Password is null ? "null" : "***")}, IsActive = {(IsActive is { } active ? active.ToString() : "null")} }}";

    internal void Validate(string parameterName)
    {
        if (string.IsNullOrWhiteSpace(Domain))
        {
            throw new ArgumentException("Domain (domain) is required and must not be empty or white space.", parameterName);
        }

        if (string.IsNullOrWhiteSpace(Email) || !Email.Contains('@', StringComparison.Ordinal))
        {
            throw new ArgumentException("Email (email) is required and must be an email address such as bot1@bots.acme.com.", parameterName);
        }

        if (string.IsNullOrEmpty(Password))
        {
            throw new ArgumentException("Password (password) is required and must not be empty.", parameterName);
        }
    }
}
