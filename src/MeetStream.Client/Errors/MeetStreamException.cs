namespace MeetStream.Client;

/// <summary>
/// Base type of every error the MeetStream SDK throws on purpose: API errors, network failures, timeouts and
/// responses it could not read. Catch this to handle any MeetStream failure in one place.
/// </summary>
public class MeetStreamException : Exception
{
    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What happened and what to do about it.</param>
    public MeetStreamException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the underlying error.</summary>
    /// <param name="message">What happened and what to do about it.</param>
    /// <param name="innerException">The error that caused this one.</param>
    public MeetStreamException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
