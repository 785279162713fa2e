namespace MeetStream.Client.Webhooks;

/// <summary>
/// No post-call transcript was produced for the bot (for example, a streaming-only provider) (<c>transcription.skipped</c>).
/// </summary>
public sealed class TranscriptionSkippedEvent : BotArtifactEvent
{
}
