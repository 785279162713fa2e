using System.Globalization;
using System.Security.Cryptography;
using MeetStream.Client.Realtime;

namespace MeetStream.Client.AspNetCore;

/// <summary>
/// Settings of the MeetStream WebSocket bridge (<c>app.MapMeetStreamBridge("/bridge")</c>): the access tokens that
/// protect its URLs, keep-alives, and the options of each channel session. <see cref="ToString"/> never shows a token.
/// </summary>
public sealed class MeetStreamBridgeOptions
{
    /// <summary>The query parameter that carries the access token: <c>wss://host/bridge?token=…</c>.</summary>
    public const string TokenParameterName = "token";

    /// <summary>The shortest access token accepted, in characters.</summary>
    public const int MinimumTokenLength = 16;

    /// <summary>Initializes the options with the bridge's defaults: oversized messages close the channel with 1009.</summary>
    public MeetStreamBridgeOptions()
    {
        Audio.OversizedMessageAction = OversizedMessageAction.Close;
        Control.OversizedMessageAction = OversizedMessageAction.Close;
        Video.OversizedMessageAction = OversizedMessageAction.Close;
    }

    /// <summary>
    /// Gets the secrets accepted in the <c>token</c> query parameter (compared in constant time). Put the current
    /// one first (URLs are built with it); keep the previous one while bots created with it are still live, then
    /// remove it. At least <see cref="MinimumTokenLength"/> characters each; see <see cref="GenerateAccessToken"/>.
    /// </summary>
    public IList<string> AccessTokens { get; } = new List<string>();

    /// <summary>
    /// Gets or sets whether connections without a token are accepted when <see cref="AccessTokens"/> is empty. Anyone
    /// who finds the URL can then read the meeting audio: for local development only. Default <see langword="false"/>.
    /// </summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>
    /// Gets or sets the public <c>https://</c> (or <c>wss://</c>) address MeetStream reaches this server at (your
    /// domain or tunnel), used by <see cref="MeetStreamBridgeEndpoints.Create(MeetStreamBridgeOptions, string, string?)"/>.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Gets or sets whether the live video socket (<c>{path}/video</c>) is mapped. Default <see langword="true"/>.</summary>
    public bool EnableVideo { get; set; } = true;

    /// <summary>
    /// Gets or sets how often the server sends a keep-alive frame so proxies and tunnels do not close an idle
    /// connection; <see cref="TimeSpan.Zero"/> turns keep-alives off. On .NET 10 it is a ping the bot must answer within
    /// <see cref="KeepAliveTimeout"/>; on .NET 8 it is an unsolicited pong (no answer expected, so it finds no dead
    /// peer: the sessions' <see cref="RealtimeChannelOptions.IdleTimeout"/> does). Default 30 seconds.
    /// </summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets how long the server waits for the bot's pong after each keep-alive ping before it aborts the socket
    /// (the session then ends with <see cref="RealtimeCloseReason.ConnectionLost"/>). .NET 10 only: .NET 8 has no ping
    /// timeout and ignores it. <see cref="TimeSpan.Zero"/> or <see cref="Timeout.InfiniteTimeSpan"/> turns it off; it is
    /// also off when <see cref="KeepAliveInterval"/> is zero. Default 30 seconds (a bot's WebSocket client answers
    /// pings by itself, in milliseconds).
    /// </summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets the options of every live-audio session (message cap 1 MiB and <see cref="OversizedMessageAction.Close"/>
    /// (1009) by default, idle and message timeouts, frame queue and its drop policy, logger, clock).
    /// </summary>
    public AudioChannelOptions Audio { get; } = new();

    /// <summary>Gets the options of every control session (message cap 1 MiB, close with 1009 above it, speech pacing, queues).</summary>
    public ControlChannelOptions Control { get; } = new();

    /// <summary>Gets the options of every video session (message cap 64 MiB, close with 1009 above it).</summary>
    public VideoChannelOptions Video { get; } = new();

    /// <summary>Gets the options of the bridge's <see cref="BotSessionRegistry"/> (reconnect grace period, clock).</summary>
    public BotSessionOptions Sessions { get; } = new();

    /// <summary>Creates a random access token: 32 bytes from a cryptographic generator, base64url (43 characters).</summary>
    /// <returns>The token.</returns>
    public static string GenerateAccessToken()
    {
        Span<byte> bytes = stackalloc byte[32];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Describes the settings with every token masked.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"MeetStreamBridgeOptions {{ AccessTokens = [{AccessTokens.Count} hidden], AllowAnonymous = {AllowAnonymous}, PublicBaseUrl = {PublicBaseUrl}, EnableVideo = {EnableVideo}, KeepAliveInterval = {KeepAliveInterval}, KeepAliveTimeout = {KeepAliveTimeout}, MaxAudioMessageBytes = {Audio.MaxMessageBytes}, MaxControlMessageBytes = {Control.MaxMessageBytes}, MaxVideoMessageBytes = {Video.MaxMessageBytes} }}");
}
