using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>What <c>PATCH /google-login-domains/{domain}</c> answers: <c>{success, domain}</c>.</summary>
public sealed class UpdateGoogleLoginDomainResponse : MeetStreamObject
{
    /// <summary>Whether the update succeeded.</summary>
    [JsonPropertyName("success")]
    public bool? Success { get; init; }

    /// <summary>The domain after the update.</summary>
    [JsonPropertyName("domain")]
    public GoogleLoginDomain? Domain { get; init; }
}
