using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MeetStream.Client.Outbound;
using MeetStream.Client.Tests.Infrastructure;

namespace MeetStream.Client.Tests.Outbound;

/// <summary>The outbound signature format (<c>t=…,v1=…</c>) and the receiver-side <see cref="SignedWebhookSink.VerifySignature(ReadOnlySpan{byte}, string?, string, TimeSpan, TimeProvider?)"/>.</summary>
public sealed class SignedWebhookSinkSignatureTests
{
    private const string Secret = "whsec_receiver";
    private static readonly byte[] Body = """{"event":"keyword.hit","phrase":"pricing"}"""u8.ToArray();

    [Fact]
    public void ComputeSignature_IsHmacSha256OverTimestampDotBody_LowercaseHex()
    {
        var at = new DateTimeOffset(2026, 12, 7, 13, 0, 0, TimeSpan.Zero);
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var expected = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.ASCII.GetBytes(t + ".").Concat(Body).ToArray())).ToLowerInvariant();

        Assert.Equal($"t={t},v1={expected}", SignedWebhookSink.ComputeSignature(Body, Secret, at));
    }

    [Fact]
    public void VerifySignature_FreshAndIntact_True()
    {
        var clock = new FakeTimeProvider();
        var header = SignedWebhookSink.ComputeSignature(Body, Secret, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(4));

        Assert.True(SignedWebhookSink.VerifySignature(Body, header, Secret, TimeSpan.FromMinutes(5), clock));
        Assert.True(SignedWebhookSink.VerifySignature(Body, " " + header.Replace(",", " , ", StringComparison.Ordinal).ToUpperInvariant().Replace("T=", "t=", StringComparison.Ordinal).Replace("V1=", "v1=", StringComparison.Ordinal), Secret, TimeSpan.FromMinutes(5), clock));
    }

    [Fact]
    public void VerifySignature_SystemClockOverload_AcceptsANowSignature()
    {
        var header = SignedWebhookSink.ComputeSignature(Body, Secret, DateTimeOffset.UtcNow);
        Assert.True(SignedWebhookSink.VerifySignature(Body, header, Secret));
    }

    [Fact]
    public void VerifySignature_TamperedBody_False()
    {
        var clock = new FakeTimeProvider();
        var header = SignedWebhookSink.ComputeSignature(Body, Secret, clock.GetUtcNow());
        var tampered = Body.ToArray();
        tampered[^3] ^= 1;

        Assert.False(SignedWebhookSink.VerifySignature(tampered, header, Secret, TimeSpan.FromMinutes(5), clock));
        Assert.False(SignedWebhookSink.VerifySignature(Body, header, Secret + "x", TimeSpan.FromMinutes(5), clock));
    }

    [Fact]
    public void VerifySignature_OldOrFutureTimestamp_False()
    {
        var clock = new FakeTimeProvider();
        var old = SignedWebhookSink.ComputeSignature(Body, Secret, clock.GetUtcNow() - TimeSpan.FromMinutes(6));
        var future = SignedWebhookSink.ComputeSignature(Body, Secret, clock.GetUtcNow() + TimeSpan.FromMinutes(6));

        Assert.False(SignedWebhookSink.VerifySignature(Body, old, Secret, TimeSpan.FromMinutes(5), clock));
        Assert.False(SignedWebhookSink.VerifySignature(Body, future, Secret, TimeSpan.FromMinutes(5), clock));
        Assert.True(SignedWebhookSink.VerifySignature(Body, old, Secret, TimeSpan.FromMinutes(7), clock));
    }

    [Fact]
    public void VerifySignature_TimestampChangedAfterSigning_False()
    {
        var clock = new FakeTimeProvider();
        var header = SignedWebhookSink.ComputeSignature(Body, Secret, clock.GetUtcNow());
        var t = clock.GetUtcNow().ToUnixTimeSeconds();
        var moved = header.Replace($"t={t}", $"t={t + 1}", StringComparison.Ordinal);

        Assert.False(SignedWebhookSink.VerifySignature(Body, moved, Secret, TimeSpan.FromMinutes(5), clock));
    }

    [Fact]
    public void VerifySignature_SeveralDigests_AnyMatchingIsEnough()
    {
        var clock = new FakeTimeProvider();
        var header = SignedWebhookSink.ComputeSignature(Body, Secret, clock.GetUtcNow());
        var other = SignedWebhookSink.ComputeSignature(Body, "old-secret", clock.GetUtcNow());
        var both = other + "," + header[header.IndexOf("v1=", StringComparison.Ordinal)..] + ",v0=ignored";

        Assert.True(SignedWebhookSink.VerifySignature(Body, both, Secret, TimeSpan.FromMinutes(5), clock));
        Assert.True(SignedWebhookSink.VerifySignature(Body, both, "old-secret", TimeSpan.FromMinutes(5), clock));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1795000000")]
    [InlineData("t=abc,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=-5,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1795000000,t=1795000001,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1795000000,v1=00")]
    [InlineData("t=1795000000,v1=zz00000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    public void VerifySignature_MissingOrMalformedHeader_False(string? header)
    {
        Assert.False(SignedWebhookSink.VerifySignature(Body, header, Secret, TimeSpan.FromDays(36500), new FakeTimeProvider()));
    }

    [Fact]
    public void VerifySignature_BadArguments_ThrowNamingTheParameter()
    {
        Assert.Equal("secret", Assert.Throws<ArgumentException>(() => SignedWebhookSink.VerifySignature(Body, "t=1,v1=00", " ")).ParamName);
        Assert.Equal("secret", Assert.Throws<ArgumentException>(() => SignedWebhookSink.VerifySignature(Body, "t=1,v1=00", null!)).ParamName);
        Assert.Equal("tolerance", Assert.Throws<ArgumentOutOfRangeException>(() => SignedWebhookSink.VerifySignature(Body, "t=1,v1=00", Secret, TimeSpan.FromSeconds(-1))).ParamName);
        Assert.Equal("secret", Assert.Throws<ArgumentException>(() => SignedWebhookSink.ComputeSignature(Body, "", DateTimeOffset.UnixEpoch)).ParamName);
    }
}
