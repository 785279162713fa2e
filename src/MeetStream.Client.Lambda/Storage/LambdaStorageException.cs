using System.Net;

namespace MeetStream.Client.Lambda;

/// <summary>
/// DynamoDB or S3 failed after the AWS SDK's own retries (throttling, 5xx, access denied, a missing table or bucket).
/// Functions let it propagate so Lambda reports a function error and retries asynchronous events; nothing partial is
/// left behind because every pipeline write is conditional and idempotent.
/// </summary>
public sealed class LambdaStorageException : MeetStreamException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What failed and what to do.</param>
    /// <param name="service"><c>DynamoDB</c> or <c>S3</c>.</param>
    /// <param name="operation">The API operation, e.g. <c>UpdateItem</c>.</param>
    /// <param name="errorCode">The AWS error code, e.g. <c>ProvisionedThroughputExceededException</c>.</param>
    /// <param name="statusCode">The HTTP status AWS answered with, if any.</param>
    /// <param name="innerException">The AWS SDK exception.</param>
    public LambdaStorageException(string message, string service, string operation, string? errorCode, HttpStatusCode? statusCode, Exception? innerException)
        : base(message, innerException)
    {
        Service = service;
        Operation = operation;
        ErrorCode = errorCode;
        StatusCode = statusCode;
    }

    /// <summary>Gets the service: <c>DynamoDB</c> or <c>S3</c>.</summary>
    public string Service { get; }

    /// <summary>Gets the API operation.</summary>
    public string Operation { get; }

    /// <summary>Gets the AWS error code, if AWS answered.</summary>
    public string? ErrorCode { get; }

    /// <summary>Gets the HTTP status, if AWS answered.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Gets whether AWS throttled the call (retrying later is the cure).</summary>
    public bool IsThrottling => ErrorCode is "ProvisionedThroughputExceededException" or "ThrottlingException" or "RequestLimitExceeded" or "SlowDown" or "Throttling"
        || StatusCode == HttpStatusCode.TooManyRequests;
}
