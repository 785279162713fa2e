using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MeetStream.Client.Realtime;
using MeetStream.Client.Redis;
using MeetStream.Client.Redis.Inbox;
using MeetStream.Client.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

/// <summary>
/// AOT checks of MeetStream.Client.Redis: options validation offline, then, against a real redis-server started on a
/// loopback port (when one is installed), the shared dedup store, the dead-letter reader and the cross-replica bot
/// commands resolved from DI exactly as an application wires them.
/// </summary>
internal static class RedisSmoke
{
    public static async Task RunAsync(List<string> failures)
    {
        // Bad input: an empty connection string is refused by the validator, naming the setting and never a value.
        using (var invalid = Build("", configureBridge: false))
        {
            try
            {
                _ = invalid.GetRequiredService<IOptions<MeetStream.Client.Redis.Configuration.MeetStreamRedisOptions>>().Value;
                failures.Add("Redis: an empty connection string was accepted");
            }
            catch (OptionsValidationException ex)
            {
                Check(failures, ex.Message.Contains("ConnectionString", StringComparison.Ordinal), "Redis: options validation names ConnectionString");
            }
        }

        var serverPath = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists);
        if (serverPath is null)
        {
            Console.WriteLine("Redis smoke: redis-server is not installed; only the offline checks ran.");
            return;
        }

        var port = FreePort();
        using var server = Process.Start(new ProcessStartInfo(serverPath, ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        _ = server.StandardOutput.ReadToEndAsync();
        _ = server.StandardError.ReadToEndAsync();
        try
        {
            if (!await WaitForPortAsync(port, server))
            {
                failures.Add("Redis: redis-server did not start");
                return;
            }

            await using var services = Build($"127.0.0.1:{port}", configureBridge: true);

            var dedup = services.GetRequiredService<IWebhookDeduplicationStore>();
            var first = await dedup.TryClaimAsync("aot-event-1");
            var second = await dedup.TryClaimAsync("aot-event-1");
            await dedup.ReleaseAsync("aot-event-1");
            var third = await dedup.TryClaimAsync("aot-event-1");
            Check(failures, dedup.GetType().Name.Contains("Redis", StringComparison.Ordinal), "Redis: UseRedis swaps in the Redis dedup store");
            Check(failures, first && !second && third, "Redis: dedup claim, duplicate, release, claim again");

            // Registered by the durable inbox (part of UseRedis): read the empty dead-letter stream.
            var deadLetters = services.GetRequiredService<RedisWebhookDeadLetters>();
            Check(failures, await deadLetters.CountAsync() == 0 && (await deadLetters.ListAsync()).Count == 0, "Redis: dead letters read");

            var commands = services.GetRequiredService<RedisBotCommands>();
            Check(failures, await commands.FindReplicaAsync("aot-bot") is null, "Redis: directory lookup of an unknown bot");
            try
            {
                await commands.SendMessageAsync("aot-bot", "hello");
                failures.Add("Redis: a command to an unknown bot did not throw");
            }
            catch (RemoteBotCommandException ex)
            {
                Check(failures, ex.Failure == RemoteBotCommandFailure.NotConnected && ex.BotId == "aot-bot", "Redis: command to an unknown bot is NotConnected");
            }

            Console.WriteLine("Redis smoke: checks ran against redis-server on port " + port);
        }
        finally
        {
            server.Kill();
            await server.WaitForExitAsync();
        }
    }

    private static ServiceProvider Build(string connectionString, bool configureBridge)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMeetStreamWebhooks(o => o.SigningSecrets.Add("whsec_aot"))
            .UseRedis(connectionString, redis => redis.KeyPrefix = "aot:");
        if (configureBridge)
        {
            services.AddMeetStreamBridge(o =>
                {
                    o.PublicBaseUrl = "https://bridge.example.com";
                    o.AccessTokens.Add("aot-bridge-token");
                })
                .AddHandler((BotSession session, CancellationToken ct) => Task.CompletedTask)
                .UseRedisSessions(connectionString, o => o.ReplicaId = "aot-replica");
        }

        return services.BuildServiceProvider();
    }

    private static async Task<bool> WaitForPortAsync(int port, Process server)
    {
        // A hang guard only: redis-server listens within milliseconds; the loop ends as soon as it accepts.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !server.HasExited)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(20);
            }
        }

        return false;
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private static void Check(List<string> failures, bool condition, string what)
    {
        if (!condition)
        {
            failures.Add(what);
        }
    }
}
