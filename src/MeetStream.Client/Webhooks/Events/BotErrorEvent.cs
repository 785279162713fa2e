namespace MeetStream.Client.Webhooks;

/// <summary>
/// A streaming-transcription provider failed while the bot stays in the meeting (<c>bot.error</c>), for example
/// because the provider account ran out of funds. <b>Not terminal</b>: the bot keeps running. The cause is in
/// <see cref="WebhookEvent.Message"/>; <c>status_code</c>, <c>custom_attributes</c> and <c>timestamp</c> are usually absent.
/// </summary>
public sealed class BotErrorEvent : BotLifecycleEvent
{
}
