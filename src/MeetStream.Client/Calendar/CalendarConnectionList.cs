using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// Your calendar connections (<c>GET /calendar/connections</c>, guide-only; response shape undocumented). The SDK
/// reads <c>{"connections": [...]}</c> and also a bare JSON array of connections.
/// </summary>
public sealed class CalendarConnectionList : MeetStreamObject
{
    /// <summary>The connections.</summary>
    [JsonPropertyName("connections")]
    public IReadOnlyList<CalendarConnection>? Connections { get; init; }
}
