using System.Net;

namespace MeetStream.Client;

/// <summary>
/// MeetStream answered with a status the call cannot treat as success. Subclasses exist for the statuses callers
/// branch on; this type is thrown as is for any other status. Never contains the API key.
/// </summary>
public class MeetStreamApiException : MeetStreamException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What happened and what to do about it.</param>
    /// <param name="details">The response facts.</param>
    /// <param name="innerException">The error that caused this one, if any.</param>
    public MeetStreamApiException(string message, MeetStreamErrorDetails details, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(details);
        Details = details;
    }

    /// <summary>Gets the facts of the failed response.</summary>
    public MeetStreamErrorDetails Details { get; }

    /// <summary>Gets the HTTP status MeetStream answered with.</summary>
    public HttpStatusCode StatusCode => Details.StatusCode;

    /// <summary>Gets the error text from the body (<c>message</c>, <c>detail</c> or <c>error</c>), if any.</summary>
    public string? ApiMessage => Details.ApiMessage;

    /// <summary>Gets the <c>x-request-id</c> response header, if MeetStream sent one; quote it to support.</summary>
    public string? RequestId => Details.RequestId;

    /// <summary>Gets the raw response body: at most 16 KiB are kept (marked <c>…(truncated, N bytes)</c> when cut), with the API key and <c>Token</c>/<c>Bearer</c> values replaced by <c>[REDACTED]</c>.</summary>
    public string? ResponseBody => Details.ResponseBody;
}

/// <summary>The facts of a MeetStream error response, shared by every <see cref="MeetStreamApiException"/>.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Method">The HTTP method of the request.</param>
/// <param name="Path">The request path relative to the base URL, without the query string.</param>
/// <param name="ApiMessage">The error text from the body, if any.</param>
/// <param name="RequestId">The <c>x-request-id</c> response header, if any.</param>
/// <param name="ResponseBody">The raw response body, truncated to 16 KiB, secrets redacted.</param>
public sealed record MeetStreamErrorDetails(
    HttpStatusCode StatusCode,
    string Method,
    string Path,
    string? ApiMessage,
    string? RequestId,
    string? ResponseBody);

/// <summary>400: MeetStream rejected a field or a combination of fields; the message says which.</summary>
public sealed class MeetStreamBadRequestException : MeetStreamApiException
{
    /// <inheritdoc cref="MeetStreamApiException(string, MeetStreamErrorDetails, Exception?)"/>
    public MeetStreamBadRequestException(string message, MeetStreamErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}

/// <summary>401: no API key reached MeetStream. Set the key in options or <c>MEETSTREAM_API_KEY</c>.</summary>
public sealed class MeetStreamAuthenticationException : MeetStreamApiException
{
    /// <inheritdoc cref="MeetStreamApiException(string, MeetStreamErrorDetails, Exception?)"/>
    public MeetStreamAuthenticationException(string message, MeetStreamErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}

/// <summary>403: the key was sent but rejected (wrong, revoked, truncated) or has no access to the resource.</summary>
public sealed class MeetStreamPermissionDeniedException : MeetStreamApiException
{
    /// <inheritdoc cref="MeetStreamApiException(string, MeetStreamErrorDetails, Exception?)"/>
    public MeetStreamPermissionDeniedException(string message, MeetStreamErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}

/// <summary>404 or 410: the id is unknown, or its data was deleted or expired.</summary>
public sealed class MeetStreamNotFoundException : MeetStreamApiException
{
    /// <inheritdoc cref="MeetStreamApiException(string, MeetStreamErrorDetails, Exception?)"/>
    public MeetStreamNotFoundException(string message, MeetStreamErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}

/// <summary>409: the request conflicts with the current state (bot state, schedule, deduplication key, busy Teams account).</summary>
public sealed class MeetStreamConflictException : MeetStreamApiException
{
    /// <inheritdoc cref="MeetStreamApiException(string, MeetStreamErrorDetails, Exception?)"/>
    public MeetStreamConflictException(string message, MeetStreamErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}

/// <summary>429: rate limited (or every Teams account busy), after the SDK's own retries.</summary>
public sealed class MeetStreamRateLimitException : MeetStreamApiException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What happened and what to do about it.</param>
    /// <param name="details">The response facts.</param>
    /// <param name="retryAfter">How long MeetStream asked the caller to wait, if it said.</param>
    public MeetStreamRateLimitException(string message, MeetStreamErrorDetails details, TimeSpan? retryAfter)
        : base(message, details)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>Gets the wait MeetStream asked for through <c>Retry-After</c>, if it sent one.</summary>
    public TimeSpan? RetryAfter { get; }
}

/// <summary>5xx: MeetStream or an upstream it depends on failed, after the SDK's own retries.</summary>
public sealed class MeetStreamServerException : MeetStreamApiException
{
    /// <inheritdoc cref="MeetStreamApiException(string, MeetStreamErrorDetails, Exception?)"/>
    public MeetStreamServerException(string message, MeetStreamErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}

/// <summary>
/// 202: the media or transcript asked for is still being produced. Poll later, or use the SDK's bounded
/// <c>WaitFor…Async</c> methods.
/// </summary>
public sealed class MeetStreamNotReadyException : MeetStreamApiException
{
    /// <inheritdoc cref="MeetStreamApiException(string, MeetStreamErrorDetails, Exception?)"/>
    public MeetStreamNotReadyException(string message, MeetStreamErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}

/// <summary>
/// MeetStream answered with a success status but a body the SDK could not read as the documented shape
/// (not JSON, or a field of an impossible type). <see cref="MeetStreamApiException.ResponseBody"/> holds what arrived
/// and <see cref="Exception.InnerException"/> the JSON error.
/// </summary>
public sealed class MeetStreamUnexpectedResponseException : MeetStreamApiException
{
    /// <inheritdoc cref="MeetStreamApiException(string, MeetStreamErrorDetails, Exception?)"/>
    public MeetStreamUnexpectedResponseException(string message, MeetStreamErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
