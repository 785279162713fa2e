namespace MeetStream.Client.Webhooks;

/// <summary>
/// An intermediate transcription step finished; sent without <c>bot_event</c> (<c>bot.transcriptionready</c>).
/// </summary>
public sealed class BotTranscriptionReadyEvent : BotLifecycleEvent
{
}
