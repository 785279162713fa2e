namespace MeetStream.Client.Webhooks;

/// <summary>
/// How an accepted webhook delivery proved where it came from (<see cref="WebhookValidationResult.Authentication"/>).
/// </summary>
public enum WebhookAuthentication
{
    /// <summary>Not authenticated (the delivery was rejected).</summary>
    None = 0,

    /// <summary>A valid <c>X-MeetStream-Signature</c> HMAC (workspace webhook endpoints).</summary>
    Signature,

    /// <summary>A valid token in the callback URL's query string (per-bot <c>callback_url</c>, live transcripts, participant events).</summary>
    CallbackToken,

    /// <summary>Neither: accepted only because unsigned deliveries were explicitly allowed.</summary>
    Unsigned,
}
