using System.Text;
using System.Text.Json.Serialization;

namespace MeetStream.Client.Webhooks;

/// <summary>
/// The bot's participation in the meeting ended (generic event <c>bot.stopped</c>); <see cref="Reason"/> says why
/// (clean stop, kicked, not admitted, denied, failed). Exactly one arrives per bot. Processing events and
/// <c>bot.done</c> may still follow.
/// </summary>
public sealed class BotStoppedEvent : BotLifecycleEvent
{
    /// <summary>
    /// Gets why the bot left: <c>bot_event</c> when present; otherwise derived from <c>bot_status</c> the way
    /// MeetStream's own samples do (<c>NotAllowed</c>, <c>Denied</c>, <c>Error</c>/<c>Failed</c> in any case), else a clean stop.
    /// </summary>
    [JsonIgnore]
    public BotStopReason Reason
    {
        get
        {
            if (BotEvent is { Length: > 0 } specific)
            {
                return new BotStopReason(specific);
            }

            if (BotStatus is { } status)
            {
                if (status == MeetStream.Client.BotStatus.NotAllowed)
                {
                    return BotStopReason.NotAllowed;
                }

                if (status == MeetStream.Client.BotStatus.Denied)
                {
                    return BotStopReason.Denied;
                }

                if (status.IsFailure)
                {
                    return BotStopReason.Failed;
                }
            }

            return Event is { Length: > 0 } generic && !string.Equals(generic, "bot.stopped", StringComparison.OrdinalIgnoreCase)
                ? new BotStopReason(generic)
                : BotStopReason.Stopped;
        }
    }

    /// <summary>Gets whether the bot ended without a usable meeting (not admitted, denied or failed).</summary>
    [JsonIgnore]
    public bool IsFailure => Reason.IsFailure;

    /// <inheritdoc />
    [JsonIgnore]
    public override WebhookEventType Type => new(Reason.Value);

    private protected override void AppendSummary(StringBuilder text)
    {
        if (!string.Equals(Reason.Value, "bot.stopped", StringComparison.OrdinalIgnoreCase))
        {
            text.Append(" (bot.stopped)");
        }
    }
}
