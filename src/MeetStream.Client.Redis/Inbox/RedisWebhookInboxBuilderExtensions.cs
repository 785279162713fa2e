using MeetStream.Client.AspNetCore;
using MeetStream.Client.AspNetCore.Internal;
using MeetStream.Client.Redis.Inbox;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Replaces the in-memory webhook queue with the durable inbox on a Redis Stream:
/// <c>services.AddMeetStreamWebhooks(...).UseRedisInbox("localhost:6379")</c>. Every replica appends verified
/// deliveries before answering 200 (503 when Redis cannot store them) and consumes them through one consumer group.
/// </summary>
public static class RedisWebhookInboxBuilderExtensions
{
    /// <summary>Uses a durable Redis Stream inbox, connecting with a StackExchange.Redis configuration string.</summary>
    /// <param name="builder">The webhook builder.</param>
    /// <param name="configuration">A StackExchange.Redis configuration string, e.g. <c>redis:6379,password=…</c>.</param>
    /// <param name="configure">Optionally adjusts the inbox options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="configuration"/> is empty.</exception>
    public static MeetStreamWebhookBuilder UseRedisInbox(this MeetStreamWebhookBuilder builder, string configuration, Action<RedisWebhookInboxOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        return Register(builder, _ => RedisInboxConnection.FromConfiguration(configuration), configure);
    }

    /// <summary>Uses a durable Redis Stream inbox over a connection the application owns (e.g. a shared multiplexer).</summary>
    /// <param name="builder">The webhook builder.</param>
    /// <param name="connection">Returns the connection; called once, on first use.</param>
    /// <param name="configure">Optionally adjusts the inbox options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="connection"/> is <see langword="null"/>.</exception>
    public static MeetStreamWebhookBuilder UseRedisInbox(this MeetStreamWebhookBuilder builder, Func<IServiceProvider, IConnectionMultiplexer> connection, Action<RedisWebhookInboxOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(connection);
        return Register(builder, sp => new RedisInboxConnection(() => Task.FromResult(connection(sp)), owned: false), configure);
    }

    private static MeetStreamWebhookBuilder Register(MeetStreamWebhookBuilder builder, Func<IServiceProvider, RedisInboxConnection> connection, Action<RedisWebhookInboxOptions>? configure)
    {
        var services = builder.Services;
        var options = services.AddOptions<RedisWebhookInboxOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisWebhookInboxOptions>, RedisWebhookInboxOptionsValidator>());
        services.RemoveAll<RedisInboxConnection>();
        services.AddSingleton(connection);
        services.TryAddSingleton<RedisInboxSignal>();
        services.RemoveAll<IWebhookInbox>();
        services.AddSingleton<IWebhookInbox, RedisWebhookInbox>();
        services.TryAddSingleton(sp => new RedisWebhookDeadLetters(sp.GetRequiredService<RedisInboxConnection>(), sp.GetRequiredService<IOptions<RedisWebhookInboxOptions>>()));
        services.TryAddScoped<RedisWebhookDelivery>();

        // The Redis consumer replaces the in-memory dispatcher (whose queue nothing writes to any more).
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(IHostedService) && services[i].ImplementationType == typeof(WebhookDispatcher))
            {
                services.RemoveAt(i);
            }
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RedisWebhookConsumer>());
        return builder;
    }
}
