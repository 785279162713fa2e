namespace MeetStream.Client;

/// <summary>
/// The SDK could not reach MeetStream or the connection failed before a complete response arrived
/// (DNS, refused or reset connections, TLS, truncated responses). Retries had already been tried where safe.
/// </summary>
public sealed class MeetStreamConnectionException : MeetStreamException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What happened and what to do about it.</param>
    /// <param name="innerException">The network error.</param>
    public MeetStreamConnectionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
