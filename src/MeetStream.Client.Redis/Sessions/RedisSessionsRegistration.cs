using MeetStream.Client.AspNetCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetStream.Client.Redis.Sessions;

/// <summary>
/// What <c>UseRedisSessions</c> registered: the application's service collection and the handler registration that
/// wraps the application's handler with the directory, so the start-up validation can tell when a later
/// <c>AddHandler</c> replaced it (which would silently leave every bot out of the directory).
/// </summary>
internal sealed class RedisSessionsRegistration(IServiceCollection services, ServiceDescriptor wrapper)
{
    /// <summary>Gets a value indicating whether the directory wrapper is still the bridge's bot handler.</summary>
    public bool WrapperIsHandler => ReferenceEquals(services.LastOrDefault(d => d.ServiceType == typeof(IMeetStreamBotHandler)), wrapper);
}
