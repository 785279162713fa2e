using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>The bots waiting for their join time (<c>GET /calendar/scheduled_bots</c>).</summary>
public sealed class ScheduledBotList : MeetStreamObject
{
    /// <summary>The scheduled bots (at most the requested <c>limit</c>, 100 by default).</summary>
    [JsonPropertyName("scheduled_bots")]
    public IReadOnlyList<ScheduledBot>? ScheduledBots { get; init; }
}
