namespace MeetStream.Client.Webhooks;

/// <summary>
/// The bot's media is being uploaded; an intermediate step without <c>bot_event</c> (<c>bot.uploading</c>).
/// </summary>
public sealed class BotUploadingEvent : BotLifecycleEvent
{
}
