using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using MeetStream.Client.Serialization;

namespace MeetStream.Client.Webhooks;

/// <summary>
/// Checks that a webhook delivery comes from MeetStream, over the raw body bytes: the <c>X-MeetStream-Signature</c>
/// HMAC-SHA256 of signed (workspace) deliveries against one or more secrets, the <c>X-MeetStream-Timestamp</c>
/// window, and for unsigned deliveries a token in the callback URL. Thread-safe and allocation-free; build one and
/// share it. Headers are read through a delegate, so any framework can use it (the ASP.NET Core endpoint does).
/// For a quick check of one signed delivery without building a validator, call the static
/// <see cref="Verify(ReadOnlySpan{byte}, string?, string)"/>.
/// </summary>
/// <example>
/// <code>
/// var validator = new WebhookValidator(new WebhookValidatorOptions { SigningSecrets = { secret } });
/// var result = validator.Validate(body, name => request.Headers[name]);
/// if (!result.IsValid) { /* 401, log result.Failure */ }
///
/// // or, one call (no timestamp window):
/// bool ok = WebhookValidator.Verify(body, request.Headers["X-MeetStream-Signature"], secret);
/// </code>
/// </example>
public sealed class WebhookValidator
{
    /// <summary>The signature header: <c>sha256=</c> and the lowercase hex HMAC-SHA256 of the raw body.</summary>
    public const string SignatureHeaderName = "X-MeetStream-Signature";

    /// <summary>The delivery-time header (ISO 8601); not covered by the signature.</summary>
    public const string TimestampHeaderName = "X-MeetStream-Timestamp";

    /// <summary>The query parameter that carries a callback URL token.</summary>
    public const string CallbackTokenParameterName = "meetstream_token";

    private const string TokenVersion = "v1.";
    private const int NonceChars = 22;
    private const int MacChars = 43;
    private const int TokenLength = 3 + NonceChars + 1 + MacChars;

    private readonly byte[][] _signingKeys;
    private readonly byte[][] _tokenKeys;
    private readonly bool _allowUnsigned;
    private readonly bool _requireTimestamp;
    private readonly TimeSpan? _tolerance;
    private readonly TimeProvider _time;

    /// <summary>Initializes a validator for signed deliveries with one or more signing secrets.</summary>
    /// <param name="signingSecrets">The endpoint's signing secrets; during a rotation pass the new and the old one.</param>
    /// <exception cref="ArgumentException">No secret, or an empty one.</exception>
    public WebhookValidator(params string[] signingSecrets)
        : this(CreateOptions(signingSecrets))
    {
    }

    /// <summary>Initializes a validator from options. The secrets are copied: later changes to the options have no effect.</summary>
    /// <param name="options">The settings.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// A secret is empty, the tolerance is not positive, or nothing could ever be accepted (no signing secret, no
    /// callback token secret, and unsigned deliveries not allowed).
    /// </exception>
    public WebhookValidator(WebhookValidatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _signingKeys = ToKeys(options.SigningSecrets, nameof(options.SigningSecrets));
        _tokenKeys = ToKeys(options.CallbackTokenSecrets, nameof(options.CallbackTokenSecrets));
        _allowUnsigned = options.AllowUnsignedDeliveries;
        _requireTimestamp = options.RequireTimestamp;
        if (options.TimestampTolerance is { } tolerance && tolerance <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(options.TimestampTolerance)} must be positive, or null to turn the window off; got {tolerance}.", nameof(options));
        }

