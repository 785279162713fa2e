namespace MeetStream.Client.Webhooks;

/// <summary>
/// No recording manifest was produced for the bot (<c>manifest.skipped</c>).
/// </summary>
public sealed class ManifestSkippedEvent : BotArtifactEvent
{
}
