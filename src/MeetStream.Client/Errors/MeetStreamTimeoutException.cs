namespace MeetStream.Client;

/// <summary>
/// A request, or a bounded wait such as <c>WaitForTranscriptAsync</c>, did not finish within its time limit.
/// </summary>
public sealed class MeetStreamTimeoutException : MeetStreamException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What timed out and which setting controls the limit.</param>
    /// <param name="timeout">The limit that was exceeded.</param>
    /// <param name="innerException">The underlying timeout, if any.</param>
    public MeetStreamTimeoutException(string message, TimeSpan timeout, Exception? innerException = null)
        : base(message, innerException)
    {
        Timeout = timeout;
    }

    /// <summary>Gets the time limit that was exceeded.</summary>
    public TimeSpan Timeout { get; }
}
