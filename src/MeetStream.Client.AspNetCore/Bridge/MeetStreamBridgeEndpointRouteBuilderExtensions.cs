using MeetStream.Client.AspNetCore;
using MeetStream.Client.AspNetCore.Internal;
using MeetStream.Client.Realtime;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Maps the MeetStream WebSocket bridge, the server side of the sockets MeetStream's bot dials: control at
/// <c>{pattern}</c>, live audio at <c>{pattern}/audio</c>, live video at <c>{pattern}/video</c>, and the same with the
/// bot id before the last segment (<c>/{botId}/bridge</c>, spec §4.6).
/// </summary>
public static class MeetStreamBridgeEndpointRouteBuilderExtensions
{
    /// <summary>The default route: <c>/bridge</c>.</summary>
    public const string DefaultPattern = "/bridge";

    /// <summary>
    /// Maps the bridge's sockets. Each request is checked before the WebSocket is accepted: 401 without the
    /// <c>token</c> query parameter, 403 with a wrong one, 400 for a request that is not a WebSocket upgrade. An
    /// accepted socket becomes an audio, control or video session attached to the <c>BotSessionRegistry</c>; your
    /// <see cref="IMeetStreamBotHandler"/> runs once per new bot session. A socket whose <c>ready</c> bot id differs
    /// from the bot id in its URL is closed with 1008; a message over the size limit closes it with 1009.
    /// </summary>
    /// <param name="endpoints">The route builder (the <c>WebApplication</c>).</param>
    /// <param name="pattern">The control route, e.g. <c>/bridge</c>; a literal path without parameters.</param>
    /// <returns>The convention builder of every bridge route (add host filters, rate limits, ...).</returns>
    /// <exception cref="ArgumentException"><paramref name="pattern"/> is empty, <c>/</c>, or has route parameters.</exception>
    /// <exception cref="InvalidOperationException"><c>AddMeetStreamBridge</c> was not called, or no handler was registered.</exception>
    public static IEndpointConventionBuilder MapMeetStreamBridge(this IEndpointRouteBuilder endpoints, string pattern = DefaultPattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        if (pattern.Trim().Trim('/').Length == 0 || pattern.Contains('{', StringComparison.Ordinal) || pattern.Contains('?', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The bridge pattern must be a literal path such as '/bridge' (no parameters, not '/'); got '{pattern}'.", nameof(pattern));
        }

        var services = endpoints.ServiceProvider;
        if (services.GetService<IServiceProviderIsService>() is { } registered)
        {
            if (!registered.IsService(typeof(BridgeEndpoint)))
            {
                throw new InvalidOperationException("Call services.AddMeetStreamBridge(...) before app.MapMeetStreamBridge(...).");
            }

            if (!registered.IsService(typeof(IMeetStreamBotHandler)))
            {
                throw new InvalidOperationException("The MeetStream bridge has no bot handler: call .AddHandler<THandler>() or .AddHandler((session, cancellationToken) => ...) on the builder returned by services.AddMeetStreamBridge(...).");
            }
        }

        // Resolved on first use, so options are validated at start-up as usual rather than while mapping.
        BridgeEndpoint? endpoint = null;
        BridgeEndpoint Endpoint() => endpoint ??= services.GetRequiredService<BridgeEndpoint>();
        var enableVideo = services.GetService<IOptions<MeetStreamBridgeOptions>>()?.Value.EnableVideo ?? true;
        var group = endpoints.MapGroup(string.Empty);
        foreach (var route in new[] { BridgeRoutes.WithBotId(pattern, null), BridgeRoutes.WithBotId(pattern, "{" + BridgeRoutes.BotIdParameter + "}") })
        {
            group.Map(route, context => Endpoint().HandleAsync(context, RealtimeChannelKind.Control)).WithDisplayName("MeetStream bridge (control) " + route);
            group.Map(route + BridgeRoutes.AudioSuffix, context => Endpoint().HandleAsync(context, RealtimeChannelKind.Audio)).WithDisplayName("MeetStream bridge (audio) " + route);
            if (enableVideo)
            {
                group.Map(route + BridgeRoutes.VideoSuffix, context => Endpoint().HandleAsync(context, RealtimeChannelKind.Video)).WithDisplayName("MeetStream bridge (video) " + route);
            }
        }

        return group;
    }
}
