namespace MeetStream.Client.Lambda;

/// <summary>
/// The event Lambda delivered is not what the function handles (not JSON, the wrong shape, a missing required
/// field). Reported to Lambda as a function error; retrying the same event cannot succeed.
/// </summary>
public sealed class LambdaEventException : MeetStreamException
{
    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What is wrong with the event.</param>
    public LambdaEventException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the underlying error.</summary>
    /// <param name="message">What is wrong with the event.</param>
    /// <param name="innerException">The parse error.</param>
    public LambdaEventException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
