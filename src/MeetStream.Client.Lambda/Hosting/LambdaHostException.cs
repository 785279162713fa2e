namespace MeetStream.Client.Lambda;

/// <summary>
/// The host cannot run: no Runtime API address, or the Runtime API failed or told the runtime to exit. The process
/// should end; Lambda starts a fresh execution environment.
/// </summary>
public sealed class LambdaHostException : MeetStreamException
{
    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What failed.</param>
    public LambdaHostException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the underlying error.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The underlying error.</param>
    public LambdaHostException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
