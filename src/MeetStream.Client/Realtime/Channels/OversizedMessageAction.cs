namespace MeetStream.Client.Realtime;

/// <summary>
/// What a real-time channel does with a message larger than <see cref="RealtimeChannelOptions.MaxMessageBytes"/>.
/// Either way memory stays bounded: the over-long message is never buffered past the cap.
/// </summary>
public enum OversizedMessageAction
{
    /// <summary>Read and discard the rest of the message, count it, and carry on (the default).</summary>
    Skip = 0,

    /// <summary>Close the channel with status 1009 (message too big).</summary>
    Close = 1,
}
