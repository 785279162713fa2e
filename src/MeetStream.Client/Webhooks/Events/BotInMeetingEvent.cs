namespace MeetStream.Client.Webhooks;

/// <summary>
/// The bot was admitted to the meeting (<c>bot.inmeeting</c>).
/// </summary>
public sealed class BotInMeetingEvent : BotLifecycleEvent
{
}
