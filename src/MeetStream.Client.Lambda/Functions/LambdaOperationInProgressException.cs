namespace MeetStream.Client.Lambda;

/// <summary>
/// Another invocation is doing the same thing right now (the same calendar trigger, for example). This invocation
/// fails on purpose so Lambda retries it; by then the other one has finished and the retry finds its result.
/// </summary>
public sealed class LambdaOperationInProgressException : MeetStreamException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What is in progress.</param>
    public LambdaOperationInProgressException(string message)
        : base(message)
    {
    }
}
