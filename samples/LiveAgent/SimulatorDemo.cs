using MeetStream.Client;
using MeetStream.Client.AspNetCore;
using MeetStream.Client.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace LiveAgent;

/// <summary>
/// The offline demo: the local MeetStream simulator creates a bot whose control and audio sockets dial this bridge,
/// plays a short conversation into it (with a participant who talks over the parrot's answer, so it interrupts), and
/// records every command the parrot sends back (what it said, interrupts). Ctrl+C ends it early.
/// </summary>
internal static class SimulatorDemo
{
    /// <summary>The scripted meeting: Alice talks, the parrot repeats her, Bob cuts in half a second into the answer.</summary>
    private static readonly SimulatorUtterance[] Conversation =
    [
        new("Alice Example", "Good morning everyone, can the parrot hear me clearly from the meeting room?"),
        new("Bob Example", "Sorry to cut in, parrot, please stop there.") { AfterBotStartsSpeaking = TimeSpan.FromSeconds(0.5) },
        new("Alice Example", "Thanks Bob. That is all for today, goodbye."),
    ];

    /// <summary>The environment variable that picks another simulated lifecycle (until_removed keeps the meeting going until Ctrl+C).</summary>
    private const string ScenarioVariable = "MEETSTREAM_SIMULATOR_SCENARIO";

    public static async Task<int> RunAsync(WebApplication app, string accessToken, string botName)
    {
        Console.WriteLine("No MEETSTREAM_API_KEY and no bridge access token configured: running the offline demo against the local MeetStream simulator.");
        var scenario = Environment.GetEnvironmentVariable(ScenarioVariable);
        if (!string.IsNullOrWhiteSpace(scenario) && !SimulatorScenarios.All.Contains(scenario))
        {
            Console.Error.WriteLine($"{ScenarioVariable} '{scenario}' is not a simulator scenario; use one of: {string.Join(", ", SimulatorScenarios.All)}.");
            return 2;
        }

        await app.StartAsync();

        // From here on the host owns Ctrl+C (and SIGTERM): it signals ApplicationStopping, which ends every wait below.
        var stopping = app.Lifetime.ApplicationStopping;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var urls = MeetStreamBridgeEndpoints.Create(address.Replace("http://", "ws://", StringComparison.Ordinal), accessToken, "/bridge");

        var exitCode = 0;
        try
        {
            await using var simulator = await MeetStreamSimulator.StartAsync(
                new MeetStreamSimulatorOptions
                {
                    Timings = { StageGap = TimeSpan.FromSeconds(1), MeetingDuration = TimeSpan.FromSeconds(30) },
                    Conversation = Conversation,
                    DefaultScenario = string.IsNullOrWhiteSpace(scenario) ? SimulatorScenarios.HappyPath : scenario,
                },
                stopping);
            using var client = simulator.CreateClient();
            var bot = await client.Bots.CreateAsync(
                new CreateBotRequest
                {
                    MeetingLink = "https://meet.google.com/abc-defg-hij",
                    BotName = botName,
                    VideoRequired = false,
                    SocketConnectionUrl = urls.Control,
                    LiveAudioRequired = urls.Audio,
                    RecordingConfig = new RecordingConfig { Retention = RetentionConfig.Timed(1) },
                },
                cancellationToken: stopping);
            Console.WriteLine($"Simulated bot {bot.BotId} is joining and will dial {address}/bridge.");

            try
            {
                var reply = await simulator.Journal.WaitForRealtimeAsync(r => r.BotId == bot.BotId && !r.FromBot && r.Event == "sendaudio", TimeSpan.FromSeconds(60), stopping);
                Console.WriteLine($"The simulated meeting heard the parrot: first sendaudio chunk of {reply.AudioDuration?.TotalSeconds:0.00} s.");
                while (!(await client.Bots.GetStatusAsync(bot.BotId!, stopping)).Status!.Value.HasLeftMeeting)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(250), stopping);
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
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // The simulated bot is leaving with the simulator; a real bot would get RemoveFromMeetingAsync here.
                Console.WriteLine($"Stopped (Ctrl+C): the simulated bot {bot.BotId} leaves with the simulator.");
                exitCode = 130;
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            Console.WriteLine("Stopped (Ctrl+C) before the simulated bot was created.");
            exitCode = 130;
        }

        await app.StopAsync(CancellationToken.None);
        return exitCode;
    }
}
