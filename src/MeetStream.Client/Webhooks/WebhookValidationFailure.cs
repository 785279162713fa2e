namespace MeetStream.Client.Webhooks;

/// <summary>
/// Why a webhook delivery was rejected (<see cref="WebhookValidationResult.Failure"/>). Log it; answer 401.
/// </summary>
public enum WebhookValidationFailure
{
    /// <summary>The delivery is valid.</summary>
    None = 0,

    /// <summary>No (or an empty) <c>X-MeetStream-Signature</c> header, and no other accepted proof (callback token, unsigned opt-in).</summary>
    MissingSignature,

    /// <summary>The signature header is not <c>sha256=</c> followed by 64 hex digits (or the 64 bare hex digits).</summary>
    MalformedSignature,

    /// <summary>The signature does not match the body under any configured signing secret (tampered body or wrong secret).</summary>
    SignatureMismatch,

    /// <summary>No <c>X-MeetStream-Timestamp</c> header, and the validator requires one.</summary>
    MissingTimestamp,

    /// <summary>The <c>X-MeetStream-Timestamp</c> header is not an ISO 8601 date (or a Unix time).</summary>
    MalformedTimestamp,

    /// <summary>The <c>X-MeetStream-Timestamp</c> header is further from now than the tolerance (a replay or a skewed clock).</summary>
    StaleTimestamp,

    /// <summary>An unsigned delivery without the callback URL token, and unsigned deliveries are not allowed.</summary>
    MissingCallbackToken,

    /// <summary>The callback URL token is malformed or was not made with any configured token secret.</summary>
    InvalidCallbackToken,

    /// <summary>The event was already received (reported by endpoints that deduplicate; the validator itself never returns it).</summary>
    Duplicate,
}
