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

    /// <summary>
    /// Gets the line's share of the recording relative to the other lines: the simulator divides the meeting into one
    /// slot per line on the timeline, each as long as its weight, and a line is spoken in its slot (at most 150 words
    /// per minute, then a pause). Default 1 (every line gets an equal slot). A long monologue gets a proportionally
    /// larger weight, e.g. its word count divided by ten as in <see cref="SimulatorConversations.SalesDemo"/>. Between
    /// 0 (exclusive) and 1000.
    /// </summary>
    public double Weight { get; init; } = 1;

    /// <summary>
    /// Gets, for an interruption, how long before the previous line on the timeline ends this line starts: both
    /// participants talk at once for that long, in the post-call transcript, the speaker timeline and the live
    /// transcript chunks alike (the live audio frames carry the mix under the interrupter's name, the dominant
    /// speaker). It never starts before the previous line does. Null (the default) starts the line in its own slot.
    /// Not allowed on the first line of the timeline or on a barge-in line; at most one minute.
    /// </summary>
    public TimeSpan? Overlap { get; init; }
}
