namespace MeetStream.Client.Webhooks;

/// <summary>
/// No audio recording was produced for the bot (<c>audio.skipped</c>).
/// </summary>
public sealed class AudioSkippedEvent : BotArtifactEvent
{
}
