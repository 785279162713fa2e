namespace MeetStream.Client.Webhooks;

/// <summary>
/// A bot created with <c>join_at</c> was scheduled; sent right after create_bot (<c>bot.scheduled</c>).
/// </summary>
public sealed class BotScheduledEvent : BotLifecycleEvent
{
}
