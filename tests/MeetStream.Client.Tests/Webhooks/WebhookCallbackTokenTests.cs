using System.Text;
using System.Web;
using MeetStream.Client.Tests.Infrastructure;
using MeetStream.Client.Webhooks;

namespace MeetStream.Client.Tests.Webhooks;

public sealed class WebhookCallbackTokenTests
{
    private const string TokenSecret = "cb_4f9d2c7e1a8b6d3f0e5c9a7b2d4f6e8a";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(WebhookPayloads.Lifecycle("bot.joining", "Joining", "Bot is joining the meeting"));

    [Fact]
    public void CreateCallbackUrl_PlainUrl_AppendsTokenParameter()
    {
        var url = Validator().CreateCallbackUrl("https://example.com/webhooks/meetstream");

        Assert.StartsWith("https://example.com/webhooks/meetstream?meetstream_token=v1.", url, StringComparison.Ordinal);
        Assert.Equal(69, TokenOf(url).Length);
    }

    [Fact]
    public void CreateCallbackUrl_UrlWithQueryAndFragment_KeepsBoth()
    {
        var url = Validator().CreateCallbackUrl("https://example.com/hook?tenant=acme#frag");

        var uri = new Uri(url);
        var query = HttpUtility.ParseQueryString(uri.Query);
        Assert.Equal("acme", query["tenant"]);
        Assert.StartsWith("v1.", query["meetstream_token"], StringComparison.Ordinal);
        Assert.Equal("#frag", uri.Fragment);
    }

