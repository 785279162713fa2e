using MeetStream.Client.AspNetCore;
using MeetStream.Client.AspNetCore.Internal;
using MeetStream.Client.Realtime;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the MeetStream WebSocket bridge: the access-token check, the <see cref="BotSessionRegistry"/> (inject it
/// to look sessions up), the WebSocket middleware and the runner that calls your <see cref="IMeetStreamBotHandler"/>
/// once per bot. Map the sockets with <c>app.MapMeetStreamBridge("/bridge")</c>. Options are validated at start-up.
/// </summary>
public static class MeetStreamBridgeServiceCollectionExtensions
{
    /// <summary>Registers the bridge with settings from code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options: at least one access token (or <c>AllowAnonymous</c> for local development).</param>
    /// <returns>A builder to choose the bot handler.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static MeetStreamBridgeBuilder AddMeetStreamBridge(this IServiceCollection services, Action<MeetStreamBridgeOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<MeetStreamBridgeOptions>()
            .Configure(configure)
            .PostConfigure<ILoggerFactory>((options, loggers) =>
            {
                var logger = loggers.CreateLogger("MeetStream.Client.Realtime");

                // The bridge logs each failed handshake itself (once, with the remote address, rate-limited).
                options.Audio.Logger = BridgeRealtimeLogger.Wrap(options.Audio.Logger ?? logger);
                options.Control.Logger = BridgeRealtimeLogger.Wrap(options.Control.Logger ?? logger);
                options.Video.Logger = BridgeRealtimeLogger.Wrap(options.Video.Logger ?? logger);
                options.Sessions.Logger ??= logger;
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MeetStreamBridgeOptions>, MeetStreamBridgeOptionsValidator>());
        services.TryAddSingleton(sp => new BotSessionRegistry(sp.GetRequiredService<IOptions<MeetStreamBridgeOptions>>().Value.Sessions));
        services.TryAddSingleton<BridgeSessionRunner>();
        services.TryAddSingleton<BridgeEndpoint>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, BridgeWebSocketsStartupFilter>());
        return new MeetStreamBridgeBuilder(services);
    }

    /// <summary>
    /// Registers the bridge with settings from configuration: <c>AccessTokens</c> (list) or <c>AccessToken</c>,
    /// <c>AllowAnonymous</c>, <c>PublicBaseUrl</c>, <c>EnableVideo</c>, <c>KeepAliveInterval</c> and <c>KeepAliveTimeout</c>
    /// (<c>hh:mm:ss</c> or seconds), <c>MaxMessageBytes</c> (audio and control), <c>MaxVideoMessageBytes</c>,
    /// <c>AudioIdleTimeout</c>, <c>ControlIdleTimeout</c>, <c>VideoIdleTimeout</c>, <c>MessageTimeout</c> (audio and
    /// control), <c>VideoMessageTimeout</c> (durations; <c>0</c> or <c>Infinite</c> turns one off).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">A section such as <c>configuration.GetSection("MeetStream:Bridge")</c>.</param>
    /// <param name="configure">Optionally adjusts the options after configuration is read.</param>
    /// <returns>A builder to choose the bot handler.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static MeetStreamBridgeBuilder AddMeetStreamBridge(this IServiceCollection services, IConfiguration configuration, Action<MeetStreamBridgeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddMeetStreamBridge(options =>
        {
            MeetStreamBridgeOptionsBinder.Bind(configuration, options);
            configure?.Invoke(options);
        });
    }
}
