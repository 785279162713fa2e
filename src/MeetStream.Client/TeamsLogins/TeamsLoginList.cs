using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>The Teams bot accounts of one domain (<c>GET /teams-logins?domain=</c>).</summary>
public sealed class TeamsLoginList : MeetStreamObject
{
    /// <summary>The accounts.</summary>
    [JsonPropertyName("logins")]
    public IReadOnlyList<TeamsLogin>? Logins { get; init; }
}