    [Fact]
    public void CreateCallbackUrl_UriOverload_ReturnsAbsoluteUri()
    {
        var uri = Validator().CreateCallbackUrl(new Uri("https://example.com/hook"));

        Assert.True(uri.IsAbsoluteUri);
        Assert.Contains("meetstream_token=v1.", uri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateCallbackUrl_EachCall_MakesADifferentToken()
    {
        var validator = Validator();

        Assert.NotEqual(validator.CreateCallbackUrl("https://example.com/hook"), validator.CreateCallbackUrl("https://example.com/hook"));
    }

    [Theory]
    [InlineData("/relative/path")]
    [InlineData("ftp://example.com/hook")]
    [InlineData("https://example.com/hook?meetstream_token=abc")]
    public void CreateCallbackUrl_BadUrl_ThrowsArgumentException(string url)
    {
        var error = Assert.Throws<ArgumentException>(() => Validator().CreateCallbackUrl(url));

        Assert.Equal("webhookUrl", error.ParamName);
    }

    [Fact]
    public void CreateCallbackUrl_NoTokenSecret_ThrowsInvalidOperation()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new WebhookValidator("whsec_test").CreateCallbackUrl("https://example.com/hook"));

        Assert.Contains("CallbackTokenSecrets", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnsignedDeliveryWithIssuedToken_IsValid()
    {
        var validator = Validator();
        var token = TokenOf(validator.CreateCallbackUrl("https://example.com/hook"));

        var result = validator.Validate(Body, _ => null, Query(token));

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(WebhookAuthentication.CallbackToken, result.Authentication);
        Assert.Equal(0, result.SecretIndex);
    }

    [Fact]
    public void Validate_TokenFromRetiredSecretStillListed_IsValidWithItsIndex()
    {
        var old = Validator("cb_old_secret_value_1234567890");
        var token = old.CreateCallbackToken();

        var result = Validator(TokenSecret, "cb_old_secret_value_1234567890").Validate(Body, _ => null, Query(token));

        Assert.True(result.IsValid);
        Assert.Equal(1, result.SecretIndex);
    }

    [Fact]
    public void Validate_TokenFromAnotherSecret_IsInvalidToken()
    {
        var token = Validator("cb_someone_else").CreateCallbackToken();

        var result = Validator().Validate(Body, _ => null, Query(token));

        Assert.Equal(WebhookValidationFailure.InvalidCallbackToken, result.Failure);
    }

    [Theory]
    [InlineData("v1.")]
    [InlineData("garbage")]
    [InlineData("v2.AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("v1.AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("v1.AAAAAAAAAAAAAAAAAAAA+A.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Validate_MalformedOrForgedToken_IsInvalidToken(string token)
    {
        Assert.Equal(WebhookValidationFailure.InvalidCallbackToken, Validator().Validate(Body, _ => null, Query(token)).Failure);
    }

    [Fact]
    public void Validate_TamperedToken_IsInvalidToken()
    {
        var validator = Validator();
        var token = validator.CreateCallbackToken();
        var tampered = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');

        Assert.False(validator.VerifyCallbackToken(tampered));
        Assert.True(validator.VerifyCallbackToken(token));
        Assert.False(validator.VerifyCallbackToken(null));
    }

    [Fact]
    public void Validate_UnsignedWithoutToken_IsMissingToken()
    {
        var result = Validator().Validate(Body, _ => null, _ => null);

        Assert.Equal(WebhookValidationFailure.MissingCallbackToken, result.Failure);
        Assert.Contains("meetstream_token", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnsignedWithoutQueryAccessor_IsMissingToken()
    {
        Assert.Equal(WebhookValidationFailure.MissingCallbackToken, Validator().Validate(Body, _ => null).Failure);
    }

    [Fact]
    public void Validate_UnsignedWithoutTokenWhenSigningConfigured_IsMissingSignature()
    {
        var options = new WebhookValidatorOptions();
        options.SigningSecrets.Add("whsec_test");
        options.CallbackTokenSecrets.Add(TokenSecret);

        Assert.Equal(WebhookValidationFailure.MissingSignature, new WebhookValidator(options).Validate(Body, _ => null, _ => null).Failure);
    }

    [Fact]
    public void Validate_UnsignedWithoutTokenWhenOptedIn_IsValidAsUnsigned()
    {
        var options = new WebhookValidatorOptions { AllowUnsignedDeliveries = true };

        var result = new WebhookValidator(options).Validate(Body, _ => null, _ => null);

        Assert.True(result.IsValid);
        Assert.Equal(WebhookAuthentication.Unsigned, result.Authentication);
    }

    [Fact]
    public void Validate_UnsignedOptInWithBadToken_StillRejectsTheBadToken()
    {
        var options = new WebhookValidatorOptions { AllowUnsignedDeliveries = true };
        options.CallbackTokenSecrets.Add(TokenSecret);

        var result = new WebhookValidator(options).Validate(Body, _ => null, Query("v1.forged"));

        Assert.Equal(WebhookValidationFailure.InvalidCallbackToken, result.Failure);
    }

    [Fact]
    public void Validate_TokenDeliveryWithStaleTimestamp_IsStale()
    {
        var validator = Validator();
        var token = validator.CreateCallbackToken();

        var result = validator.Validate(Body, name => name == WebhookValidator.TimestampHeaderName ? "2026-11-21T11:00:00Z" : null, Query(token));

        Assert.Equal(WebhookValidationFailure.StaleTimestamp, result.Failure);
    }

    [Fact]
    public void Validate_SignedDeliveryWithTokenAlsoPresent_ChecksTheSignature()
    {
        var options = new WebhookValidatorOptions { TimeProvider = new FakeTimeProvider() };
        options.SigningSecrets.Add("whsec_test");
        options.CallbackTokenSecrets.Add(TokenSecret);
        var validator = new WebhookValidator(options);
        var token = validator.CreateCallbackToken();

        var result = validator.Validate(Body, name => name == WebhookValidator.SignatureHeaderName ? "sha256=" + new string('0', 64) : null, Query(token));

        Assert.Equal(WebhookValidationFailure.SignatureMismatch, result.Failure);
    }

    [Fact]
    public void GenerateSecret_ReturnsDistinctUrlSafe256BitSecrets()
    {
        var first = WebhookValidator.GenerateSecret();
        var second = WebhookValidator.GenerateSecret();

        Assert.NotEqual(first, second);
        Assert.Equal(43, first.Length);
        Assert.All(first, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
    }

    private static string TokenOf(string url) => HttpUtility.ParseQueryString(new Uri(url).Query)["meetstream_token"]!;

    private static Func<string, string?> Query(string token) => name => name == WebhookValidator.CallbackTokenParameterName ? token : null;

    private static WebhookValidator Validator(params string[] secrets)
    {
        var options = new WebhookValidatorOptions { TimeProvider = new FakeTimeProvider() };
        foreach (var secret in secrets.Length == 0 ? [TokenSecret] : secrets)
        {
            options.CallbackTokenSecrets.Add(secret);
        }

        return new WebhookValidator(options);
    }
}
