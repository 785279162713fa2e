using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// A receiver of real-time events such as <c>participant_events.join</c> (<c>recording_config.realtime_endpoints[]</c>).
/// </summary>
public sealed class RealtimeEndpoint : MeetStreamObject
{
    /// <summary>The endpoint kind; only <c>webhook</c> is documented.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>The HTTPS URL that receives the events.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>The event names to deliver, e.g. <c>participant_events.join</c>.</summary>
    [JsonPropertyName("events")]
    public IReadOnlyList<string>? Events { get; init; }

    /// <summary>Creates a webhook endpoint for participant join and leave events.</summary>
    /// <param name="url">The HTTPS URL.</param>
    /// <returns>The endpoint.</returns>
    public static RealtimeEndpoint ParticipantWebhook(string url) => new()
    {
        Type = "webhook",
        Url = url,
        Events = ["participant_events.join", "participant_events.leave"],
    };
}
