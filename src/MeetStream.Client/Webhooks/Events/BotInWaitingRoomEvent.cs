namespace MeetStream.Client.Webhooks;

/// <summary>
/// The bot is in the meeting's lobby, waiting to be admitted (<c>bot.in_waiting_room</c>).
/// </summary>
public sealed class BotInWaitingRoomEvent : BotLifecycleEvent
{
}
