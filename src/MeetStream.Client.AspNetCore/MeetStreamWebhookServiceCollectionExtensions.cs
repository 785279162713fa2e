using MeetStream.Client;
using MeetStream.Client.AspNetCore;
using MeetStream.Client.AspNetCore.Internal;
using MeetStream.Client.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the MeetStream webhook endpoint's services: the <see cref="WebhookValidator"/> (inject it to build
/// callback URLs), the deduplication store, the bounded queue and the background dispatcher. Map the endpoint with
/// <c>app.MapMeetStreamWebhooks()</c>. Options are validated at start-up.
/// </summary>
public static class MeetStreamWebhookServiceCollectionExtensions
{
    /// <summary>Registers the webhook services with settings from code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options: at least a signing secret, a callback token secret, or the unsigned opt-in.</param>
    /// <returns>A builder to register handlers.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static MeetStreamWebhookBuilder AddMeetStreamWebhooks(this IServiceCollection services, Action<MeetStreamWebhookOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<MeetStreamWebhookOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MeetStreamWebhookOptions>, MeetStreamWebhookOptionsValidator>());
        services.TryAddSingleton(sp => new WebhookValidator(sp.GetRequiredService<IOptions<MeetStreamWebhookOptions>>().Value));
        services.TryAddSingleton<IWebhookDeduplicationStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MeetStreamWebhookOptions>>().Value;
            return new InMemoryWebhookDeduplicationStore(options.DeduplicationCapacity, options.DeduplicationExpiry, options.TimeProvider);
        });
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MeetStreamWebhookOptions>>().Value;
            return new WebhookEventQueue(options.QueueCapacity, options.TimeProvider);
        });
        services.TryAddSingleton<IWebhookInbox>(sp => sp.GetRequiredService<WebhookEventQueue>());
        services.TryAddSingleton(sp => new BotStatusWaiter(
            sp.GetService<IBotsClient>() ?? throw new InvalidOperationException("BotStatusWaiter polls GET /bots/{bot_id}/status through IBotsClient: also call services.AddMeetStreamClient(...)."),
            new BotStatusWaiterOptions { TimeProvider = sp.GetRequiredService<IOptions<MeetStreamWebhookOptions>>().Value.TimeProvider ?? TimeProvider.System }));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWebhookEventObserver, BotStatusWaiterObserver>());
        services.TryAddSingleton<WebhookHandlerInvoker>();
        services.TryAddSingleton<WebhookEndpoint>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, WebhookDispatcher>());
        return new MeetStreamWebhookBuilder(services);
    }

    /// <summary>
    /// Registers the webhook services with settings from configuration: <c>SigningSecrets</c> (list) or
    /// <c>SigningSecret</c>, <c>CallbackTokenSecrets</c> or <c>CallbackTokenSecret</c>, <c>AllowUnsignedDeliveries</c>,
    /// <c>TimestampTolerance</c> (<c>hh:mm:ss</c>, seconds, or <c>off</c>), <c>RequireTimestamp</c>, <c>MaxBodyBytes</c>,
    /// <c>QueueCapacity</c>, <c>EnqueueTimeout</c>, <c>EnableDeduplication</c>, <c>DeduplicationCapacity</c>, <c>DeduplicationExpiry</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">A section such as <c>configuration.GetSection("MeetStream:Webhooks")</c>.</param>
    /// <param name="configure">Optionally adjusts the options after configuration is read.</param>
    /// <returns>A builder to register handlers.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static MeetStreamWebhookBuilder AddMeetStreamWebhooks(this IServiceCollection services, IConfiguration configuration, Action<MeetStreamWebhookOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddMeetStreamWebhooks(options =>
        {
            MeetStreamWebhookOptionsBinder.Bind(configuration, options);
            configure?.Invoke(options);
        });
    }
}
