using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>Your registered Google Workspace domains (<c>GET /google-login-domains</c>).</summary>
public sealed class GoogleLoginDomainList : MeetStreamObject
{
    /// <summary>The domains with their login counts.</summary>
    [JsonPropertyName("domains")]
    public IReadOnlyList<GoogleLoginDomain>? Domains { get; init; }
}
