namespace MeetStream.Client.Webhooks;

/// <summary>
/// The bot started capturing the meeting (<c>bot.recording</c>).
/// </summary>
public sealed class BotRecordingEvent : BotLifecycleEvent
{
}
