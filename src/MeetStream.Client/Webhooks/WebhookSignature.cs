using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace MeetStream.Client.Webhooks;

/// <summary>
/// The <c>X-MeetStream-Signature</c> format in one place: reading a header value (<c>sha256=</c> optional, hex in
/// either case, surrounding white space ignored), computing the HMAC-SHA256 of a body and comparing in constant time.
/// Used by <see cref="WebhookValidator"/>'s instance and static members so both follow the same header rules.
/// </summary>
internal static class WebhookSignature
{
    /// <summary>The prefix MeetStream puts before the hex digest.</summary>
    public const string Prefix = "sha256=";

    /// <summary>The length of the header value <see cref="Format"/> writes: the prefix and 64 hex digits.</summary>
    public const int HeaderLength = 7 + (2 * HMACSHA256.HashSizeInBytes);

    /// <summary>A strict UTF-8 encoding: a string with a lone surrogate has no UTF-8 form, so it is refused, not patched.</summary>
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Reads the digest from a header value: optional <c>sha256=</c> (any case), then exactly 64 hex digits.
    /// </summary>
    /// <param name="header">The header value.</param>
    /// <param name="mac">Receives the 32 digest bytes.</param>
    /// <returns><see langword="false"/> for anything else (another algorithm's prefix, wrong length, a non-hex digit).</returns>
    public static bool TryReadHeader(ReadOnlySpan<char> header, Span<byte> mac)
    {
        var value = header.Trim();
        if (value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            value = value[Prefix.Length..];
        }

        return value.Length == 2 * HMACSHA256.HashSizeInBytes && TryDecodeHex(value, mac);
    }

    /// <summary>Checks a header value against one key in constant time (for a well-formed header).</summary>
    /// <param name="key">The HMAC key (the secret's UTF-8 bytes).</param>
    /// <param name="body">The raw body.</param>
    /// <param name="provided">The digest read by <see cref="TryReadHeader"/>.</param>
    /// <returns>Whether the digest is the body's HMAC under the key.</returns>
    public static bool Matches(ReadOnlySpan<byte> key, ReadOnlySpan<byte> body, ReadOnlySpan<byte> provided)
    {
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, provided);
    }

    /// <summary>Computes the header value for a body: <c>sha256=</c> and the lowercase hex HMAC-SHA256.</summary>
    /// <param name="key">The HMAC key (the secret's UTF-8 bytes).</param>
    /// <param name="body">The raw body.</param>
    /// <returns>The header value.</returns>
    public static string Format(ReadOnlySpan<byte> key, ReadOnlySpan<byte> body)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, body, mac);
        Span<char> text = stackalloc char[HeaderLength];
        Prefix.AsSpan().CopyTo(text);
        WriteLowerHex(mac, text[Prefix.Length..]);
        return new string(text);
    }

    /// <summary>Encodes a body string as strict UTF-8.</summary>
    /// <param name="body">The body text.</param>
    /// <param name="bytes">The UTF-8 bytes, or <see langword="null"/> when the string has a lone surrogate.</param>
    /// <returns>Whether the string has a UTF-8 form.</returns>
    public static bool TryEncodeBody(string body, [NotNullWhen(true)] out byte[]? bytes)
    {
        try
        {
            bytes = StrictUtf8.GetBytes(body);
            return true;
        }
        catch (EncoderFallbackException)
        {
            bytes = null;
            return false;
        }
    }

    /// <summary>Checks a signing secret the way <see cref="WebhookValidator"/>'s constructor does, naming only the parameter.</summary>
    /// <param name="secret">The secret.</param>
    /// <param name="parameterName">The parameter's name.</param>
    /// <exception cref="ArgumentNullException">The secret is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The secret is empty or white space.</exception>
    public static void RequireSecret(string? secret, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(secret, parameterName);
        if (string.IsNullOrWhiteSpace(secret))
        {
            throw new ArgumentException("The webhook signing secret must not be empty or white space.", parameterName);
        }
    }

    /// <summary>Decodes hexadecimal text (either case) into <paramref name="destination"/>, which sets how many bytes are read.</summary>
    /// <returns><see langword="false"/> when a character is not a hex digit.</returns>
    internal static bool TryDecodeHex(ReadOnlySpan<char> hex, Span<byte> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            var high = HexValue(hex[2 * i]);
            var low = HexValue(hex[(2 * i) + 1]);
            if ((high | low) < 0)
            {
                return false;
            }

            destination[i] = (byte)((high << 4) | low);
        }

        return true;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    private static void WriteLowerHex(ReadOnlySpan<byte> bytes, Span<char> destination)
    {
        const string digits = "0123456789abcdef";
        for (var i = 0; i < bytes.Length; i++)
        {
            destination[2 * i] = digits[bytes[i] >> 4];
            destination[(2 * i) + 1] = digits[bytes[i] & 0xF];
        }
    }
}
