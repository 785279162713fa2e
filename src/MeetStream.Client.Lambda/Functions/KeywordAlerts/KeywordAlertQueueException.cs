using System.Net;

namespace MeetStream.Client.Lambda;

/// <summary>
/// The keyword-alert queue could not be reached or refused a send as a whole (after the AWS SDK's own retries): the
/// queue is missing, the function may not send to it, SQS throttled or failed. The keyword-alert function answers
/// 503 and keeps the unsent hits to send with its next invocation.
/// </summary>
public sealed class KeywordAlertQueueException : MeetStreamException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What failed and what to do.</param>
    /// <param name="errorCode">The AWS error code, if SQS answered.</param>
    /// <param name="statusCode">The HTTP status SQS answered with, if any.</param>
    /// <param name="innerException">The AWS SDK exception.</param>
    public KeywordAlertQueueException(string message, string? errorCode, HttpStatusCode? statusCode, Exception? innerException)
        : base(message, innerException)
    {
        ErrorCode = errorCode;
        StatusCode = statusCode;
    }

    /// <summary>Gets the AWS error code, if SQS answered (e.g. <c>AWS.SimpleQueueService.NonExistentQueue</c>).</summary>
    public string? ErrorCode { get; }

    /// <summary>Gets the HTTP status, if SQS answered.</summary>
    public HttpStatusCode? StatusCode { get; }
}
