using StackExchange.Redis;

namespace MeetStream.Client.Redis.Tests.Infrastructure;

/// <summary>The fixture itself: a real server that answers, survives a kill-and-restart on the same port, and starts empty.</summary>
public sealed class RedisServerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RedisServer_KillThenRestart_SamePortAnswersAndStartsEmpty()
    {
        await using var server = await RedisServer.StartAsync(Ct);
        await using (var connection = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString))
        {
            Assert.True(await connection.GetDatabase().StringSetAsync("k", "v"));
        }

        server.Kill();
        await server.RestartAsync(Ct);

        await using var again = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
        Assert.False((await again.GetDatabase().StringGetAsync("k")).HasValue);
    }
}
