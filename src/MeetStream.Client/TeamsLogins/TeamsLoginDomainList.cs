using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>Your Teams signed-in bot domains (<c>GET /teams-login-domains</c>).</summary>
public sealed class TeamsLoginDomainList : MeetStreamObject
{
    /// <summary>The domains with their login counts.</summary>
    [JsonPropertyName("domains")]
    public IReadOnlyList<TeamsLoginDomain>? Domains { get; init; }
}
