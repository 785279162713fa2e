using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The body of <c>PATCH /google-logins/{login_id}</c>: enable or disable an account, or replace its SSO key and
/// certificate (refused while the account is in a meeting). MeetStream's CLI also sends the account's
/// <see cref="Domain"/>. Only the fields you set are sent. <see cref="ToString"/> masks the private key.
/// </summary>
public sealed class UpdateGoogleLoginRequest : MeetStreamObject
{
    /// <summary>The account's registered domain (sent by MeetStream's CLI with every update).</summary>
    [JsonPropertyName("domain")]
    public string? Domain { get; init; }

    /// <summary>A new SSO private key in PEM form. Secret: never logged or printed by the SDK.</summary>
    [JsonPropertyName("sso_private_key_pem")]
    public string? SsoPrivateKeyPem { get; init; }

    /// <summary>A new SSO certificate in PEM form.</summary>
    [JsonPropertyName("sso_cert_pem")]
    public string? SsoCertPem { get; init; }

    /// <summary>Whether bots may use the account.</summary>
    [JsonPropertyName("is_active")]
    public bool? IsActive { get; init; }

    /// <summary>Describes the request with the private key masked.</summary>
    /// <returns>For example <c>UpdateGoogleLoginRequest { Domain = acme.com, SsoPrivateKeyPem = ***, SsoCertPem = (1234 chars), IsActive = null }</c>.</returns>
    public override string ToString() =>
        $"UpdateGoogleLoginRequest {{ Domain = {Domain ?? "null"}, SsoPrivateKeyPem = {(SsoPrivateKeyPem is null ? "null" : "***")}, SsoCertPem = {(SsoCertPem is null ? "null" : $"({SsoCertPem.Length} chars)")}, IsActive = {(IsActive is { } active ? active.ToString() : "null")} }}";

    internal void Validate(string parameterName)
    {
        if (SsoPrivateKeyPem is null && SsoCertPem is null && IsActive is null && (AdditionalProperties is null || AdditionalProperties.Count == 0))
        {
            throw new ArgumentException("Nothing to update: set IsActive (is_active), SsoPrivateKeyPem (sso_private_key_pem) and/or SsoCertPem (sso_cert_pem).", parameterName);
        }

        if (Domain is not null && string.IsNullOrWhiteSpace(Domain))
        {
            throw new ArgumentException("Domain (domain) must not be empty or white space when set.", parameterName);
        }
    }
}
