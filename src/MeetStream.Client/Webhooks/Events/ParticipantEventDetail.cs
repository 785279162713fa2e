using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client.Webhooks;

/// <summary>
/// What a participant event reports (<c>data.data</c>): the action, the participant and when it happened.
/// </summary>
public sealed class ParticipantEventDetail : MeetStreamObject
{
    /// <summary>Gets the action (<c>action</c>): <c>join</c> or <c>leave</c>.</summary>
    [JsonPropertyName("action")]
    public string? Action { get; init; }

    /// <summary>Gets the participant (<c>participant</c>).</summary>
    [JsonPropertyName("participant")]
    public WebhookParticipant? Participant { get; init; }

    /// <summary>Gets when it happened (<c>timestamp</c>).</summary>
    [JsonPropertyName("timestamp")]
    public ParticipantEventTimestamp? Timestamp { get; init; }
}
