using MeetStream.Client.AspNetCore;
using MeetStream.Client.Realtime;
using MeetStream.Client.Redis;
using MeetStream.Client.Redis.Configuration;
using MeetStream.Client.Redis.Sessions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Makes the MeetStream bridge's live sessions reachable from every replica through Redis: a directory of which
/// replica holds which bot (entries expire when a replica dies) and <see cref="RedisBotCommands"/> to speak,
/// interrupt or chat through a bot whose session lives on another replica. Shares the application's one Redis
/// connection with the webhook side's <c>UseRedis</c>.
/// </summary>
public static class RedisBotSessionsBridgeBuilderExtensions
{
    /// <summary>
    /// Shares the bridge's live sessions through Redis at <paramref name="connectionString"/>. Call it after
    /// <c>AddHandler</c>: it wraps your handler so each new session is listed in the directory first (a handler
    /// registered afterwards fails the start-up). Inject <see cref="RedisBotCommands"/> to send commands. When the
    /// webhook side also uses Redis, prefer <see cref="UseRedisSessions(MeetStreamBridgeBuilder, Action{RedisBotSessionOptions}?)"/>:
    /// the application has one Redis connection, and two different connection strings fail the start-up.
    /// </summary>
    /// <example>
    /// <code>
    /// builder.Services.AddMeetStreamBridge(builder.Configuration.GetSection("MeetStream:Bridge"))
    ///     .AddHandler&lt;MyBot&gt;()
    ///     .UseRedisSessions("redis:6379", o => o.ReplicaId = Environment.GetEnvironmentVariable("POD_NAME")!);
    /// </code>
    /// </example>
    /// <param name="builder">The builder returned by <c>AddMeetStreamBridge</c>.</param>
    /// <param name="connectionString">A StackExchange.Redis configuration string, e.g. <c>localhost:6379</c>.</param>
    /// <param name="configure">Optionally sets the replica id, expiry, heartbeat and command timeout.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is blank or not a valid configuration string.</exception>
    /// <exception cref="InvalidOperationException">No handler was registered yet (call <c>AddHandler</c> first), or this was called twice.</exception>
    public static MeetStreamBridgeBuilder UseRedisSessions(this MeetStreamBridgeBuilder builder, string connectionString, Action<RedisBotSessionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ConfigurationOptions configuration;
        try
        {
            configuration = ConfigurationOptions.Parse(connectionString);
        }
        catch (ArgumentException ex)
        {
            // The configuration string may hold a password: its text stays out of the message.
            throw new ArgumentException("The Redis connection string is not a valid StackExchange.Redis configuration string (e.g. 'localhost:6379,password=...').", nameof(connectionString), ex);
        }

        if (configuration.EndPoints.Count == 0)
        {
            throw new ArgumentException("The Redis connection string names no server (e.g. 'localhost:6379').", nameof(connectionString));
        }

        Register(builder, configure);
        RedisConnectionSources.In(builder.Services).SessionsConnectionString = connectionString;
        return builder;
    }

    /// <summary>
    /// Shares the bridge's live sessions through the application's one Redis connection, the one configured by
    /// <c>AddMeetStreamWebhooks(...).UseRedis(...)</c> (which must be called too: the start-up fails, saying so,
    /// when it is not). Call it after <c>AddHandler</c>. Inject <see cref="RedisBotCommands"/> to send commands.
    /// </summary>
    /// <example>
    /// <code>
    /// builder.Services.AddMeetStreamWebhooks(...).UseRedis(builder.Configuration.GetConnectionString("Redis")!);
    /// builder.Services.AddMeetStreamBridge(...).AddHandler&lt;MyBot&gt;().UseRedisSessions(o => o.ReplicaId = podName);
    /// </code>
    /// </example>
    /// <param name="builder">The builder returned by <c>AddMeetStreamBridge</c>.</param>
    /// <param name="configure">Optionally sets the replica id, expiry, heartbeat and command timeout.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">No handler was registered yet (call <c>AddHandler</c> first), or this was called twice.</exception>
    public static MeetStreamBridgeBuilder UseRedisSessions(this MeetStreamBridgeBuilder builder, Action<RedisBotSessionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        Register(builder, configure);
        RedisConnectionSources.In(builder.Services);
        return builder;
    }

    private static void Register(MeetStreamBridgeBuilder builder, Action<RedisBotSessionOptions>? configure)
    {
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(RedisBotCommands)))
        {
            throw new InvalidOperationException("UseRedisSessions was already called on this bridge.");
        }

        var handler = services.LastOrDefault(d => d.ServiceType == typeof(IMeetStreamBotHandler))
            ?? throw new InvalidOperationException("The MeetStream bridge has no bot handler yet: call .AddHandler(...) before .UseRedisSessions(...).");
        services.Remove(handler);
        var wrapper = ServiceDescriptor.Describe(
            typeof(IMeetStreamBotHandler),
            sp => new DirectoryBotHandler(CreateInner(handler, sp), sp.GetRequiredService<RedisBotDirectory>()),
            handler.Lifetime);
        services.Add(wrapper);

        // AddHandler replaces every handler registration, so one called later would drop the wrapper (and the directory)
        // silently: the start-up validation checks the wrapper is still the handler.
        services.AddSingleton(new RedisSessionsRegistration(services, wrapper));

        var options = services.AddOptions<RedisBotSessionOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisBotSessionOptions>, RedisBotSessionOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new RedisBotDirectory(
            sp.GetRequiredService<RedisConnection>(),
            sp.GetRequiredService<IOptions<RedisBotSessionOptions>>().Value,
            Logger(sp)));
        services.AddSingleton(sp => new RedisBotCommands(
            sp.GetRequiredService<BotSessionRegistry>(),
            sp.GetRequiredService<RedisConnection>(),
            sp.GetRequiredService<IOptions<RedisBotSessionOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IHostedService>(sp => new RedisBotSessionService(
            sp.GetRequiredService<BotSessionRegistry>(),
            sp.GetRequiredService<RedisConnection>(),
            sp.GetRequiredService<RedisBotDirectory>(),
            sp.GetRequiredService<RedisBotCommands>(),
            sp.GetRequiredService<IOptions<RedisBotSessionOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            Logger(sp)));
    }

    private static ILogger Logger(IServiceProvider services) =>
        services.GetService<ILoggerFactory>()?.CreateLogger("MeetStream.Client.Redis.Sessions") ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    private static IMeetStreamBotHandler CreateInner(ServiceDescriptor descriptor, IServiceProvider services)
    {
        if (descriptor.ImplementationInstance is IMeetStreamBotHandler instance)
        {
            return instance;
        }

        if (descriptor.ImplementationFactory is { } factory)
        {
            return (IMeetStreamBotHandler)factory(services);
        }

        return (IMeetStreamBotHandler)ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!);
    }
}
