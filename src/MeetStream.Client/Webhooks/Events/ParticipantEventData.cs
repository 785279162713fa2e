using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client.Webhooks;

/// <summary>
/// The outer <c>data</c> object of a participant event: what happened (<c>data</c>) and the bot that saw it (<c>bot</c>).
/// </summary>
public sealed class ParticipantEventData : MeetStreamObject
{
    /// <summary>Gets the action, participant and time (<c>data.data</c>).</summary>
    [JsonPropertyName("data")]
    public ParticipantEventDetail? Detail { get; init; }

    /// <summary>Gets the bot that observed the change (<c>data.bot</c>).</summary>
    [JsonPropertyName("bot")]
    public WebhookBotReference? Bot { get; init; }
}
