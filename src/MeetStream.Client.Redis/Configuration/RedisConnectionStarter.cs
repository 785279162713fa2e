using Microsoft.Extensions.Hosting;

namespace MeetStream.Client.Redis.Configuration;

/// <summary>
/// Starts connecting the application's one <see cref="RedisConnection"/> when the host starts, without waiting for
/// it: the host starts while Redis is down, and the first delivery finds the connection already under way.
/// </summary>
internal sealed class RedisConnectionStarter(RedisConnection connection) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        connection.StartConnecting();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
