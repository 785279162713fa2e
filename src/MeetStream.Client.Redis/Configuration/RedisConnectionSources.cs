using Microsoft.Extensions.DependencyInjection;

namespace MeetStream.Client.Redis.Configuration;

/// <summary>
/// What named the application's one Redis connection, recorded while services are registered: <c>UseRedis</c> on the
/// webhook side (its options hold the connection string or the multiplexer factory) and/or a connection string given
/// to <c>UseRedisSessions</c>. <see cref="RedisConnection.Create"/> and the start-up validators read it.
/// </summary>
internal sealed class RedisConnectionSources
{
    /// <summary>Gets or sets a value indicating whether <c>UseRedis</c> was called on the webhook builder.</summary>
    public bool Webhooks { get; set; }

    /// <summary>Gets or sets the connection string given to <c>UseRedisSessions</c>, if any (never shown anywhere).</summary>
    public string? SessionsConnectionString { get; set; }

    /// <summary>Returns the collection's record, adding it on first use.</summary>
    /// <param name="services">The application's services.</param>
    /// <returns>The record.</returns>
    public static RedisConnectionSources In(IServiceCollection services)
    {
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(RedisConnectionSources) && !descriptor.IsKeyedService && descriptor.ImplementationInstance is RedisConnectionSources existing)
            {
                return existing;
            }
        }

        var sources = new RedisConnectionSources();
        services.AddSingleton(sources);
        services.AddSingleton(RedisConnection.Create);
        services.Add(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, RedisConnectionStarter>());
        return sources;
    }

    /// <summary>Describes the record without the connection string.</summary>
    /// <returns>A description safe for logs.</returns>
    public override string ToString() =>
        $"RedisConnectionSources {{ Webhooks = {Webhooks}, SessionsConnectionString = {(SessionsConnectionString is null ? "(not set)" : "(set, hidden)")} }}";
}
