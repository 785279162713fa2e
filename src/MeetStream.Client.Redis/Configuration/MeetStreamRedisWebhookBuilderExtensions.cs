using MeetStream.Client.AspNetCore;
using MeetStream.Client.Redis.Configuration;
using MeetStream.Client.Redis.Deduplication;
using MeetStream.Client.Redis.StatusWaiters;
using MeetStream.Client.Webhooks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Puts the MeetStream webhook endpoint on Redis in one line:
/// <c>services.AddMeetStreamWebhooks(...).UseRedis("redis:6379")</c> shares deduplication between every replica and
/// fans bot status changes out to every replica's <c>BotStatusWaiter</c>. Options are validated at start-up.
/// </summary>
public static class MeetStreamRedisWebhookBuilderExtensions
{
    /// <summary>Uses Redis at <paramref name="connectionString"/> for the webhook endpoint's shared state.</summary>
    /// <param name="builder">The builder returned by <c>AddMeetStreamWebhooks</c>.</param>
    /// <param name="connectionString">A StackExchange.Redis configuration string, e.g. <c>redis:6379,password=…</c>.</param>
    /// <param name="configure">Optionally adjusts the other options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static MeetStreamWebhookBuilder UseRedis(this MeetStreamWebhookBuilder builder, string connectionString, Action<MeetStreamRedisOptions>? configure = null) =>
        builder.UseRedis(options =>
        {
            options.ConnectionString = connectionString;
            configure?.Invoke(options);
        });

    /// <summary>Uses Redis for the webhook endpoint's shared state, with every option set in code.</summary>
    /// <param name="builder">The builder returned by <c>AddMeetStreamWebhooks</c>.</param>
    /// <param name="configure">Sets the options: at least <see cref="MeetStreamRedisOptions.ConnectionString"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static MeetStreamWebhookBuilder UseRedis(this MeetStreamWebhookBuilder builder, Action<MeetStreamRedisOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.AddOptions<MeetStreamRedisOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MeetStreamRedisOptions>, MeetStreamRedisOptionsValidator>());
        services.TryAddSingleton<RedisConnection>();

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

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWebhookEventObserver, RedisStatusPublisher>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RedisStatusSubscriber>());
        return builder;
    }
}
