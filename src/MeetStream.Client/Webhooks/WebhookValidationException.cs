namespace MeetStream.Client.Webhooks;

/// <summary>
/// A webhook delivery failed validation (bad or missing signature, stale timestamp, bad callback token). Thrown by
/// <see cref="WebhookValidator.ValidateAndParse"/>; the message names the reason and never contains a secret.
/// Answer such deliveries with 401.
/// </summary>
public sealed class WebhookValidationException : MeetStreamException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="failure">Why the delivery was rejected.</param>
    public WebhookValidationException(WebhookValidationFailure failure)
        : base(WebhookValidationResult.Describe(failure))
    {
        Failure = failure;
    }

    /// <summary>Gets why the delivery was rejected.</summary>
    public WebhookValidationFailure Failure { get; }
}
