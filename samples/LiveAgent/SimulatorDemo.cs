using MeetStream.Client;
using MeetStream.Client.AspNetCore;
using MeetStream.Client.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace LiveAgent;

/// <summary>
/// The offline demo: the local MeetStream simulator creates a bot whose control and audio sockets dial this bridge,
/// plays a short conversation into it, and records every command the parrot sends back (what it said, interrupts).
/// </summary>
internal static class SimulatorDemo
{
    public static async Task<int> RunAsync(WebApplication app, string accessToken, string botName)
    {
        Console.WriteLine("No MEETSTREAM_API_KEY and no bridge access token configured: running the offline demo against the local MeetStream simulator.");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var urls = MeetStreamBridgeEndpoints.Create(address.Replace("http://", "ws://", StringComparison.Ordinal), accessToken, "/bridge");

        await using var simulator = await MeetStreamSimulator.StartAsync(new MeetStreamSimulatorOptions
        {
            Timings = { StageGap = TimeSpan.FromSeconds(1), MeetingDuration = TimeSpan.FromSeconds(25) },
        });
        using var client = simulator.CreateClient();
        var bot = await client.Bots.CreateAsync(new CreateBotRequest
        {
            MeetingLink = "https://meet.google.com/abc-defg-hij",
            BotName = botName,
            VideoRequired = false,
            SocketConnectionUrl = urls.Control,
            LiveAudioRequired = urls.Audio,
            RecordingConfig = new RecordingConfig { Retention = RetentionConfig.Timed(1) },
        });
        Console.WriteLine($"Simulated bot {bot.BotId} is joining and will dial {address}/bridge.");

        var exitCode = 0;
        try
        {
            var reply = await simulator.Journal.WaitForRealtimeAsync(r => r.BotId == bot.BotId && !r.FromBot && r.Event == "sendaudio", TimeSpan.FromSeconds(60));
            Console.WriteLine($"The simulated meeting heard the parrot: first sendaudio chunk of {reply.AudioDuration?.TotalSeconds:0.00} s.");
            while (!(await client.Bots.GetStatusAsync(bot.BotId!)).Status!.Value.HasLeftMeeting)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }

            var sent = simulator.Journal.Realtime.Where(r => r.BotId == bot.BotId && !r.FromBot).ToList();
            var spoken = sent.Where(r => r.Event == "sendaudio").Aggregate(TimeSpan.Zero, (total, r) => total + (r.AudioDuration ?? TimeSpan.Zero));
            Console.WriteLine($"The meeting ended. The parrot sent {sent.Count(r => r.Event == "sendaudio")} audio chunks ({spoken.TotalSeconds:0.0} s of speech) and {sent.Count(r => r.Event == "interrupt")} interrupts.");
        }
        catch (TimeoutException ex)
        {
            Console.Error.WriteLine("The parrot never answered: " + ex.Message);
            exitCode = 1;
        }

        await app.StopAsync();
        return exitCode;
    }
}
