using System.Net.WebSockets;
using System.Text;
using MeetStream.Client.Realtime;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeetStream.Client.AspNetCore.Internal;

/// <summary>
/// Handles one bridge request: checks the access token before anything else (401 missing, 403 wrong), refuses
/// non-WebSocket requests (400), accepts the WebSocket with keep-alives (and, on .NET 10, a ping timeout), starts the channel session (its handshake
/// gives the bot id), attaches it to the <see cref="BotSessionRegistry"/>, starts the bot's handler for a new session,
/// and keeps the request open until the socket ends (closing it with 1001 when the application stops).
/// </summary>
internal sealed class BridgeEndpoint
{
    private readonly MeetStreamBridgeOptions _options;
    private readonly BridgeAccessTokens _tokens;
    private readonly BotSessionRegistry _registry;
    private readonly BridgeSessionRunner _runner;
    private readonly CancellationToken _stopping;
    private readonly ILogger _logger;
    private readonly BridgeHandshakeFailureLog _handshakeFailures;

    public BridgeEndpoint(IOptions<MeetStreamBridgeOptions> options, BotSessionRegistry registry, BridgeSessionRunner runner, ILogger<BridgeEndpoint> logger, IHostApplicationLifetime? lifetime = null)
    {
        _options = options.Value;
        _tokens = new BridgeAccessTokens(_options);
        _registry = registry;
        _runner = runner;
        _stopping = lifetime?.ApplicationStopping ?? CancellationToken.None;
        _logger = logger;
        _handshakeFailures = new BridgeHandshakeFailureLog(logger, _options.Sessions.TimeProvider);
    }

    public async Task HandleAsync(HttpContext context, RealtimeChannelKind kind)
    {
        var name = Name(kind);
        var remote = context.Connection.RemoteIpAddress?.ToString();
        var query = context.Request.Query[MeetStreamBridgeOptions.TokenParameterName];
        var check = _tokens.Check(query.Count == 1 ? query[0] : query.Count == 0 ? null : string.Empty);
        if (check != BridgeAccessTokens.Result.Accepted)
        {
            var missing = check == BridgeAccessTokens.Result.Missing;
            await RejectAsync(context, name, remote, missing ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden, missing ? "unauthorized" : "forbidden", missing ? "The access token is missing (query parameter 'token')." : "The access token is not valid.").ConfigureAwait(false);
            return;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            await RejectAsync(context, name, remote, StatusCodes.Status400BadRequest, "not_websocket", "This MeetStream bridge endpoint only accepts WebSocket connections.").ConfigureAwait(false);
            return;
        }

        var socket = await context.WebSockets.AcceptWebSocketAsync(BridgeWebSocketAccept.CreateContext(_options)).ConfigureAwait(false);
        BridgeMetrics.Channel(name, 1);
        try
        {
            await RunChannelAsync(context, kind, name, socket, remote).ConfigureAwait(false);
        }
        finally
        {
            BridgeMetrics.Channel(name, -1);
            socket.Dispose();
        }
    }

    private async Task RunChannelAsync(HttpContext context, RealtimeChannelKind kind, string name, WebSocket socket, string? remote)
    {
        RealtimeChannelSession channel;
        try
        {
            channel = await StartAsync(kind, socket, context.RequestAborted).ConfigureAwait(false);
        }
        catch (MeetStreamRealtimeException ex)
        {
            _handshakeFailures.Failed(name, remote, ex.Message);
            BridgeMetrics.Connection(name, "handshake_failed");
            return;
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            _handshakeFailures.Failed(name, remote, "the connection was aborted before the handshake");
            BridgeMetrics.Connection(name, "handshake_failed");
            return;
        }

        if (!await CheckRouteBotIdAsync(context, name, channel).ConfigureAwait(false))
        {
            return;
        }

        var attachment = _registry.Attach(channel);
        BridgeMetrics.Connection(name, "accepted");
        BridgeLog.Connected(_logger, name, channel.BotId, remote, attachment.IsNewSession, attachment.ReplacedExisting);
        if (attachment.IsNewSession)
        {
            _runner.Start(attachment.Session);
        }

        try
        {
            await channel.Completion.WaitAsync(_stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            BridgeLog.ClosingForShutdown(_logger, name, channel.BotId);
            await channel.CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "server stopping", CancellationToken.None).ConfigureAwait(false);
        }

        BridgeLog.Disconnected(_logger, name, channel.BotId, channel.CloseStatus, channel.ClosedAbruptly);
    }

    /// <summary>Starts the session of the socket's kind with the bridge's options for it (its handshake gives the bot id).</summary>
    private async Task<RealtimeChannelSession> StartAsync(RealtimeChannelKind kind, WebSocket socket, CancellationToken cancellationToken) => kind switch
    {
        RealtimeChannelKind.Audio => await AudioChannelSession.StartAsync(socket, _options.Audio, cancellationToken).ConfigureAwait(false),
        RealtimeChannelKind.Video => await VideoChannelSession.StartAsync(socket, _options.Video, cancellationToken).ConfigureAwait(false),
        _ => await ControlChannelSession.StartAsync(socket, _options.Control, cancellationToken).ConfigureAwait(false),
    };

    private async Task<bool> CheckRouteBotIdAsync(HttpContext context, string name, RealtimeChannelSession channel)
    {
        if (context.Request.RouteValues.TryGetValue(BridgeRoutes.BotIdParameter, out var value) && value is string routeBotId && !string.Equals(routeBotId, channel.BotId, StringComparison.Ordinal))
        {
            BridgeMetrics.Connection(name, "bot_id_mismatch");
            BridgeLog.BotIdMismatch(_logger, name, routeBotId, channel.BotId);
            await channel.CloseAsync(WebSocketCloseStatus.PolicyViolation, "bot_id does not match the URL", CancellationToken.None).ConfigureAwait(false);
            return false;
        }

        return true;
    }

    private async Task RejectAsync(HttpContext context, string name, string? remote, int status, string outcome, string detail)
    {
        BridgeMetrics.Connection(name, outcome);
        BridgeLog.Rejected(_logger, name, context.Request.Path.Value ?? string.Empty, remote, status, detail);
        var body = Encoding.UTF8.GetBytes($$"""{"title":"{{(status == 400 ? "Bad Request" : status == 401 ? "Unauthorized" : "Forbidden")}}","status":{{status}},"detail":"{{detail}}"}""");
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    private static string Name(RealtimeChannelKind kind) => kind switch
    {
        RealtimeChannelKind.Audio => "audio",
        RealtimeChannelKind.Video => "video",
        _ => "control",
    };
}
