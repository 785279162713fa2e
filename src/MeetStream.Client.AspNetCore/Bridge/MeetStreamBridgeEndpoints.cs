using MeetStream.Client.AspNetCore.Internal;

namespace MeetStream.Client.AspNetCore;

/// <summary>
/// The <c>wss://</c> URLs of a MeetStream bridge, ready for <c>CreateBotRequest</c>:
/// <see cref="Control"/> for <c>SocketConnectionUrl</c>, <see cref="Audio"/> for <c>LiveAudioRequired</c> and
/// <see cref="Video"/> for <c>LiveVideoRequired</c>. Each carries the access token; <see cref="ToString"/> masks it.
/// </summary>
public sealed class MeetStreamBridgeEndpoints
{
    private MeetStreamBridgeEndpoints(string control, string audio, string video)
    {
        Control = WebSocketEndpoint.For(control);
        Audio = WebSocketEndpoint.For(audio);
        Video = WebSocketEndpoint.For(video);
    }

    /// <summary>Gets the control socket (<c>socket_connection_url</c>): <c>wss://host/bridge?token=…</c>.</summary>
    public WebSocketEndpoint Control { get; }

    /// <summary>Gets the live audio socket (<c>live_audio_required</c>): <c>wss://host/bridge/audio?token=…</c>.</summary>
    public WebSocketEndpoint Audio { get; }

    /// <summary>Gets the live video socket (<c>live_video_required</c>, Meet and Teams): <c>wss://host/bridge/video?token=…</c>.</summary>
    public WebSocketEndpoint Video { get; }

    /// <summary>Builds the URLs from the bridge options: <see cref="MeetStreamBridgeOptions.PublicBaseUrl"/> and the first access token.</summary>
    /// <param name="options">The bridge options.</param>
    /// <param name="path">The pattern given to <c>MapMeetStreamBridge</c>. Default <c>/bridge</c>.</param>
    /// <param name="botId">Optional: use the <c>/{botId}/bridge</c> form of the routes.</param>
    /// <returns>The URLs.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><c>PublicBaseUrl</c> is missing or not absolute http(s)/ws(s), or no token is configured and anonymous access is off.</exception>
    public static MeetStreamBridgeEndpoints Create(MeetStreamBridgeOptions options, string path = "/bridge", string? botId = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.AccessTokens.Count == 0 && !options.AllowAnonymous)
        {
            throw new ArgumentException($"MeetStreamBridgeOptions.{nameof(options.AccessTokens)} is empty: add a token (see MeetStreamBridgeOptions.GenerateAccessToken) or set AllowAnonymous for local development.", nameof(options));
        }

        return Create(options.PublicBaseUrl!, options.AccessTokens.Count > 0 ? options.AccessTokens[0] : null, path, botId);
    }

    /// <summary>Builds the URLs of a bridge mapped at <paramref name="path"/> on a server reachable at <paramref name="publicBaseUrl"/>.</summary>
    /// <param name="publicBaseUrl">The server's public address: <c>https://</c> becomes <c>wss://</c>, <c>http://</c> becomes <c>ws://</c>; a path prefix is kept.</param>
    /// <param name="accessToken">The token to put in the <c>token</c> query parameter, or <see langword="null"/> for an anonymous bridge.</param>
    /// <param name="path">The pattern given to <c>MapMeetStreamBridge</c>. Default <c>/bridge</c>.</param>
    /// <param name="botId">Optional: use the <c>/{botId}/bridge</c> form of the routes.</param>
    /// <returns>The URLs.</returns>
    /// <exception cref="ArgumentException">The base URL is missing, relative, or not http(s)/ws(s); the path is empty; the token or bot id is blank.</exception>
    public static MeetStreamBridgeEndpoints Create(string publicBaseUrl, string? accessToken, string path = "/bridge", string? botId = null)
    {
        if (string.IsNullOrWhiteSpace(publicBaseUrl) || !Uri.TryCreate(publicBaseUrl, UriKind.Absolute, out var baseUri))
        {
            throw new ArgumentException("The public base URL must be an absolute URL such as https://bridge.example.com (the address MeetStream can reach; not localhost).", nameof(publicBaseUrl));
        }

        var scheme = baseUri.Scheme switch
        {
            "https" or "wss" => "wss",
            "http" or "ws" => "ws",
            _ => throw new ArgumentException($"The public base URL must use https, http, wss or ws; got '{baseUri.Scheme}'.", nameof(publicBaseUrl)),
        };
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (accessToken is not null && string.IsNullOrWhiteSpace(accessToken))
        {
            throw new ArgumentException("The access token must not be blank; pass null for an anonymous bridge.", nameof(accessToken));
        }

        if (botId is not null && string.IsNullOrWhiteSpace(botId))
        {
            throw new ArgumentException("The bot id must not be blank; pass null for the routes without a bot id.", nameof(botId));
        }

        var route = BridgeRoutes.WithBotId(path, botId is null ? null : Uri.EscapeDataString(botId));
        var prefix = baseUri.AbsolutePath.TrimEnd('/');
        var authority = baseUri.Authority; // host and a non-default port
        var query = accessToken is null ? string.Empty : "?" + MeetStreamBridgeOptions.TokenParameterName + "=" + Uri.EscapeDataString(accessToken);
        string Url(string suffix) => $"{scheme}://{authority}{prefix}{route}{suffix}{query}";
        return new MeetStreamBridgeEndpoints(Url(string.Empty), Url(BridgeRoutes.AudioSuffix), Url(BridgeRoutes.VideoSuffix));
    }

    /// <summary>Describes the URLs with the token masked.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"MeetStreamBridgeEndpoints {{ Control = {Mask(Control.WebSocketUrl)}, Audio = {Mask(Audio.WebSocketUrl)}, Video = {Mask(Video.WebSocketUrl)} }}";

    private static string? Mask(string? url)
    {
        var index = url?.IndexOf("?" + MeetStreamBridgeOptions.TokenParameterName + "=", StringComparison.Ordinal) ?? -1;
        return index < 0 ? url : url![..index] + "?" + MeetStreamBridgeOptions.TokenParameterName + "=***";
    }
}
