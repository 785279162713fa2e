namespace MeetStream.Client.Webhooks;

/// <summary>
/// The bot was dispatched and is joining the meeting. It may arrive up to three times when MeetStream retries the join, each with its own timestamp: handle it idempotently (<c>bot.joining</c>).
/// </summary>
public sealed class BotJoiningEvent : BotLifecycleEvent
{
}
