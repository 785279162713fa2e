namespace MeetStream.Client.Realtime;

/// <summary>How a <see cref="ControlChannelSession.SpeakAsync(ReadOnlyMemory{short}, int, CancellationToken)"/> call ended.</summary>
public enum SpeakResult
{
    /// <summary>Every chunk was written to the socket; the bot plays them from its queue.</summary>
    Completed = 0,

    /// <summary>An interrupt (yours, or MeetStream's inbound one) stopped the speech; chunks not yet sent were discarded.</summary>
    Interrupted = 1,
}
