namespace MeetStream.Client.Webhooks;

/// <summary>
/// The Zoom host allowed the bot to record (<c>bot.recording_permission_allowed</c>).
/// </summary>
public sealed class BotRecordingPermissionAllowedEvent : BotLifecycleEvent
{
}
