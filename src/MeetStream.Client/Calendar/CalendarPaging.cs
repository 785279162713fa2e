namespace MeetStream.Client;

/// <summary>
/// How the SDK follows the <c>next</c> of an event page. The guide says only "follow <c>next</c>" and does not say
/// whether it is a cursor or a URL, so both are handled:
/// <list type="bullet">
/// <item>A bare value is a cursor: the next request repeats the caller's options with <c>cursor=&lt;next&gt;</c>.</item>
/// <item>A URL (absolute <c>http(s)://…</c>, or relative starting with <c>?</c> or <c>/…?</c>): its query parameters
/// are sent to the same endpoint under the configured base URL, plus any of the caller's options the URL leaves out.
/// The URL's host and path are never used, so the API key cannot be sent anywhere else.</item>
/// </list>
/// Paging stops when <c>has_more</c> is <see langword="false"/> or <c>next</c> is empty; a <c>next</c> seen before
/// ends it with a <see cref="MeetStreamException"/> instead of looping forever.
/// </summary>
internal static class CalendarPaging
{
    /// <summary>Tells whether a <c>next</c> value is a URL rather than a bare cursor.</summary>
    /// <param name="next">The value.</param>
    /// <returns>Whether it is a URL.</returns>
    public static bool IsUrl(string next) =>
        next.StartsWith('?')
        || (next.StartsWith('/') && next.Contains('?', StringComparison.Ordinal))
        || (Uri.TryCreate(next, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps));

    /// <summary>Reads the cursor from a <c>next</c>/<c>previous</c> value.</summary>
    /// <param name="next">The value.</param>
    /// <returns>The cursor, or <see langword="null"/>.</returns>
    public static string? CursorOf(string? next)
    {
        if (string.IsNullOrWhiteSpace(next))
        {
            return null;
        }

        if (!IsUrl(next))
        {
            return next;
        }

        foreach (var (name, value) in QueryOf(next))
        {
            if (name == "cursor")
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>Splits and decodes the query string of a URL (form encoding: <c>+</c> is a space).</summary>
    /// <param name="url">The URL.</param>
    /// <returns>The parameters in order.</returns>
    public static IReadOnlyList<KeyValuePair<string, string>> QueryOf(string url)
    {
        var start = url.IndexOf('?', StringComparison.Ordinal);
        if (start < 0)
        {
            return [];
        }

        var query = url[(start + 1)..];
        var fragment = query.IndexOf('#', StringComparison.Ordinal);
        if (fragment >= 0)
        {
            query = query[..fragment];
        }

        var result = new List<KeyValuePair<string, string>>();
        foreach (var part in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? string.Empty : part[(equals + 1)..];
            result.Add(new(Decode(name), Decode(value)));
        }

        return result;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
