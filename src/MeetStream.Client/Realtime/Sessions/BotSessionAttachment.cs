namespace MeetStream.Client.Realtime;

/// <summary>
/// The result of attaching a channel to a <see cref="BotSessionRegistry"/>: the bot's session, and whether this
/// channel started it (run your per-bot logic once, when <see cref="IsNewSession"/> is true).
/// </summary>
/// <param name="Session">The session of the channel's bot.</param>
/// <param name="IsNewSession">Whether the session was created by this attach (the bot's first channel).</param>
/// <param name="ReplacedExisting">Whether the channel replaced an earlier channel of the same kind (a reconnect).</param>
public readonly record struct BotSessionAttachment(BotSession Session, bool IsNewSession, bool ReplacedExisting);
