using System.Text;
using System.Text.Json.Serialization;

namespace MeetStream.Client.Webhooks;

/// <summary>
/// Base of the events about the bot itself (<c>bot.*</c>): they carry <c>bot_id</c> and usually <c>bot_status</c>.
/// Handle this type to see every lifecycle change in one place.
/// </summary>
public abstract class BotLifecycleEvent : WebhookEvent
{
    /// <summary>Initializes an event; only the SDK's event types derive from this class.</summary>
    private protected BotLifecycleEvent()
    {
    }

    /// <summary>
    /// Gets the bot's status after the event (<c>bot_status</c>), e.g. <c>InMeeting</c>. Failure spellings vary;
    /// use <see cref="MeetStream.Client.BotStatus.IsFailure"/>.
    /// </summary>
    [JsonPropertyName("bot_status")]
    public BotStatus? BotStatus { get; init; }

    private protected override void AppendDetails(StringBuilder text)
    {
        if (BotStatus is { Value.Length: > 0 } status)
        {
            text.Append(" (status ").Append(status.Value).Append(')');
        }
    }
}
