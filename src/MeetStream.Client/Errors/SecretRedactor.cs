using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MeetStream.Client.Errors;

/// <summary>
/// Removes secrets from text a server supplied (error messages and bodies) before it reaches an exception, a log line
/// or <c>ToString()</c>: every occurrence of the configured API key (as is and JSON-escaped, case-insensitive) and the
/// value after any <c>Token</c>, <c>Bearer</c> or <c>api_key</c> word, whatever the key.
/// </summary>
internal sealed partial class SecretRedactor
{
    /// <summary>What a removed secret is replaced with.</summary>
    public const string Replacement = "[REDACTED]";

    private readonly string? _key;
    private readonly string? _escapedKey;

    /// <summary>Initializes a redactor for one API key.</summary>
    /// <param name="apiKey">The configured key; <see langword="null"/> or empty redacts only scheme-prefixed values.</param>
    public SecretRedactor(string? apiKey)
    {
        if (!string.IsNullOrEmpty(apiKey))
        {
            _key = apiKey;
            var escaped = JsonEncodedText.Encode(apiKey, JavaScriptEncoder.Default).ToString();
            _escapedKey = escaped == apiKey ? null : escaped;
        }
    }

    /// <summary>Returns <paramref name="text"/> without secrets.</summary>
    /// <param name="text">Server-supplied text.</param>
    /// <param name="cutOff">
    /// <see langword="true"/> when the text is the start of a longer text: a trailing beginning of the key (cut at the
    /// end) is removed too, so a truncated copy never holds part of the key.
    /// </param>
    /// <returns>The text with every secret replaced by <see cref="Replacement"/>; <see langword="null"/> stays null.</returns>
    public string? Redact(string? text, bool cutOff = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        if (_key is not null)
        {
            text = text.Replace(_key, Replacement, StringComparison.OrdinalIgnoreCase);
            if (_escapedKey is not null)
            {
                text = text.Replace(_escapedKey, Replacement, StringComparison.OrdinalIgnoreCase);
            }

            if (cutOff)
            {
                text = text[..(text.Length - TrailingKeyPrefixLength(text, _key))];
            }
        }

        return SchemeValue().Replace(text, "${name}${separator}" + Replacement);
    }

    private static int TrailingKeyPrefixLength(string text, string key)
    {
        for (var length = Math.Min(key.Length - 1, text.Length); length > 0; length--)
        {
            if (text.AsSpan(text.Length - length).Equals(key.AsSpan(0, length), StringComparison.OrdinalIgnoreCase))
            {
                return length;
            }
        }

        return 0;
    }

    // "Token abc", "Bearer abc.def", "token=abc", "\"api_key\": \"abc\"": keep the word and separator, drop the value.
    [GeneratedRegex("""(?<name>\b(?:token|bearer|api[_-]?key))(?<separator>"?\s*[:=]\s*"?|\s+)(?<value>[^\s"'<>,;()\[\]{}\\]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SchemeValue();
}
