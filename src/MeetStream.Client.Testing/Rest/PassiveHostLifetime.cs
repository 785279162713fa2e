using Microsoft.Extensions.Hosting;

namespace MeetStream.Client.Testing;

/// <summary>
/// Replaces the default console lifetime, so the simulator never reacts to Ctrl+C or SIGTERM itself: the program or
/// test that started it decides when it stops (by disposing it).
/// </summary>
internal sealed class PassiveHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
