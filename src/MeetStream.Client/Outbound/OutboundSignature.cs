using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using MeetStream.Client.Webhooks;

namespace MeetStream.Client.Outbound;

/// <summary>
/// The outbound signature format in one place: <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 over
/// "&lt;t&gt;.&lt;body&gt;"&gt;</c>. Writing it for the sink, and reading and checking it (constant time) for receivers.
/// </summary>
internal static class OutboundSignature
{
    private const int MacHexLength = 2 * HMACSHA256.HashSizeInBytes;

    /// <summary>Computes the header value for a body signed at <paramref name="unixSeconds"/>.</summary>
    public static string Format(ReadOnlySpan<byte> key, ReadOnlySpan<byte> body, long unixSeconds)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Compute(key, body, unixSeconds, mac);
        return "t=" + unixSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",v1=" + Convert.ToHexString(mac).ToLowerInvariant();
    }

    /// <summary>Checks a header value: well formed, timestamp within the tolerance of now, one <c>v1</c> digest matching.</summary>
    public static bool Verify(ReadOnlySpan<byte> key, ReadOnlySpan<byte> body, ReadOnlySpan<char> header, TimeSpan tolerance, DateTimeOffset now)
    {
        long? timestamp = null;
        var candidates = 0;
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Span<byte> provided = stackalloc byte[HMACSHA256.HashSizeInBytes];
        var matched = false;

        // First pass: the timestamp (it is part of the signed text, so it must be known before any digest is checked).
        var rest = header;
        while (NextPart(ref rest, out var part))
        {
            if (part.StartsWith("t=", StringComparison.Ordinal))
            {
                if (timestamp is not null || !TryParseSeconds(part[2..], out var seconds))
                {
                    return false; // two timestamps, or not a number: refuse rather than guess
                }

                timestamp = seconds;
            }
        }

        if (timestamp is not { } t)
        {
            return false;
        }

        var age = now - DateTimeOffset.FromUnixTimeSeconds(t);
        if (age.Duration() > tolerance)
        {
            return false;
        }

        Compute(key, body, t, expected);
        rest = header;
        while (NextPart(ref rest, out var part))
        {
            if (!part.StartsWith("v1=", StringComparison.Ordinal))
            {
                continue; // other schemes (v0, future versions) are ignored
            }

            var hex = part[3..];
            if (hex.Length != MacHexLength || !WebhookSignature.TryDecodeHex(hex, provided))
            {
                return false;
            }

            candidates++;
            matched |= CryptographicOperations.FixedTimeEquals(expected, provided);
        }

        return candidates > 0 && matched;
    }

    /// <summary>Takes the next comma-separated part (trimmed) off <paramref name="rest"/>.</summary>
    private static bool NextPart(ref ReadOnlySpan<char> rest, out ReadOnlySpan<char> part)
    {
        if (rest.IsEmpty)
        {
            part = default;
            return false;
        }

        var comma = rest.IndexOf(',');
        if (comma < 0)
        {
            part = rest.Trim();
            rest = default;
        }
        else
        {
            part = rest[..comma].Trim();
            rest = rest[(comma + 1)..];
        }

        return true;
    }

    private static void Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> body, long unixSeconds, Span<byte> mac)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        Span<byte> prefix = stackalloc byte[24];
        Utf8Formatter.TryFormat(unixSeconds, prefix, out var written);
        prefix[written++] = (byte)'.';
        hmac.AppendData(prefix[..written]);
        hmac.AppendData(body);
        hmac.GetHashAndReset(mac);
    }

    private static bool TryParseSeconds(ReadOnlySpan<char> text, out long seconds)
    {
        seconds = 0;
        if (text.IsEmpty || text.Length > 12)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            seconds = (seconds * 10) + (c - '0');
        }

        return seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds();
    }

    /// <summary>The HMAC key for a secret: its UTF-8 bytes.</summary>
    public static byte[] Key(string secret) => Encoding.UTF8.GetBytes(secret);
}
