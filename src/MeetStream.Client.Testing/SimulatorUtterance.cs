namespace MeetStream.Client.Testing;

/// <summary>
/// One line of the simulated meeting's conversation: who said it and what. The simulator spreads the lines over the
/// recording and uses them for the post-call transcript, live transcript chunks, the speaker timeline and the chat.
/// </summary>
/// <param name="Speaker">The participant's display name, e.g. <c>"Alice Example"</c>.</param>
/// <param name="Text">What they said.</param>
public sealed record SimulatorUtterance(string Speaker, string Text);
