namespace MeetStream.Client.Lambda;

/// <summary>
/// Some sessions of a scheduled or direct transcript run failed (MeetStream or AWS errors). The others were processed;
/// the failed ones were left as they were, so Lambda's retry (or the next scheduled run) picks them up again.
/// </summary>
public sealed class TranscriptRunException : MeetStreamException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">Which sessions failed and why.</param>
    /// <param name="results">Every session's outcome.</param>
    /// <param name="innerException">The first failure.</param>
    public TranscriptRunException(string message, IReadOnlyList<TranscriptSessionResult> results, Exception? innerException)
        : base(message, innerException)
    {
        Results = results;
    }

    /// <summary>Gets every session's outcome, failed ones included.</summary>
    public IReadOnlyList<TranscriptSessionResult> Results { get; }
}
