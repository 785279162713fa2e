using System.Text;
using MeetStream.Client.Webhooks;

namespace MeetStream.Client.Tests.Webhooks;

/// <summary>
/// The static one-call <see cref="WebhookValidator.Verify(ReadOnlySpan{byte}, string?, string)"/>: the known OpenSSL
/// vector of <see cref="WebhookSignatureTests"/>, the same header rules as the instance method, and bad inputs.
/// </summary>
public sealed class WebhookVerifyTests
{
    private const string Body = WebhookSignatureTests.Body;
    private const string Secret = WebhookSignatureTests.Secret;
    private const string Mac = WebhookSignatureTests.BodyMac;
    private static readonly byte[] BodyBytes = Encoding.UTF8.GetBytes(Body);

    [Theory]
    [InlineData("sha256=" + Mac)]
    [InlineData(Mac)]
    [InlineData("SHA256=" + Mac)]
    [InlineData("  sha256=" + Mac + "  ")]
    public void Verify_KnownVectorAnyAcceptedSpelling_ReturnsTrueForBytesAndString(string header)
    {
        Assert.True(WebhookValidator.Verify(BodyBytes, header, Secret));
        Assert.True(WebhookValidator.Verify(BodyBytes.AsSpan(), header, Secret));
        Assert.True(WebhookValidator.Verify(Body, header, Secret));
    }

    [Fact]
    public void Verify_UppercaseHexDigest_ReturnsTrue()
    {
        Assert.True(WebhookValidator.Verify(BodyBytes, "sha256=" + Mac.ToUpperInvariant(), Secret));
    }

    [Fact]
    public void Verify_ComputeSignatureOutput_RoundTrips()
    {
        var header = WebhookValidator.ComputeSignature(BodyBytes, Secret);

        Assert.StartsWith("sha256=", header, StringComparison.Ordinal);
        Assert.True(WebhookValidator.Verify(BodyBytes, header, Secret));
    }

    [Fact]
    public void Verify_TamperedBody_ReturnsFalse()
    {
        var tampered = Body.Replace("acme", "acmf", StringComparison.Ordinal);

        Assert.False(WebhookValidator.Verify(tampered, "sha256=" + Mac, Secret));
        Assert.False(WebhookValidator.Verify(Encoding.UTF8.GetBytes(tampered), "sha256=" + Mac, Secret));
    }

    [Fact]
    public void Verify_WrongSecret_ReturnsFalse()
    {
        Assert.False(WebhookValidator.Verify(BodyBytes, "sha256=" + Mac, Secret + "x"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("sha256=")]
    [InlineData("sha1=" + Mac)]
    [InlineData("sha512=" + Mac)]
    [InlineData("sha256:" + Mac)]
    [InlineData("sha256=" + Mac + "00")]
    [InlineData("sha256=" + "880722c307596fe407837d2ac74c5ef46e9e1af6d4a109e95a70cefab172497")]
    [InlineData("sha256=" + "g80722c307596fe407837d2ac74c5ef46e9e1af6d4a109e95a70cefab172497c")]
    [InlineData("sha256=sha256=" + Mac)]
    [InlineData("t=1,v1=" + Mac)]
    public void Verify_MissingOrMalformedHeader_ReturnsFalse(string? header)
    {
        Assert.False(WebhookValidator.Verify(BodyBytes, header, Secret));
        Assert.False(WebhookValidator.Verify(Body, header, Secret));
    }

    [Fact]
    public void Verify_StringWithLoneSurrogate_ReturnsFalseInsteadOfSigningAReplacement()
    {
        var broken = "{\"text\":\"\uD800\"}";
        var replaced = Encoding.UTF8.GetBytes(broken); // what a lenient encoder would sign: U+FFFD for the surrogate
        var header = WebhookValidator.ComputeSignature(replaced, Secret);

        Assert.True(WebhookValidator.Verify(replaced, header, Secret));
        Assert.False(WebhookValidator.Verify(broken, header, Secret));
    }

    [Fact]
    public void ComputeSignature_StringWithLoneSurrogate_ThrowsArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => WebhookValidator.ComputeSignature("{\"text\":\"\uDC00\"}", Secret));

        Assert.Equal("body", error.ParamName);
    }

    [Fact]
    public void Verify_NullSecret_ThrowsArgumentNullException()
    {
        Assert.Equal("secret", Assert.Throws<ArgumentNullException>(() => WebhookValidator.Verify(BodyBytes, "sha256=" + Mac, null!)).ParamName);
        Assert.Equal("secret", Assert.Throws<ArgumentNullException>(() => WebhookValidator.Verify(Body, "sha256=" + Mac, null!)).ParamName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Verify_EmptySecret_ThrowsArgumentExceptionEvenForAMissingHeader(string secret)
    {
        Assert.Equal("secret", Assert.Throws<ArgumentException>(() => WebhookValidator.Verify(BodyBytes, null, secret)).ParamName);
        Assert.Equal("secret", Assert.Throws<ArgumentException>(() => WebhookValidator.Verify(Body, null, secret)).ParamName);
    }

    [Fact]
    public void ComputeSignature_WhiteSpaceSecret_ThrowsLikeTheValidatorConstructor()
    {
        Assert.Throws<ArgumentException>(() => WebhookValidator.ComputeSignature(BodyBytes, "   "));
        Assert.Throws<ArgumentException>(() => new WebhookValidator("   "));
    }

    [Fact]
    public void Verify_NullStringBody_ThrowsArgumentNullException()
    {
        Assert.Equal("body", Assert.Throws<ArgumentNullException>(() => WebhookValidator.Verify((string)null!, "sha256=" + Mac, Secret)).ParamName);
    }

    [Fact]
    public void Verify_SecretErrors_NeverContainTheSecret()
    {
        const string secret = "  \t ";
        var error = Assert.Throws<ArgumentException>(() => WebhookValidator.Verify(BodyBytes, "sha256=" + Mac, secret));

        Assert.DoesNotContain("whsec", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sha256=" + Mac)]
    [InlineData(Mac)]
    [InlineData("sha1=" + Mac)]
    [InlineData("")]
    [InlineData("sha256=00")]
    public void Verify_AnyHeader_AgreesWithTheInstanceVerifySignature(string header)
    {
        var instance = new WebhookValidator(Secret).VerifySignature(BodyBytes, header).IsValid;

        Assert.Equal(instance, WebhookValidator.Verify(BodyBytes, header, Secret));
    }

    [Fact]
    public void Verify_EmptyBodyWithItsSignature_ReturnsTrue()
    {
        var header = WebhookValidator.ComputeSignature(ReadOnlySpan<byte>.Empty, Secret);

        Assert.True(WebhookValidator.Verify(ReadOnlySpan<byte>.Empty, header, Secret));
        Assert.True(WebhookValidator.Verify(string.Empty, header, Secret));
    }
}
