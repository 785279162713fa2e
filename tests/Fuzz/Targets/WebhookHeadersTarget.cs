using System.Text;
using MeetStream.Client.Webhooks;

namespace MeetStream.Client.Fuzz.Targets;

/// <summary>
/// The webhook validator's header parsing. The input is split on newlines into a signature header, a timestamp
/// header, a callback token, a signing secret and the body. Checks, none of which may throw (except the
/// constructor's documented <see cref="ArgumentException"/> for a blank secret): <c>Validate</c> with a fuzzed
/// signature; with a correct signature re-formatted the ways MeetStream and SDKs send it (bare, <c>sha256=</c>,
/// upper case, padded) so the fuzzed timestamp is reached; <c>VerifySignature</c>; a callback-token validator and the
/// unsigned opt-in with the fuzzed timestamp; and a rotation validator holding the fuzzed secret beside a fixed one.
/// </summary>
internal static class WebhookHeadersTarget
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 5, 26, 10, 11, 14, TimeSpan.Zero));

    private static readonly WebhookValidator Tokens = new(new WebhookValidatorOptions
    {
        CallbackTokenSecrets = { "token-secret-new", "token-secret-old" },
        TimeProvider = Clock,
    });

    private static readonly WebhookValidator Unsigned = new(new WebhookValidatorOptions
    {
        AllowUnsignedDeliveries = true,
        RequireTimestamp = true,
        TimestampTolerance = null,
        TimeProvider = Clock,
    });

    public static void Run(ReadOnlySpan<byte> input)
    {
        var text = Encoding.UTF8.GetString(input);
        var parts = text.Split('\n', 5);
        string? Part(int i) => i < parts.Length ? parts[i] : null;
        var signature = Part(0);
        var timestamp = Part(1);
        var token = Part(2);
        var secret = Part(3);
        var body = Encoding.UTF8.GetBytes(Part(4) ?? string.Empty);

        Check(Tokens.Validate(body, Header(signature, timestamp), name => name == WebhookValidator.CallbackTokenParameterName ? token : null));
        _ = Tokens.VerifyCallbackToken(token);
        Check(Unsigned.Validate(body, Header(null, timestamp)));

        WebhookValidator rotation;
        try
        {
            rotation = new WebhookValidator(new WebhookValidatorOptions
            {
                SigningSecrets = { "whsec_current", secret ?? string.Empty },
                CallbackTokenSecrets = { secret ?? string.Empty },
                TimeProvider = Clock,
            });
        }
        catch (ArgumentException)
        {
            if (!string.IsNullOrWhiteSpace(secret))
            {
                throw;
            }

            return;
        }

        Check(rotation.Validate(body, Header(signature, timestamp), name => token));
        Check(rotation.VerifySignature(body, signature, timestamp));
        _ = rotation.VerifyCallbackToken(token);
        _ = rotation.ToString();

        var computed = WebhookValidator.ComputeSignature(body, secret!);
        var hex = computed.StartsWith("sha256=", StringComparison.Ordinal) ? computed["sha256=".Length..] : computed;
        var flavour = input.IsEmpty ? 0 : input[^1] % 4;
        var formatted = flavour switch
        {
            0 => hex,
            1 => hex.ToUpperInvariant(),
            2 => "  SHA256=" + hex + " \t",
            _ => "sha256=" + hex,
        };
        var verdict = Check(rotation.Validate(body, Header(formatted, timestamp)));
        if (verdict.Failure is WebhookValidationFailure.MalformedSignature or WebhookValidationFailure.SignatureMismatch)
        {
            throw new InvalidOperationException($"A correct signature ({flavour}) was rejected: {verdict.Failure}.");
        }

        var callback = rotation.CreateCallbackToken();
        if (!rotation.VerifyCallbackToken(callback))
        {
            throw new InvalidOperationException("A token the validator made was rejected.");
        }
    }

    private static Func<string, string?> Header(string? signature, string? timestamp) => name =>
        string.Equals(name, WebhookValidator.SignatureHeaderName, StringComparison.OrdinalIgnoreCase) ? signature
        : string.Equals(name, WebhookValidator.TimestampHeaderName, StringComparison.OrdinalIgnoreCase) ? timestamp
        : null;

    private static WebhookValidationResult Check(WebhookValidationResult result)
    {
        _ = result.ToString();
        _ = result.Message;
        return result;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
