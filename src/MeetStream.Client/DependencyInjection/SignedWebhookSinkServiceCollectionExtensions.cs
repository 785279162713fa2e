using MeetStream.Client.Outbound;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers <see cref="SignedWebhookSink"/>s as singletons: the default one (resolve <see cref="SignedWebhookSink"/>)
/// and named ones (resolve with <c>GetRequiredKeyedService&lt;SignedWebhookSink&gt;(name)</c> or
/// <c>[FromKeyedServices(name)]</c>). Each sends through its own named <see cref="HttpClient"/>
/// (<c>MeetStream.Outbound.{name}</c>) that does not follow redirects; options are validated at start-up; the container
/// drains the sink when it is disposed (host shutdown).
/// </summary>
public static class SignedWebhookSinkServiceCollectionExtensions
{
    /// <summary>The prefix of the name of each sink's <see cref="HttpClient"/>, followed by the sink's name (empty for the default sink).</summary>
    public const string HttpClientNamePrefix = "MeetStream.Outbound.";

    /// <summary>Registers the default sink (resolve <see cref="SignedWebhookSink"/>; also keyed by <c>""</c>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; at least <see cref="SignedWebhookSinkOptions.Endpoint"/>.</param>
    /// <returns>The builder of the sink's HTTP client, to add handlers.</returns>
    public static IHttpClientBuilder AddSignedWebhookSink(this IServiceCollection services, Action<SignedWebhookSinkOptions> configure) =>
        services.AddSignedWebhookSink(Options.Options.DefaultName, configure);

    /// <summary>Registers a named sink, resolved as a keyed service with <paramref name="name"/> as key.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The sink's name (also its <see cref="SignedWebhookSinkOptions.Name"/> in logs and metrics); <c>""</c> is the default sink.</param>
    /// <param name="configure">Sets the options; at least <see cref="SignedWebhookSinkOptions.Endpoint"/>.</param>
    /// <returns>The builder of the sink's HTTP client, to add handlers.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddSignedWebhookSink(this IServiceCollection services, string name, Action<SignedWebhookSinkOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<SignedWebhookSinkOptions>(name)
            .Configure(o => o.Name = name.Length == 0 ? "default" : name)
            .Configure(configure)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SignedWebhookSinkOptions>, SignedWebhookSinkOptionsValidator>());

        var clientName = HttpClientNamePrefix + name;
        var builder = services.AddHttpClient(clientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan) // each attempt is bounded by the sink's Timeout
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        services.TryAddKeyedSingleton(name, (sp, _) => new SignedWebhookSink(
            sp.GetRequiredService<IOptionsMonitor<SignedWebhookSinkOptions>>().Get(name),
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(clientName),
            sp.GetService<ILoggerFactory>()?.CreateLogger(typeof(SignedWebhookSink).FullName!)));
        if (name.Length == 0)
        {
            services.TryAddSingleton(sp => sp.GetRequiredKeyedService<SignedWebhookSink>(string.Empty));
        }

        return builder;
    }
}
