using System.Text;
using MeetStream.Client.Tests.Infrastructure;
using MeetStream.Client.Webhooks;

namespace MeetStream.Client.Tests.Webhooks;

/// <summary>
/// Known-answer vectors computed independently with OpenSSL:
/// <c>printf '%s' "$BODY" | openssl dgst -sha256 -hmac "$SECRET"</c>.
/// </summary>
public sealed class WebhookSignatureTests
{
    internal const string Body = """{"event":"bot.inmeeting","bot_event":"bot.inmeeting","bot_id":"6667fd0c-0165-471a-a880-06a1180be377","bot_status":"InMeeting","message":"Bot is in the meeting","status_code":200,"timestamp":"2026-11-21T12:00:00.000Z","custom_attributes":{"tenant":"acme"}}""";
    internal const string Secret = "whsec_test";
    internal const string RotatedSecret = "whsec_rotated_2026";

    /// <summary>HMAC-SHA256(key "whsec_test", Body).</summary>
    internal const string BodyMac = "880722c307596fe407837d2ac74c5ef46e9e1af6d4a109e95a70cefab172497c";

    /// <summary>HMAC-SHA256(key "whsec_rotated_2026", Body).</summary>
    private const string RotatedBodyMac = "d4573c610dd4f1295bcc8c036e2444caf8709f9431018f63915cd857e94bf79c";

    /// <summary>HMAC-SHA256(key "whsec_test", empty body).</summary>
    private const string EmptyBodyMac = "43c0f4d23c8e8841358fad4624b1a592799222b29f25bb59baea43cdcb522ed1";

    /// <summary>HMAC-SHA256(key UTF-8 "sécret✓", Body).</summary>
    private const string NonAsciiSecretMac = "f0d218736cb433f7d687a3f07e2be1fe5c3490446193abcee3d98a20d50fbba8";

    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private static readonly byte[] BodyBytes = Encoding.UTF8.GetBytes(Body);

    [Fact]
    public void ComputeSignature_KnownVector_MatchesOpenSsl()
    {
        Assert.Equal("sha256=" + BodyMac, WebhookValidator.ComputeSignature(BodyBytes, Secret));
        Assert.Equal("sha256=" + BodyMac, WebhookValidator.ComputeSignature(Body, Secret));
    }

    [Fact]
    public void ComputeSignature_EmptyBody_MatchesOpenSsl()
    {
        Assert.Equal("sha256=" + EmptyBodyMac, WebhookValidator.ComputeSignature(ReadOnlySpan<byte>.Empty, Secret));
    }

    [Fact]
    public void ComputeSignature_NonAsciiSecret_UsesUtf8Key()
    {
        Assert.Equal("sha256=" + NonAsciiSecretMac, WebhookValidator.ComputeSignature(BodyBytes, "sécret✓"));
    }

    [Fact]
    public void ComputeSignature_EmptySecret_Throws()
    {
        Assert.Throws<ArgumentException>(() => WebhookValidator.ComputeSignature(BodyBytes, string.Empty));
    }

    [Theory]
    [InlineData("sha256=" + BodyMac)]
    [InlineData(BodyMac)]
    [InlineData("SHA256=" + BodyMac)]
    [InlineData(" sha256=" + BodyMac + " ")]
    public void Validate_PrefixedOrBareLowercaseSignature_IsValid(string header)
    {
        var result = Validator().Validate(BodyBytes, Headers(header, "2026-11-21T12:00:00.000Z"));

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(WebhookAuthentication.Signature, result.Authentication);
        Assert.Equal(0, result.SecretIndex);
    }

    [Theory]
    [InlineData("sha256=")]
    [InlineData("")]
    public void Validate_UppercaseHex_IsValid(string prefix)
    {
        var result = Validator().Validate(BodyBytes, Headers(prefix + BodyMac.ToUpperInvariant(), null));

        Assert.True(result.IsValid, result.ToString());
    }

    [Fact]
    public void Validate_TamperedBody_IsMismatch()
    {
        var tampered = Encoding.UTF8.GetBytes(Body.Replace("acme", "evil", StringComparison.Ordinal));

        var result = Validator().Validate(tampered, Headers("sha256=" + BodyMac, null));

        Assert.False(result.IsValid);
        Assert.Equal(WebhookValidationFailure.SignatureMismatch, result.Failure);
        Assert.Equal(WebhookAuthentication.None, result.Authentication);
        Assert.Equal(-1, result.SecretIndex);
    }

