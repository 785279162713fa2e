using System.Net.WebSockets;
using System.Text;
using MeetStream.Client.Realtime;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeetStream.Client.AspNetCore.Internal;

/// <summary>The three kinds of bridge socket.</summary>
internal enum BridgeChannel
{
    Control,
    Audio,
    Video,
}

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

    public async Task HandleAsync(HttpContext context, BridgeChannel channel)
    {
        var name = Name(channel);
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
            await RunChannelAsync(context, channel, name, socket, remote).ConfigureAwait(false);
        }
        finally
        {
            BridgeMetrics.Channel(name, -1);
            socket.Dispose();
        }
    }

    private async Task RunChannelAsync(HttpContext context, BridgeChannel channel, string name, WebSocket socket, string? remote)
    {
        Task completion;
        Func<WebSocketCloseStatus, string, Task> close;
        Func<(WebSocketCloseStatus? Status, bool Abrupt)> outcome;
        BotSessionAttachment attachment;
        string botId;
        try
        {
            switch (channel)
            {
                case BridgeChannel.Audio:
                    var audio = await AudioChannelSession.StartAsync(socket, _options.Audio, context.RequestAborted).ConfigureAwait(false);
                    (botId, completion, close, outcome) = (audio.BotId, audio.Completion, (s, d) => audio.CloseAsync(s, d, CancellationToken.None), () => (audio.CloseStatus, audio.ClosedAbruptly));
                    if (!await CheckRouteBotIdAsync(context, name, botId, close).ConfigureAwait(false))
                    {
                        return;
                    }

                    attachment = _registry.Attach(audio);
                    break;
                case BridgeChannel.Video:
                    var video = await VideoChannelSession.StartAsync(socket, _options.Video, context.RequestAborted).ConfigureAwait(false);
                    (botId, completion, close, outcome) = (video.BotId, video.Completion, (s, d) => video.CloseAsync(s, d, CancellationToken.None), () => (video.CloseStatus, video.ClosedAbruptly));
                    if (!await CheckRouteBotIdAsync(context, name, botId, close).ConfigureAwait(false))
                    {
                        return;
                    }

                    attachment = _registry.Attach(video);
                    break;
                default:
                    var control = await ControlChannelSession.StartAsync(socket, _options.Control, context.RequestAborted).ConfigureAwait(false);
                    (botId, completion, close, outcome) = (control.BotId, control.Completion, (s, d) => control.CloseAsync(s, d, CancellationToken.None), () => (control.CloseStatus, control.ClosedAbruptly));
                    if (!await CheckRouteBotIdAsync(context, name, botId, close).ConfigureAwait(false))
                    {
                        return;
                    }

                    attachment = _registry.Attach(control);
                    break;
            }
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

        BridgeMetrics.Connection(name, "accepted");
        BridgeLog.Connected(_logger, name, botId, remote, attachment.IsNewSession, attachment.ReplacedExisting);
        if (attachment.IsNewSession)
        {
            _runner.Start(attachment.Session);
        }

        try
        {
            await completion.WaitAsync(_stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            BridgeLog.ClosingForShutdown(_logger, name, botId);
            await close(WebSocketCloseStatus.EndpointUnavailable, "server stopping").ConfigureAwait(false);
        }

        var (status, abrupt) = outcome();
        BridgeLog.Disconnected(_logger, name, botId, status, abrupt);
    }

    private async Task<bool> CheckRouteBotIdAsync(HttpContext context, string name, string botId, Func<WebSocketCloseStatus, string, Task> close)
    {
        if (context.Request.RouteValues.TryGetValue(BridgeRoutes.BotIdParameter, out var value) && value is string routeBotId && !string.Equals(routeBotId, botId, StringComparison.Ordinal))
        {
            BridgeMetrics.Connection(name, "bot_id_mismatch");
            BridgeLog.BotIdMismatch(_logger, name, routeBotId, botId);
            await close(WebSocketCloseStatus.PolicyViolation, "bot_id does not match the URL").ConfigureAwait(false);
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

    private static string Name(BridgeChannel channel) => channel switch
    {
        BridgeChannel.Audio => "audio",
        BridgeChannel.Video => "video",
        _ => "control",
    };
}
