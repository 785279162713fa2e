namespace MeetStream.Client.Webhooks;

/// <summary>
/// The outcome of <see cref="WebhookValidator.Validate"/>: valid or not, why not, how the delivery proved its
/// origin, and which secret matched (to see when an old secret can be retired). A value type: validating allocates nothing.
/// </summary>
public readonly struct WebhookValidationResult : IEquatable<WebhookValidationResult>
{
    private WebhookValidationResult(WebhookValidationFailure failure, WebhookAuthentication authentication, int secretIndex)
    {
        Failure = failure;
        Authentication = authentication;
        SecretIndex = secretIndex;
    }

    /// <summary>Gets whether the delivery is accepted.</summary>
    public bool IsValid => Failure == WebhookValidationFailure.None;

    /// <summary>Gets why the delivery was rejected; <see cref="WebhookValidationFailure.None"/> when valid.</summary>
    public WebhookValidationFailure Failure { get; }

    /// <summary>Gets how the delivery proved its origin; <see cref="WebhookAuthentication.None"/> when rejected.</summary>
    public WebhookAuthentication Authentication { get; }

    /// <summary>
    /// Gets the position of the secret that matched in <see cref="WebhookValidatorOptions.SigningSecrets"/> or
    /// <see cref="WebhookValidatorOptions.CallbackTokenSecrets"/>; -1 when none did.
    /// </summary>
    public int SecretIndex { get; }

    /// <summary>Gets a sentence explaining the outcome, safe to log and to return to the caller (no secrets).</summary>
    public string Message => Describe(Failure);

    /// <summary>Compares two results.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(WebhookValidationResult left, WebhookValidationResult right) => left.Equals(right);

    /// <summary>Compares two results.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(WebhookValidationResult left, WebhookValidationResult right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(WebhookValidationResult other) =>
        Failure == other.Failure && Authentication == other.Authentication && SecretIndex == other.SecretIndex;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is WebhookValidationResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Failure, Authentication, SecretIndex);

    /// <inheritdoc />
    public override string ToString() => IsValid ? $"Valid ({Authentication})" : $"{Failure}: {Message}";

    internal static WebhookValidationResult Success(WebhookAuthentication authentication, int secretIndex) => new(WebhookValidationFailure.None, authentication, secretIndex);

    internal static WebhookValidationResult Fail(WebhookValidationFailure failure) => new(failure, WebhookAuthentication.None, -1);

    internal static string Describe(WebhookValidationFailure failure) => failure switch
    {
        WebhookValidationFailure.None => "The webhook delivery is valid.",
        WebhookValidationFailure.MissingSignature => "The webhook delivery has no X-MeetStream-Signature header (and no valid callback token); unsigned deliveries are not accepted.",
        WebhookValidationFailure.MalformedSignature => "The X-MeetStream-Signature header must be 'sha256=' followed by 64 hexadecimal digits.",
        WebhookValidationFailure.SignatureMismatch => "The X-MeetStream-Signature header does not match the body under any configured signing secret: the body was altered or the secret is wrong.",
        WebhookValidationFailure.MissingTimestamp => "The webhook delivery has no X-MeetStream-Timestamp header, which this endpoint requires.",
        WebhookValidationFailure.MalformedTimestamp => "The X-MeetStream-Timestamp header is not an ISO 8601 date.",
        WebhookValidationFailure.StaleTimestamp => "The X-MeetStream-Timestamp header is outside the accepted time window: a replayed delivery or a skewed clock.",
        WebhookValidationFailure.MissingCallbackToken => "The webhook delivery is unsigned and its URL has no meetstream_token parameter; unsigned deliveries are not accepted.",
        WebhookValidationFailure.InvalidCallbackToken => "The meetstream_token parameter of the webhook URL is not valid for any configured callback token secret.",
        WebhookValidationFailure.Duplicate => "The webhook event was already received.",
        _ => "The webhook delivery was rejected.",
    };
}
