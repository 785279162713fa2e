namespace MeetStream.Client.Webhooks;

/// <summary>
/// The Zoom host refused recording; the bot then ends with <c>bot.stopped</c> (not <c>bot.denied</c>) (<c>bot.recording_permission_denied</c>).
/// </summary>
public sealed class BotRecordingPermissionDeniedEvent : BotLifecycleEvent
{
}
