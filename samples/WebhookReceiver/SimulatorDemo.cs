using MeetStream.Client;
using MeetStream.Client.Testing;
using MeetStream.Client.Webhooks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace WebhookReceiver;

/// <summary>
/// The offline demo: the local MeetStream simulator plays MeetStream, sends one bot through a meeting and delivers
/// its signed workspace webhooks to this receiver, which follows the bot until MeetStream's pipeline finishes.
/// Ctrl+C (or SIGTERM) ends it early with exit code 130.
/// </summary>
internal static class SimulatorDemo
{
    /// <summary>The environment variable that picks another simulated lifecycle (denied, kicked, until_removed, ...).</summary>
    public const string ScenarioVariable = "MEETSTREAM_SIMULATOR_SCENARIO";

    /// <summary>Starts the simulator, or prints a one-line error and returns null when the scenario is unknown.</summary>
    public static async Task<MeetStreamSimulator?> StartSimulatorAsync()
    {
        Console.WriteLine("No MEETSTREAM_API_KEY and no signing secret configured: running the offline demo against the local MeetStream simulator.");
        var scenario = Environment.GetEnvironmentVariable(ScenarioVariable);
        if (!string.IsNullOrWhiteSpace(scenario) && !SimulatorScenarios.All.Contains(scenario))
        {
            Console.Error.WriteLine($"{ScenarioVariable} '{scenario}' is not a simulator scenario; use one of: {string.Join(", ", SimulatorScenarios.All)}.");
            return null;
        }

        return await MeetStreamSimulator.StartAsync(new MeetStreamSimulatorOptions
        {
            TimeScale = 10,
            Timings = { StageGap = TimeSpan.FromSeconds(3), MeetingDuration = TimeSpan.FromSeconds(30) },
            DefaultScenario = string.IsNullOrWhiteSpace(scenario) ? SimulatorScenarios.HappyPath : scenario,
        });
    }

    public static async Task<int> RunAsync(WebApplication app, MeetStreamSimulator simulator, string signingSecret)
    {
        await app.StartAsync();

        // From here on the host owns Ctrl+C (and SIGTERM): it signals ApplicationStopping, which ends every wait below.
        var stopping = app.Lifetime.ApplicationStopping;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var webhookUrl = address.TrimEnd('/') + "/webhooks/meetstream";
        simulator.AddWorkspaceWebhook(new SimulatorWebhookEndpoint(webhookUrl, signingSecret));
        app.Logger.LogInformation("Receiving signed webhooks at {Url}", webhookUrl);

        var client = app.Services.GetRequiredService<IMeetStreamClient>();
        var waiter = app.Services.GetRequiredService<BotStatusWaiter>();
        string? botId = null;
        var exitCode = 0;
        try
        {
            var bot = await client.Bots.CreateAsync(
                new CreateBotRequest
                {
                    MeetingLink = "https://meet.google.com/abc-defg-hij",
                    BotName = "Webhook demo",
                    VideoRequired = false,
                    RecordingConfig = new RecordingConfig
                    {
                        Transcript = new TranscriptConfig { Provider = TranscriptionProvider.ForMeetStream() },
                        Retention = RetentionConfig.Timed(24),
                    },
                },
                cancellationToken: stopping);
            botId = bot.BotId;
            app.Logger.LogInformation("Created bot {BotId}; following it through webhooks.", bot.BotId);

            var status = await waiter.WaitForStatusAsync(bot.BotId!, BotStatus.Done, TimeSpan.FromMinutes(2), stopping);
            await simulator.WhenWebhooksDeliveredAsync(stopping);
            app.Logger.LogInformation("Bot {BotId} reached {Status}: the demo is complete.", bot.BotId, status);
        }
        catch (MeetStreamTimeoutException ex)
        {
            app.Logger.LogError("{Message}", ex.Message);
            exitCode = 1;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The simulated bot leaves with the simulator; with a real bot, call client.Bots.RemoveFromMeetingAsync here.
            app.Logger.LogWarning("Stopped (Ctrl+C) while following bot {BotId}; the demo did not finish.", botId ?? "(not created yet)");
            exitCode = 130;
        }

        await app.StopAsync(CancellationToken.None);
        return exitCode;
    }
}
