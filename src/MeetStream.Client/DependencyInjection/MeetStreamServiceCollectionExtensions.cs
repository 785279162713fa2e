using MeetStream.Client;
using MeetStream.Client.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers <see cref="IMeetStreamClient"/>, <see cref="MeetStreamClient"/> and each sub-client interface as
/// singletons over a named, pooled <see cref="HttpClient"/>: the SDK's resilience handler (Microsoft.Extensions.Http.Resilience,
/// <c>AddResilienceHandler</c>) over a <see cref="SocketsHttpHandler"/> that does not follow redirects. Options are
/// validated at start-up.
/// </summary>
public static class MeetStreamServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> registered for MeetStream.</summary>
    public const string HttpClientName = "MeetStream.Client";

    /// <summary>The pipeline name the SDK's resilience handler is added under (<c>AddResilienceHandler</c>).</summary>
    public const string ResilienceHandlerName = "MeetStream";

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

        services.AddOptions<MeetStreamResilienceOptions>(HttpClientName)
            .Configure<IOptions<MeetStreamClientOptions>, ILoggerFactory>((resilience, client, loggers) =>
                MeetStreamResiliencePipeline.ApplyDefaults(resilience, client.Value.Freeze(), loggers.CreateLogger<MeetStreamResilienceHandler>()));

        var builder = services
            .AddHttpClient(HttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(MeetStreamResiliencePipeline.CreatePrimaryHandler)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan); // PooledConnectionLifetime already recycles connections
        builder.AddResilienceHandler(ResilienceHandlerName, (pipeline, context) =>
        {
            var sp = context.ServiceProvider;
            var resilience = sp.GetRequiredService<IOptionsMonitor<MeetStreamResilienceOptions>>().Get(builder.Name); // options are named after the HttpClient; context.BuilderName is the pipeline's
            pipeline.TimeProvider = sp.GetRequiredService<IOptions<MeetStreamClientOptions>>().Value.TimeProvider ?? TimeProvider.System;

            // The SDK logs one line per retry and counts meetstream.client.request.retries itself; Polly's own
            // per-call telemetry would add log lines and allocations to every call.
            pipeline.TelemetryListener = null;
            MeetStreamResiliencePipeline.AddStrategies(pipeline, resilience);
        });

        services.TryAddSingleton(sp =>
        {
            var factory = sp.GetRequiredService<IHttpClientFactory>();
            var options = sp.GetRequiredService<IOptions<MeetStreamClientOptions>>().Value.Freeze();
            var loggerFactory = sp.GetService<ILoggerFactory>() ?? Logging.Abstractions.NullLoggerFactory.Instance;
            return new MeetStreamClient(options, loggerFactory, factory.CreateClient(HttpClientName));
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

    /// <summary>
    /// Adjusts the SDK's resilience pipeline (total timeout, retry, attempt timeout) of the client registered by
    /// <c>AddMeetStreamClient</c>. <paramref name="configure"/> runs after the SDK filled the strategies from
    /// <see cref="MeetStreamClientOptions"/>, and after any configuration binding registered before it.
    /// </summary>
    /// <param name="builder">The builder <c>AddMeetStreamClient</c> returned.</param>
    /// <param name="configure">Changes the strategies, for example <c>o =&gt; o.Retry!.MaxRetryAttempts = 5</c>.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <example>
    /// <code>
    /// services.AddMeetStreamClient(configuration.GetSection("MeetStream"))
    ///     .ConfigureMeetStreamResilience(o =&gt;
    ///     {
    ///         o.AttemptTimeout!.Timeout = TimeSpan.FromSeconds(10);
    ///         var log = o.Retry!.OnRetry;
    ///         o.Retry.OnRetry = async args =&gt; { await log!(args); Console.WriteLine("retrying"); };
    ///     });
    /// </code>
    /// </example>
    public static IHttpClientBuilder ConfigureMeetStreamResilience(this IHttpClientBuilder builder, Action<MeetStreamResilienceOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(builder.Name, configure);
        return builder;
    }
}
