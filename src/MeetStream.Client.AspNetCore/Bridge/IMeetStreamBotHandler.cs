using MeetStream.Client.Realtime;

namespace MeetStream.Client.AspNetCore;

/// <summary>
/// Your code for one bot in the MeetStream bridge: called once per new <see cref="BotSession"/>, whichever of the
/// bot's sockets connected first. Register it with <c>services.AddMeetStreamBridge(...).AddHandler&lt;T&gt;()</c>;
/// it is created in a new DI scope for each bot.
/// </summary>
public interface IMeetStreamBotHandler
{
    /// <summary>
    /// Runs the bot: read <see cref="BotSession.ReadAudioFramesAsync"/>, answer through
    /// <see cref="BotSession.SpeakAsync"/>, and so on. Returning does not disconnect the bot; throwing logs the error
    /// and closes the bot's sockets.
    /// </summary>
    /// <param name="session">The bot's session; its channels attach as the bot connects them.</param>
    /// <param name="cancellationToken">Cancelled when the session ends (both sockets closed) or the application stops.</param>
    /// <returns>A task that completes when you are done with the bot.</returns>
    Task HandleAsync(BotSession session, CancellationToken cancellationToken);
}
