namespace MeetStream.Client.Webhooks;

/// <summary>
/// The bot is leaving the meeting (<c>bot.leaving</c>).
/// </summary>
public sealed class BotLeavingEvent : BotLifecycleEvent
{
}