    [Fact]
    public void Validate_OneByteAppended_IsMismatch()
    {
        var longer = Encoding.UTF8.GetBytes(Body + "\n");

        Assert.Equal(WebhookValidationFailure.SignatureMismatch, Validator().Validate(longer, Headers("sha256=" + BodyMac, null)).Failure);
    }

    [Fact]
    public void Validate_WrongSecret_IsMismatch()
    {
        var result = Validator("whsec_other").Validate(BodyBytes, Headers("sha256=" + BodyMac, null));

        Assert.Equal(WebhookValidationFailure.SignatureMismatch, result.Failure);
    }

    [Fact]
    public void Validate_SecondSecretMatches_IsValidWithItsIndex()
    {
        var result = Validator("whsec_other", RotatedSecret).Validate(BodyBytes, Headers("sha256=" + RotatedBodyMac, null));

        Assert.True(result.IsValid);
        Assert.Equal(1, result.SecretIndex);
    }

    [Fact]
    public void Validate_OldSecretDuringRotation_IsValidWithFirstIndex()
    {
        var result = Validator(Secret, RotatedSecret).Validate(BodyBytes, Headers("sha256=" + BodyMac, null));

        Assert.True(result.IsValid);
        Assert.Equal(0, result.SecretIndex);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_MissingOrEmptySignatureHeader_IsMissingSignature(string? header)
    {
        var result = Validator().Validate(BodyBytes, Headers(header, null));

        Assert.Equal(WebhookValidationFailure.MissingSignature, result.Failure);
        Assert.Contains("X-MeetStream-Signature", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sha256=abc")]
    [InlineData("sha256=" + BodyMac + "00")]
    [InlineData("sha1=" + BodyMac)]
    [InlineData("sha256=zz0722c307596fe407837d2ac74c5ef46e9e1af6d4a109e95a70cefab172497c")]
    [InlineData("sha256=880722c307596fe407837d2ac74c5ef46e9e1af6d4a109e95a70cefab17249-c")]
    [InlineData("v1,880722c307596fe407837d2ac74c5ef46e9e1af6d4a109e95a70cefab172497c")]
    public void Validate_MalformedSignature_IsMalformed(string header)
    {
        Assert.Equal(WebhookValidationFailure.MalformedSignature, Validator().Validate(BodyBytes, Headers(header, null)).Failure);
    }

    [Theory]
    [InlineData("2026-11-21T12:00:00.000Z")]
    [InlineData("2026-11-21T11:55:00+00:00")]
    [InlineData("2026-11-21T12:05:00Z")]
    [InlineData("2026-11-21T13:04:59.999+01:00")]
    [InlineData("1795262400")]
    public void Validate_TimestampInsideWindow_IsValid(string timestamp)
    {
        Assert.True(Validator().Validate(BodyBytes, Headers("sha256=" + BodyMac, timestamp)).IsValid);
    }

    [Theory]
    [InlineData("2026-11-21T11:54:59.999Z")]
    [InlineData("2026-11-21T12:05:00.001Z")]
    [InlineData("2026-11-20T12:00:00Z")]
    [InlineData("1795262000")]
    public void Validate_TimestampOutsideWindow_IsStale(string timestamp)
    {
        var result = Validator().Validate(BodyBytes, Headers("sha256=" + BodyMac, timestamp));

        Assert.Equal(WebhookValidationFailure.StaleTimestamp, result.Failure);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-13-40T99:00:00Z")]
    [InlineData("21/11/2026 12:00")]
    [InlineData("Sat, 21 Nov 2026 12:00:00 GMT")]
    [InlineData("12:00:00")]
    [InlineData("-5")]
    public void Validate_MalformedTimestamp_IsMalformed(string timestamp)
    {
        var result = Validator().Validate(BodyBytes, Headers("sha256=" + BodyMac, timestamp));

        Assert.Equal(WebhookValidationFailure.MalformedTimestamp, result.Failure);
    }

    [Fact]
    public void Validate_StaleTimestampWithWindowOff_IsValid()
    {
        var options = Options(Secret);
        options.TimestampTolerance = null;

        var result = new WebhookValidator(options).Validate(BodyBytes, Headers("sha256=" + BodyMac, "2020-01-01T00:00:00Z"));

        Assert.True(result.IsValid);
    }

    [Fact]
    public void Validate_MalformedTimestampWithWindowOff_IsStillMalformed()
    {
        var options = Options(Secret);
        options.TimestampTolerance = null;

        var result = new WebhookValidator(options).Validate(BodyBytes, Headers("sha256=" + BodyMac, "not-a-date"));

        Assert.Equal(WebhookValidationFailure.MalformedTimestamp, result.Failure);
    }

    [Fact]
    public void Validate_CustomTolerance_IsApplied()
    {
        var options = Options(Secret);
        options.TimestampTolerance = TimeSpan.FromSeconds(30);
        var validator = new WebhookValidator(options);

        Assert.True(validator.Validate(BodyBytes, Headers("sha256=" + BodyMac, "2026-11-21T11:59:31Z")).IsValid);
        Assert.Equal(WebhookValidationFailure.StaleTimestamp, validator.Validate(BodyBytes, Headers("sha256=" + BodyMac, "2026-11-21T11:59:29Z")).Failure);
    }

    [Fact]
    public void Validate_ClockAdvances_TimestampBecomesStale()
    {
        var clock = new FakeTimeProvider(Now);
        var options = Options(Secret);
        options.TimeProvider = clock;
        var validator = new WebhookValidator(options);
        var headers = Headers("sha256=" + BodyMac, "2026-11-21T12:00:00Z");
        Assert.True(validator.Validate(BodyBytes, headers).IsValid);

        clock.Advance(TimeSpan.FromMinutes(6));

        Assert.Equal(WebhookValidationFailure.StaleTimestamp, validator.Validate(BodyBytes, headers).Failure);
    }

    [Fact]
    public void Validate_MissingTimestampByDefault_IsValid()
    {
        Assert.True(Validator().Validate(BodyBytes, Headers("sha256=" + BodyMac, null)).IsValid);
    }

    [Fact]
    public void Validate_MissingTimestampWhenRequired_IsMissingTimestamp()
    {
        var options = Options(Secret);
        options.RequireTimestamp = true;

        var result = new WebhookValidator(options).Validate(BodyBytes, Headers("sha256=" + BodyMac, " "));

        Assert.Equal(WebhookValidationFailure.MissingTimestamp, result.Failure);
    }

    [Fact]
    public void Validate_BadSignatureAndStaleTimestamp_ReportsTheSignature()
    {
        var result = Validator().Validate(BodyBytes, Headers("sha256=" + RotatedBodyMac, "2020-01-01T00:00:00Z"));

        Assert.Equal(WebhookValidationFailure.SignatureMismatch, result.Failure);
    }

    [Fact]
    public void Validate_HeaderLookupIsByDocumentedNames()
    {
        var asked = new List<string>();

        Validator().Validate(BodyBytes, name =>
        {
            asked.Add(name);
            return name == "X-MeetStream-Signature" ? "sha256=" + BodyMac : null;
        });

        Assert.Equal(["X-MeetStream-Signature", "X-MeetStream-Timestamp"], asked);
    }

    [Fact]
    public void VerifySignature_DirectHeaders_ChecksSignatureAndTimestamp()
    {
        var validator = Validator();

        Assert.True(validator.VerifySignature(BodyBytes, "sha256=" + BodyMac, "2026-11-21T12:01:00Z").IsValid);
        Assert.Equal(WebhookValidationFailure.MissingSignature, validator.VerifySignature(BodyBytes, null).Failure);
        Assert.Equal(WebhookValidationFailure.StaleTimestamp, validator.VerifySignature(BodyBytes, BodyMac, "2026-11-21T13:00:00Z").Failure);
    }

    [Fact]
    public void VerifySignature_NoSigningSecret_ThrowsInvalidOperation()
    {
        var options = new WebhookValidatorOptions { AllowUnsignedDeliveries = true };

        Assert.Throws<InvalidOperationException>(() => new WebhookValidator(options).VerifySignature(BodyBytes, BodyMac));
    }

    [Fact]
    public void Validate_OneKilobyteBody_AllocatesNothing()
    {
        var body = new byte[1024];
        new Random(7).NextBytes(body);
        var signature = WebhookValidator.ComputeSignature(body, Secret);
        var validator = Validator("whsec_old", Secret);
        const string timestamp = "2026-11-21T12:00:30.123Z";
        Func<string, string?> headers = name => name == WebhookValidator.SignatureHeaderName ? signature : timestamp;
        Assert.True(validator.Validate(body, headers).IsValid);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = validator.Validate(body, headers);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(result.IsValid);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void ValidateAndParse_ValidDelivery_ReturnsEvent()
    {
        var parsed = Validator().ValidateAndParse(BodyBytes, Headers("sha256=" + BodyMac, "2026-11-21T12:00:00Z"));

        Assert.IsType<BotInMeetingEvent>(parsed);
    }

    [Fact]
    public void ValidateAndParse_BadSignature_ThrowsValidationExceptionWithReason()
    {
        var error = Assert.Throws<WebhookValidationException>(() => Validator().ValidateAndParse(BodyBytes, Headers("sha256=" + RotatedBodyMac, null)));

        Assert.Equal(WebhookValidationFailure.SignatureMismatch, error.Failure);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateAndParse_SignedButMalformedBody_ThrowsParseException()
    {
        var body = "[1]"u8.ToArray();

        var error = Assert.Throws<WebhookParseException>(() => Validator().ValidateAndParse(body, Headers(WebhookValidator.ComputeSignature(body, Secret), null)));

        Assert.Equal(WebhookParseError.NotAnObject, error.Error);
    }

    [Fact]
    public void Constructor_NothingConfigured_ThrowsNamingTheOptions()
    {
        var error = Assert.Throws<ArgumentException>(() => new WebhookValidator(new WebhookValidatorOptions()));

        Assert.Contains("SigningSecrets", error.Message, StringComparison.Ordinal);
        Assert.Contains("AllowUnsignedDeliveries", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_EmptySecret_ThrowsNamingItsPosition()
    {
        var error = Assert.Throws<ArgumentException>(() => new WebhookValidator(Secret, " "));

        Assert.Contains("SigningSecrets[1]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoSecrets_Throws()
    {
        Assert.Throws<ArgumentException>(() => new WebhookValidator(Array.Empty<string>()));
    }

    [Fact]
    public void Constructor_NonPositiveTolerance_Throws()
    {
        var options = Options(Secret);
        options.TimestampTolerance = TimeSpan.Zero;

        var error = Assert.Throws<ArgumentException>(() => new WebhookValidator(options));

        Assert.Contains("TimestampTolerance", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_SecretsCopied_LaterChangesHaveNoEffect()
    {
        var options = Options(Secret);
        var validator = new WebhookValidator(options);

        options.SigningSecrets[0] = "changed";

        Assert.True(validator.Validate(BodyBytes, Headers("sha256=" + BodyMac, null)).IsValid);
    }

    [Fact]
    public void ToString_NeverShowsSecrets()
    {
        var options = Options(Secret, RotatedSecret);
        options.CallbackTokenSecrets.Add("cb-secret-value");
        var validator = new WebhookValidator(options);

        foreach (var text in new[] { options.ToString(), validator.ToString() })
        {
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(RotatedSecret, text, StringComparison.Ordinal);
            Assert.DoesNotContain("cb-secret-value", text, StringComparison.Ordinal);
        }

        Assert.Contains("***", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Result_Messages_NeverContainSecrets()
    {
        foreach (var failure in Enum.GetValues<WebhookValidationFailure>())
        {
            var message = new WebhookValidationException(failure).Message;
            Assert.DoesNotContain(Secret, message, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(message));
        }
    }

    internal static Func<string, string?> Headers(string? signature, string? timestamp) => name => name switch
    {
        WebhookValidator.SignatureHeaderName => signature,
        WebhookValidator.TimestampHeaderName => timestamp,
        _ => null,
    };

    private static WebhookValidator Validator(params string[] secrets) => new(Options(secrets.Length == 0 ? [Secret] : secrets));

    private static WebhookValidatorOptions Options(params string[] secrets)
    {
        var options = new WebhookValidatorOptions { TimeProvider = new FakeTimeProvider(Now) };
        foreach (var secret in secrets)
        {
            options.SigningSecrets.Add(secret);
        }

        return options;
    }
}
