using MeetStream.Client;
using MeetStream.Client.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers <see cref="IMeetStreamClient"/>, <see cref="MeetStreamClient"/> and each sub-client interface as
/// singletons over a named, pooled <see cref="HttpClient"/> with the SDK's resilience handler. Options are validated
/// at start-up.
/// </summary>
public static class MeetStreamServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> registered for MeetStream.</summary>
    public const string HttpClientName = "MeetStream.Client";

    /// <summary>Registers the client with settings from a configuration section (keys as in <see cref="MeetStreamClientOptions"/>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">A section such as <c>configuration.GetSection("MeetStream")</c>.</param>
    /// <returns>The HTTP client builder, to add your own handlers.</returns>
    public static IHttpClientBuilder AddMeetStreamClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddMeetStreamClient(options => MeetStreamOptionsBinder.Bind(configuration, options));
    }

    /// <summary>Registers the client with settings from code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The HTTP client builder, to add your own handlers.</returns>
    public static IHttpClientBuilder AddMeetStreamClient(this IServiceCollection services, Action<MeetStreamClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<MeetStreamClientOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MeetStreamClientOptions>, MeetStreamClientOptionsValidator>());

        var builder = services
            .AddHttpClient(HttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false }) // never follow redirects
            .AddHttpMessageHandler(sp => new MeetStreamResilienceHandler(
                sp.GetRequiredService<IOptions<MeetStreamClientOptions>>().Value.Freeze(),
                sp.GetService<ILoggerFactory>()?.CreateLogger<MeetStreamResilienceHandler>()));

        services.TryAddSingleton(sp =>
        {
            var factory = sp.GetRequiredService<IHttpClientFactory>();
            var options = sp.GetRequiredService<IOptions<MeetStreamClientOptions>>().Value.Freeze();
            var loggerFactory = sp.GetService<ILoggerFactory>() ?? Logging.Abstractions.NullLoggerFactory.Instance;
            return new MeetStreamClient(() => factory.CreateClient(HttpClientName), options, loggerFactory);
        });
        services.TryAddSingleton<IMeetStreamClient>(sp => sp.GetRequiredService<MeetStreamClient>());
        services.TryAddSingleton(sp => sp.GetRequiredService<IMeetStreamClient>().Bots);
        services.TryAddSingleton(sp => sp.GetRequiredService<IMeetStreamClient>().Transcripts);
        services.TryAddSingleton(sp => sp.GetRequiredService<IMeetStreamClient>().Calendar);
        services.TryAddSingleton(sp => sp.GetRequiredService<IMeetStreamClient>().Agents);
        services.TryAddSingleton(sp => sp.GetRequiredService<IMeetStreamClient>().Storage);
        services.TryAddSingleton(sp => sp.GetRequiredService<IMeetStreamClient>().GoogleLogins);
        services.TryAddSingleton(sp => sp.GetRequiredService<IMeetStreamClient>().TeamsLogins);
        return builder;
    }
}
