using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The body of <c>POST /google-logins</c>: a Workspace account for signed-in bots, with the SSO private key and
/// certificate from the Google signed-in bots guide. <see cref="ToString"/> masks the private key.
/// </summary>
public sealed class CreateGoogleLoginRequest : MeetStreamObject
{
    /// <summary>The registered Workspace domain, e.g. <c>acme.com</c>.</summary>
    [JsonPropertyName("domain")]
    public required string Domain { get; init; }

    /// <summary>The account's email address under <see cref="Domain"/>.</summary>
    [JsonPropertyName("email")]
    public required string Email { get; init; }

    /// <summary>The SSO signing private key in PEM form. Secret: never logged or printed by the SDK.</summary>
    [JsonPropertyName("sso_private_key_pem")]
    public required string SsoPrivateKeyPem { get; init; }

    /// <summary>The SSO certificate in PEM form (the public half registered in Google Admin).</summary>
    [JsonPropertyName("sso_cert_pem")]
    public required string SsoCertPem { get; init; }

    /// <summary>Whether bots may use the account right away (<see langword="false"/> registers it disabled).</summary>
    [JsonPropertyName("is_active")]
    public bool? IsActive { get; init; }

    /// <summary>Describes the request with the private key masked and the certificate shortened to its length.</summary>
    /// <returns>For example <c>CreateGoogleLoginRequest { Domain = acme.com, Email = bot1@acme.com, SsoPrivateKeyPem = ***, SsoCertPem = (1234 chars), IsActive = null }</c>.</returns>
    public override string ToString() =>
        $"CreateGoogleLoginRequest {{ Domain = {Domain}, Email = {Email}, SsoPrivateKeyPem = {(SsoPrivateKeyPem is null ? "null" : "***")}, SsoCertPem = {(SsoCertPem is null ? "null" : $"({SsoCertPem.Length} chars)")}, IsActive = {(IsActive is { } active ? active.ToString() : "null")} }}";

    internal void Validate(string parameterName)
    {
        Require(Domain, "Domain (domain)", parameterName);
        Require(Email, "Email (email)", parameterName);
        Require(SsoPrivateKeyPem, "SsoPrivateKeyPem (sso_private_key_pem)", parameterName);
        Require(SsoCertPem, "SsoCertPem (sso_cert_pem)", parameterName);
        if (!Email.Contains('@', StringComparison.Ordinal))
        {
            throw new ArgumentException("Email (email) must be an email address such as bot1@acme.com.", parameterName);
        }
    }

    private static void Require(string? value, string field, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{field} is required and must not be empty or white space.", parameterName);
        }
    }
}