        _tolerance = options.TimestampTolerance;
        _time = options.TimeProvider ?? throw new ArgumentException($"{nameof(options.TimeProvider)} must not be null.", nameof(options));
        if (_signingKeys.Length == 0 && _tokenKeys.Length == 0 && !_allowUnsigned)
        {
            throw new ArgumentException(
                $"Configure at least one of {nameof(options.SigningSecrets)} (workspace webhooks), {nameof(options.CallbackTokenSecrets)} (callback URL tokens) or {nameof(options.AllowUnsignedDeliveries)} = true; otherwise every delivery would be rejected.",
                nameof(options));
        }
    }

    /// <summary>Gets the default timestamp window: 5 minutes either side of now.</summary>
    public static TimeSpan DefaultTimestampTolerance { get; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets whether callback URL tokens can be made (a callback token secret is configured).</summary>
    public bool CanCreateCallbackUrls => _tokenKeys.Length > 0;

    /// <summary>
    /// Checks a delivery. A signature header is verified against every signing secret (constant time) and then the
    /// timestamp window; without one, a callback token in the URL is checked; without that, the delivery is accepted
    /// only when unsigned deliveries are allowed. Allocates nothing.
    /// </summary>
    /// <param name="body">The raw request body, exactly as received.</param>
    /// <param name="getHeader">Returns a request header's value by name (case-insensitively), or <see langword="null"/>.</param>
    /// <param name="getQueryParameter">Returns a query parameter of the request URL by name, or <see langword="null"/>; needed for callback tokens.</param>
    /// <returns>The outcome; check <see cref="WebhookValidationResult.IsValid"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="getHeader"/> is <see langword="null"/>.</exception>
    public WebhookValidationResult Validate(ReadOnlySpan<byte> body, Func<string, string?> getHeader, Func<string, string?>? getQueryParameter = null)
    {
        ArgumentNullException.ThrowIfNull(getHeader);
        var signature = getHeader(SignatureHeaderName);
        if (_signingKeys.Length > 0 && !string.IsNullOrWhiteSpace(signature))
        {
            return CheckSignatureAndTimestamp(body, signature, getHeader(TimestampHeaderName));
        }

        if (_tokenKeys.Length > 0 && getQueryParameter?.Invoke(CallbackTokenParameterName) is { } token && !string.IsNullOrWhiteSpace(token))
        {
            var index = MatchCallbackToken(token);
            if (index < 0)
            {
                return WebhookValidationResult.Fail(WebhookValidationFailure.InvalidCallbackToken);
            }

            var failure = CheckTimestamp(getHeader(TimestampHeaderName), required: false);
            return failure == WebhookValidationFailure.None
                ? WebhookValidationResult.Success(WebhookAuthentication.CallbackToken, index)
                : WebhookValidationResult.Fail(failure);
        }

        if (_allowUnsigned)
        {
            var failure = CheckTimestamp(getHeader(TimestampHeaderName), required: false);
            return failure == WebhookValidationFailure.None
                ? WebhookValidationResult.Success(WebhookAuthentication.Unsigned, -1)
                : WebhookValidationResult.Fail(failure);
        }

        return WebhookValidationResult.Fail(_signingKeys.Length > 0 ? WebhookValidationFailure.MissingSignature : WebhookValidationFailure.MissingCallbackToken);
    }

    /// <summary>
    /// Checks the signature and timestamp headers of a signed delivery (ignores callback tokens and the unsigned
    /// opt-in). Allocates nothing.
    /// </summary>
    /// <param name="body">The raw request body, exactly as received.</param>
    /// <param name="signatureHeader">The <c>X-MeetStream-Signature</c> value: <c>sha256=&lt;hex&gt;</c> or bare hex, either case.</param>
    /// <param name="timestampHeader">The <c>X-MeetStream-Timestamp</c> value, or <see langword="null"/>.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="InvalidOperationException">No signing secret is configured.</exception>
    public WebhookValidationResult VerifySignature(ReadOnlySpan<byte> body, string? signatureHeader, string? timestampHeader = null)
    {
        if (_signingKeys.Length == 0)
        {
            throw new InvalidOperationException("This validator has no signing secret; add one to WebhookValidatorOptions.SigningSecrets.");
        }

        return string.IsNullOrWhiteSpace(signatureHeader)
            ? WebhookValidationResult.Fail(WebhookValidationFailure.MissingSignature)
            : CheckSignatureAndTimestamp(body, signatureHeader, timestampHeader);
    }

    /// <summary>
    /// Validates a delivery and parses it: the one call a handler in any framework needs.
    /// </summary>
    /// <param name="body">The raw request body, exactly as received.</param>
    /// <param name="getHeader">Returns a request header's value by name (case-insensitively), or <see langword="null"/>.</param>
    /// <param name="getQueryParameter">Returns a query parameter of the request URL by name, or <see langword="null"/>.</param>
    /// <returns>The event.</returns>
    /// <exception cref="WebhookValidationException">The delivery is not authentic or its timestamp is outside the window (answer 401).</exception>
    /// <exception cref="WebhookParseException">The body is not a readable event (answer 400).</exception>
    public WebhookEvent ValidateAndParse(ReadOnlySpan<byte> body, Func<string, string?> getHeader, Func<string, string?>? getQueryParameter = null)
    {
        var result = Validate(body, getHeader, getQueryParameter);
        if (!result.IsValid)
        {
            throw new WebhookValidationException(result.Failure);
        }

        return WebhookParser.Parse(body);
    }

    /// <summary>
    /// Makes a callback token, for URLs you build yourself. Prefer <see cref="CreateCallbackUrl(string)"/>.
    /// </summary>
    /// <returns>A fresh token: a random nonce and its HMAC under the first callback token secret.</returns>
    /// <exception cref="InvalidOperationException">No callback token secret is configured.</exception>
    public string CreateCallbackToken()
    {
        if (_tokenKeys.Length == 0)
        {
            throw new InvalidOperationException("This validator has no callback token secret; add one to WebhookValidatorOptions.CallbackTokenSecrets (see WebhookValidator.GenerateSecret).");
        }

        Span<byte> nonce = stackalloc byte[16];
        RandomNumberGenerator.Fill(nonce);
        Span<char> token = stackalloc char[TokenLength];
        TokenVersion.AsSpan().CopyTo(token);
        WriteBase64Url(nonce, token.Slice(3, NonceChars));
        token[3 + NonceChars] = '.';
        ComputeTokenMac(_tokenKeys[0], token[..(3 + NonceChars)], token[(4 + NonceChars)..]);
        return new string(token);
    }

    /// <summary>
    /// Adds a fresh callback token to a webhook URL (as the <c>meetstream_token</c> query parameter). Give the result to
    /// MeetStream as a bot's <c>callback_url</c>, <c>live_transcription_required.webhook_url</c> or realtime endpoint
    /// URL: those deliveries are unsigned, and the token proves they came through a URL you issued.
    /// </summary>
    /// <param name="webhookUrl">Your endpoint's absolute http(s) URL, e.g. <c>https://example.com/webhooks/meetstream</c>.</param>
    /// <returns>The URL with the token appended.</returns>
    /// <exception cref="ArgumentException">The URL is not absolute http(s) or already has a token.</exception>
    /// <exception cref="InvalidOperationException">No callback token secret is configured.</exception>
    public string CreateCallbackUrl(string webhookUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(webhookUrl);
        if (!Uri.TryCreate(webhookUrl, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"The webhook URL must be an absolute http or https URL; got '{webhookUrl}'.", nameof(webhookUrl));
        }

        if (webhookUrl.Contains(CallbackTokenParameterName + "=", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"The webhook URL already has a '{CallbackTokenParameterName}' parameter; pass the URL without it.", nameof(webhookUrl));
        }

        var token = CreateCallbackToken();
        var hash = webhookUrl.IndexOf('#', StringComparison.Ordinal);
        var fragment = hash >= 0 ? webhookUrl[hash..] : string.Empty;
        var head = hash >= 0 ? webhookUrl[..hash] : webhookUrl;
        var separator = !head.Contains('?', StringComparison.Ordinal) ? "?" : head.EndsWith('?') || head.EndsWith('&') ? string.Empty : "&";
        return string.Concat(head, separator, CallbackTokenParameterName, "=", token, fragment);
    }

    /// <summary>Adds a fresh callback token to a webhook URL. See <see cref="CreateCallbackUrl(string)"/>.</summary>
    /// <param name="webhookUrl">Your endpoint's absolute http(s) URL.</param>
    /// <returns>The URL with the token appended.</returns>
    /// <exception cref="ArgumentException">The URL is not absolute http(s) or already has a token.</exception>
    /// <exception cref="InvalidOperationException">No callback token secret is configured.</exception>
    public Uri CreateCallbackUrl(Uri webhookUrl)
    {
        ArgumentNullException.ThrowIfNull(webhookUrl);
        return new Uri(CreateCallbackUrl(webhookUrl.IsAbsoluteUri ? webhookUrl.AbsoluteUri : webhookUrl.OriginalString));
    }

    /// <summary>Checks a callback token in constant time against every callback token secret.</summary>
    /// <param name="token">The <c>meetstream_token</c> query value.</param>
    /// <returns>Whether the token was made with one of the secrets.</returns>
    public bool VerifyCallbackToken(string? token) => token is not null && MatchCallbackToken(token) >= 0;

    /// <summary>
    /// Verifies a signed (workspace) delivery in one call, like the official SDKs' <c>verify(body, signature, secret)</c>:
    /// the header must be the HMAC-SHA256 of the raw body keyed with the UTF-8 bytes of <paramref name="secret"/>,
    /// written as 64 hex digits (either case) with or without the <c>sha256=</c> prefix MeetStream sends; surrounding
    /// white space is ignored. The comparison is constant-time. The <c>X-MeetStream-Timestamp</c> window is NOT
    /// checked (it is not covered by the signature); build a <see cref="WebhookValidator"/> for replay protection,
    /// secret rotation and callback tokens.
    /// </summary>
    /// <param name="body">The raw request body, exactly as received (a <see cref="byte"/> array converts implicitly).</param>
    /// <param name="signatureHeader">The <c>X-MeetStream-Signature</c> header value; <see langword="null"/> or empty is not valid.</param>
    /// <param name="secret">The endpoint's signing secret.</param>
    /// <returns>
    /// <see langword="true"/> when the signature matches; <see langword="false"/> for a missing, malformed (another
    /// algorithm's prefix, wrong length, a non-hex digit) or non-matching header.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="secret"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is empty or white space (the message never contains it).</exception>
    public static bool Verify(ReadOnlySpan<byte> body, string? signatureHeader, string secret)
    {
        WebhookSignature.RequireSecret(secret, nameof(secret));
        Span<byte> provided = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (signatureHeader is null || !WebhookSignature.TryReadHeader(signatureHeader, provided))
        {
            return false;
        }

        var key = Encoding.UTF8.GetBytes(secret);
        try
        {
            return WebhookSignature.Matches(key, body, provided);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>
    /// Verifies a signed delivery whose body you hold as text, encoded as UTF-8. Prefer the byte overload with the raw
    /// body: a framework that decoded the body (and replaced invalid bytes) no longer has what MeetStream signed. See
    /// <see cref="Verify(ReadOnlySpan{byte}, string?, string)"/> for the header rules.
    /// </summary>
    /// <param name="body">The body text.</param>
    /// <param name="signatureHeader">The <c>X-MeetStream-Signature</c> header value.</param>
    /// <param name="secret">The endpoint's signing secret.</param>
    /// <returns>
    /// Whether the signature matches; <see langword="false"/> also when <paramref name="body"/> is not valid UTF-16
    /// (a lone surrogate has no UTF-8 form, so it cannot be what MeetStream signed).
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> or <paramref name="secret"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is empty or white space.</exception>
    public static bool Verify(string body, string? signatureHeader, string secret)
    {
        ArgumentNullException.ThrowIfNull(body);
        WebhookSignature.RequireSecret(secret, nameof(secret));
        return WebhookSignature.TryEncodeBody(body, out var bytes) && Verify(bytes, signatureHeader, secret);
    }

    /// <summary>
    /// Computes the <c>X-MeetStream-Signature</c> value MeetStream sends for a body, WITH the prefix:
    /// <c>sha256=</c> followed by the lowercase hex HMAC-SHA256 keyed with the UTF-8 bytes of the secret. Use it to
    /// sign payloads in your tests; <see cref="Verify(ReadOnlySpan{byte}, string?, string)"/> accepts it as is.
    /// </summary>
    /// <param name="body">The exact body bytes.</param>
    /// <param name="secret">The signing secret.</param>
    /// <returns>The header value, e.g. <c>sha256=3f1c…</c> (71 characters).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="secret"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is empty or white space.</exception>
    public static string ComputeSignature(ReadOnlySpan<byte> body, string secret)
    {
        WebhookSignature.RequireSecret(secret, nameof(secret));
        var key = Encoding.UTF8.GetBytes(secret);
        try
        {
            return WebhookSignature.Format(key, body);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>
    /// Computes the <c>X-MeetStream-Signature</c> value (with the <c>sha256=</c> prefix) for a text body encoded as UTF-8.
    /// </summary>
    /// <param name="body">The body text.</param>
    /// <param name="secret">The signing secret.</param>
    /// <returns>The header value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> or <paramref name="secret"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// The secret is empty or white space, or <paramref name="body"/> has a lone surrogate (no UTF-8 form to sign).
    /// </exception>
    public static string ComputeSignature(string body, string secret)
    {
        ArgumentNullException.ThrowIfNull(body);
        WebhookSignature.RequireSecret(secret, nameof(secret));
        if (!WebhookSignature.TryEncodeBody(body, out var bytes))
        {
            throw new ArgumentException("The body has a lone surrogate, so it has no UTF-8 form to sign; sign the raw body bytes instead.", nameof(body));
        }

        return ComputeSignature(bytes, secret);
    }

    /// <summary>Generates a random secret (256 bits, URL-safe base64) for <see cref="WebhookValidatorOptions.CallbackTokenSecrets"/>.</summary>
    /// <returns>The secret.</returns>
    public static string GenerateSecret()
    {
        Span<byte> bytes = stackalloc byte[32];
        RandomNumberGenerator.Fill(bytes);
        Span<char> text = stackalloc char[43];
        WriteBase64Url(bytes, text);
        return new string(text);
    }

    /// <summary>Describes the validator without its secrets.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"WebhookValidator {{ SigningSecrets = {_signingKeys.Length}, CallbackTokenSecrets = {_tokenKeys.Length}, AllowUnsignedDeliveries = {_allowUnsigned}, TimestampTolerance = {(_tolerance?.ToString() ?? "off")} }}");

    private WebhookValidationResult CheckSignatureAndTimestamp(ReadOnlySpan<byte> body, string signatureHeader, string? timestampHeader)
    {
        Span<byte> provided = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (!WebhookSignature.TryReadHeader(signatureHeader, provided))
        {
            return WebhookValidationResult.Fail(WebhookValidationFailure.MalformedSignature);
        }

        var matched = -1;
        for (var i = 0; i < _signingKeys.Length && matched < 0; i++)
        {
            if (WebhookSignature.Matches(_signingKeys[i], body, provided))
            {
                matched = i;
            }
        }

        if (matched < 0)
        {
            return WebhookValidationResult.Fail(WebhookValidationFailure.SignatureMismatch);
        }

        var failure = CheckTimestamp(timestampHeader, _requireTimestamp);
        return failure == WebhookValidationFailure.None
            ? WebhookValidationResult.Success(WebhookAuthentication.Signature, matched)
            : WebhookValidationResult.Fail(failure);
    }

    private WebhookValidationFailure CheckTimestamp(string? header, bool required)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return required ? WebhookValidationFailure.MissingTimestamp : WebhookValidationFailure.None;
        }

        if (!Timestamps.TryParse(header, out var sent))
        {
            return WebhookValidationFailure.MalformedTimestamp;
        }

        if (_tolerance is { } tolerance && (_time.GetUtcNow() - sent).Duration() > tolerance)
        {
            return WebhookValidationFailure.StaleTimestamp;
        }

        return WebhookValidationFailure.None;
    }

    private int MatchCallbackToken(ReadOnlySpan<char> token)
    {
        token = token.Trim();
        if (token.Length != TokenLength || !token.StartsWith(TokenVersion, StringComparison.Ordinal) || token[3 + NonceChars] != '.')
        {
            return -1;
        }

        var signed = token[..(3 + NonceChars)];
        var mac = token[(4 + NonceChars)..];
        if (!IsBase64Url(signed[3..]) || !IsBase64Url(mac))
        {
            return -1;
        }

        Span<char> expected = stackalloc char[MacChars];
        var matched = -1;
        for (var i = 0; i < _tokenKeys.Length; i++)
        {
            ComputeTokenMac(_tokenKeys[i], signed, expected);
            if (CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(expected), MemoryMarshal.AsBytes(mac)) && matched < 0)
            {
                matched = i;
            }
        }

        return matched;
    }

    private static void ComputeTokenMac(byte[] key, ReadOnlySpan<char> signed, Span<char> destination)
    {
        Span<byte> ascii = stackalloc byte[signed.Length];
        for (var i = 0; i < signed.Length; i++)
        {
            ascii[i] = (byte)signed[i];
        }

        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, ascii, mac);
        WriteBase64Url(mac, destination);
    }

    private static byte[][] ToKeys(IList<string>? secrets, string name)
    {
        if (secrets is null || secrets.Count == 0)
        {
            return [];
        }

        var keys = new byte[secrets.Count][];
        for (var i = 0; i < secrets.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(secrets[i]))
            {
                throw new ArgumentException($"{name}[{i}] is empty; every webhook secret must be a non-empty string.", name);
            }

            keys[i] = Encoding.UTF8.GetBytes(secrets[i]);
        }

        return keys;
    }

    private static WebhookValidatorOptions CreateOptions(string[] signingSecrets)
    {
        ArgumentNullException.ThrowIfNull(signingSecrets);
        if (signingSecrets.Length == 0)
        {
            throw new ArgumentException("Pass at least one signing secret.", nameof(signingSecrets));
        }

        var options = new WebhookValidatorOptions();
        foreach (var secret in signingSecrets)
        {
            options.SigningSecrets.Add(secret);
        }

        return options;
    }

    private static void WriteBase64Url(ReadOnlySpan<byte> bytes, Span<char> destination)
    {
        Span<char> padded = stackalloc char[((bytes.Length + 2) / 3) * 4];
        if (!Convert.TryToBase64Chars(bytes, padded, out var written))
        {
            throw new InvalidOperationException("Base64 buffer too small.");
        }

        var length = written;
        while (length > 0 && padded[length - 1] == '=')
        {
            length--;
        }

        for (var i = 0; i < length; i++)
        {
            destination[i] = padded[i] switch
            {
                '+' => '-',
                '/' => '_',
                var c => c,
            };
        }
    }

    private static bool IsBase64Url(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
