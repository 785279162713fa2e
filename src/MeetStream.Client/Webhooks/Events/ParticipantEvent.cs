using System.Text;
using System.Text.Json.Serialization;

namespace MeetStream.Client.Webhooks;

/// <summary>
/// Base of the participant events delivered to <c>recording_config.realtime_endpoints</c>
/// (<c>participant_events.join</c> / <c>participant_events.leave</c>). The payload is nested: who and when are in
/// <c>data.data</c>, the bot in <c>data.bot</c>; <see cref="WebhookEvent.BotId"/> is filled from <c>data.bot.id</c>.
/// </summary>
public abstract class ParticipantEvent : WebhookEvent, IJsonOnDeserialized
{
    /// <summary>Initializes an event; only the SDK's event types derive from this class.</summary>
    private protected ParticipantEvent()
    {
    }

    /// <summary>Gets the nested payload (<c>data</c>).</summary>
    [JsonPropertyName("data")]
    public ParticipantEventData? Data { get; init; }

    /// <summary>Gets the participant who joined or left (<c>data.data.participant</c>).</summary>
    [JsonIgnore]
    public WebhookParticipant? Participant => Data?.Detail?.Participant;

    /// <summary>Gets what happened (<c>data.data.action</c>): <c>join</c> or <c>leave</c>.</summary>
    [JsonIgnore]
    public string? Action => Data?.Detail?.Action;

    /// <summary>Gets when it happened (<c>data.data.timestamp</c>), relative to the recording and absolute.</summary>
    [JsonIgnore]
    public ParticipantEventTimestamp? OccurredAt => Data?.Detail?.Timestamp;

    /// <inheritdoc />
    void IJsonOnDeserialized.OnDeserialized()
    {
        if (string.IsNullOrEmpty(BotId) && Data?.Bot?.Id is { Length: > 0 } id)
        {
            SetBotId(id);
        }
    }

    private protected override void AppendDetails(StringBuilder text)
    {
        if (Participant?.Id is { Length: > 0 } id)
        {
            text.Append(" (participant ");
            AppendOneLine(text, id, 120);
            text.Append(')');
        }
    }
}
