namespace MeetStream.Client.Testing;

/// <summary>The problems found while validating a request body; the request is refused with all of them at once.</summary>
internal sealed class ParseProblems
{
    private readonly List<string> _messages = [];

    public IReadOnlyList<string> Messages => _messages;

    public int Count => _messages.Count;

    public void Add(string message) => _messages.Add(message);

    /// <summary>Adds a problem unless <paramref name="url"/> is null or an absolute URL of the expected kind.</summary>
    public void Url(string? url, string path, bool websocket, bool httpsOnly = false)
    {
        if (url is null)
        {
            return;
        }

        var ok = Uri.TryCreate(url, UriKind.Absolute, out var uri) && (websocket
            ? uri.Scheme is "ws" or "wss"
            : uri.Scheme == Uri.UriSchemeHttps || (!httpsOnly && uri.Scheme == Uri.UriSchemeHttp));
        if (!ok)
        {
            Add($"{path} must be an absolute {(websocket ? "ws:// or wss://" : httpsOnly ? "https://" : "http(s)")} URL");
        }
    }
}
