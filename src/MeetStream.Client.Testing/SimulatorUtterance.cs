namespace MeetStream.Client.Testing;

/// <summary>
/// One line of the simulated meeting's conversation: who said it and what. The simulator spreads the lines over the
/// recording and uses them for the post-call transcript, live transcript chunks, the speaker timeline and the chat.
/// </summary>
/// <param name="Speaker">The participant's display name, e.g. <c>"Alice Example"</c>.</param>
/// <param name="Text">What they said.</param>
public sealed record SimulatorUtterance(string Speaker, string Text)
{
    /// <summary>
    /// Gets, for a barge-in, how long after the bot starts playing audio it was sent (<c>sendaudio</c>) this line starts:
    /// the participant talks over the bot, and the live audio frames carry their voice (mixed with the bot's) under their
    /// name, so a voice agent can detect it and interrupt. Barge-in lines are spoken in order, each on the first bot
    /// speech after the previous one ended, and are not part of the recording's timeline (post-call transcript, live transcript chunks). Null (the
    /// default) places the line on the timeline.
    /// </summary>
    public TimeSpan? AfterBotStartsSpeaking { get; init; }
}
