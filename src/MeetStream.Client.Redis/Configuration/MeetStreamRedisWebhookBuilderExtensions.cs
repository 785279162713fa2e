using MeetStream.Client.AspNetCore;
using MeetStream.Client.AspNetCore.Internal;
using MeetStream.Client.Redis.Configuration;
using MeetStream.Client.Redis.Deduplication;
using MeetStream.Client.Redis.Inbox;
using MeetStream.Client.Redis.StatusWaiters;
using MeetStream.Client.Webhooks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Puts the MeetStream webhook endpoint on Redis in one line:
/// <c>services.AddMeetStreamWebhooks(...).UseRedis("redis:6379")</c> shares deduplication between every replica, fans
/// bot status changes out to every replica's <c>BotStatusWaiter</c> and stores every delivery in the durable inbox
/// (a Redis Stream consumed by every replica) before answering 200. Each feature can be turned off in the options;
/// every option is validated at start-up. The application's one Redis connection is shared with the bridge's
/// <c>UseRedisSessions</c>.
/// </summary>
public static class MeetStreamRedisWebhookBuilderExtensions
{
    /// <summary>Uses Redis at <paramref name="connectionString"/> for the webhook endpoint's shared state and durable inbox.</summary>
    /// <param name="builder">The builder returned by <c>AddMeetStreamWebhooks</c>.</param>
    /// <param name="connectionString">A StackExchange.Redis configuration string, e.g. <c>redis:6379,password=…</c> (validated at start-up, never shown in errors).</param>
    /// <param name="configure">Optionally adjusts the other options, e.g. <c>redis =&gt; redis.Inbox.MaxDeliveryAttempts = 3</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static MeetStreamWebhookBuilder UseRedis(this MeetStreamWebhookBuilder builder, string connectionString, Action<MeetStreamRedisOptions>? configure = null) =>
        builder.UseRedis(options =>
        {
            options.ConnectionString = connectionString;
            configure?.Invoke(options);
        });

    /// <summary>
    /// Uses the application's own <see cref="IConnectionMultiplexer"/> for the webhook endpoint's shared state and
    /// durable inbox (and for <c>UseRedisSessions(configure)</c>). The application owns it: it is never disposed here.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddMeetStreamWebhooks</c>.</param>
    /// <param name="connection">Returns the multiplexer; called once, when the host starts.</param>
    /// <param name="configure">Optionally adjusts the other options (leave <see cref="MeetStreamRedisOptions.ConnectionString"/> unset).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="connection"/> is <see langword="null"/>.</exception>
    public static MeetStreamWebhookBuilder UseRedis(this MeetStreamWebhookBuilder builder, Func<IServiceProvider, IConnectionMultiplexer> connection, Action<MeetStreamRedisOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return builder.UseRedis(options =>
        {
            options.ConnectionFactory = connection;
            configure?.Invoke(options);
        });
    }

    /// <summary>Uses Redis for the webhook endpoint's shared state and durable inbox, with every option set in code.</summary>
    /// <param name="builder">The builder returned by <c>AddMeetStreamWebhooks</c>.</param>
    /// <param name="configure">Sets the options: at least <see cref="MeetStreamRedisOptions.ConnectionString"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><c>UseRedis</c> was already called on this application.</exception>
    public static MeetStreamWebhookBuilder UseRedis(this MeetStreamWebhookBuilder builder, Action<MeetStreamRedisOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        var sources = RedisConnectionSources.In(services);
        if (sources.Webhooks)
        {
            throw new InvalidOperationException("UseRedis was already called: the webhook endpoint has one Redis configuration (adjust it in one configure callback).");
        }

        sources.Webhooks = true;
        services.AddOptions<MeetStreamRedisOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MeetStreamRedisOptions>, MeetStreamRedisOptionsValidator>());

        AddDeduplication(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWebhookEventObserver, RedisStatusPublisher>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RedisStatusSubscriber>());
        AddInbox(services);
        return builder;
    }

    private static void AddDeduplication(IServiceCollection services)
    {
        services.RemoveAll<IWebhookDeduplicationStore>();
        services.AddSingleton<IWebhookDeduplicationStore>(sp =>
        {
            var connection = sp.GetRequiredService<RedisConnection>();
            var webhooks = sp.GetRequiredService<IOptions<MeetStreamWebhookOptions>>().Value;
            if (!connection.Options.EnableDeduplication)
            {
                return new InMemoryWebhookDeduplicationStore(webhooks.DeduplicationCapacity, webhooks.DeduplicationExpiry, webhooks.TimeProvider);
            }

            return new RedisWebhookDeduplicationStore(connection, connection.Options.DeduplicationExpiry ?? webhooks.DeduplicationExpiry);
        });
    }

    // The durable inbox replaces the in-memory queue and dispatcher unless EnableInbox is off. Whether it is on is an
    // option (known only once the host builds its services), so the registrations decide when they are resolved.
    private static void AddInbox(IServiceCollection services)
    {
        services.TryAddSingleton<IOptions<RedisWebhookInboxOptions>>(sp => Microsoft.Extensions.Options.Options.Create(sp.GetRequiredService<IOptions<MeetStreamRedisOptions>>().Value.Inbox));
        services.TryAddSingleton<RedisInboxSignal>();
        services.TryAddSingleton<RedisWebhookInbox>();
        services.TryAddSingleton(sp => new RedisWebhookDeadLetters(sp.GetRequiredService<RedisConnection>(), sp.GetRequiredService<IOptions<RedisWebhookInboxOptions>>()));
        services.TryAddScoped<RedisWebhookDelivery>();

        services.RemoveAll<IWebhookInbox>();
        services.AddSingleton<IWebhookInbox>(sp => InboxEnabled(sp) ? sp.GetRequiredService<RedisWebhookInbox>() : sp.GetRequiredService<WebhookEventQueue>());

        // The Redis consumer replaces the in-memory dispatcher (whose queue nothing writes to any more).
        for (var i = services.Count - 1; i >= 0; i--)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType == typeof(IHostedService) && descriptor.ImplementationType == typeof(WebhookDispatcher))
            {
                services[i] = ServiceDescriptor.Singleton<IHostedService>(sp => InboxEnabled(sp)
                    ? new DisabledHostedService()
                    : ActivatorUtilities.CreateInstance<WebhookDispatcher>(sp));
            }
        }

        services.Add(ServiceDescriptor.Singleton<IHostedService>(sp => InboxEnabled(sp)
            ? ActivatorUtilities.CreateInstance<RedisWebhookConsumer>(sp)
            : new DisabledHostedService()));
    }

    private static bool InboxEnabled(IServiceProvider services) => services.GetRequiredService<IOptions<MeetStreamRedisOptions>>().Value.EnableInbox;

    /// <summary>Stands in for a hosted service a disabled feature does not run.</summary>
    private sealed class DisabledHostedService : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
