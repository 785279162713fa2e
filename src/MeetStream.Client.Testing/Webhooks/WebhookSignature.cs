using System.Security.Cryptography;
using System.Text;

namespace MeetStream.Client.Testing;

/// <summary>Signs workspace webhook deliveries the way MeetStream does (§3.7).</summary>
internal static class WebhookSignature
{
    public const string SignatureHeader = "X-MeetStream-Signature";

    public const string TimestampHeader = "X-MeetStream-Timestamp";

    /// <summary>Returns <c>sha256=</c> + the lowercase hex HMAC-SHA256 of the raw body, keyed with the UTF-8 secret.</summary>
    public static string Compute(ReadOnlySpan<byte> body, string secret)
    {
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, hash);
        return "sha256=" + Convert.ToHexString(hash).ToLowerInvariant();
    }

    public static string FormatTimestamp(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
