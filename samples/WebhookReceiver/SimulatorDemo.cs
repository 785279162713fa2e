using MeetStream.Client;
using MeetStream.Client.Testing;
using MeetStream.Client.Webhooks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace WebhookReceiver;

/// <summary>
/// The offline demo: the local MeetStream simulator plays MeetStream, sends one bot through a meeting and delivers
/// its signed workspace webhooks to this receiver, which follows the bot until MeetStream's pipeline finishes.
/// </summary>
internal static class SimulatorDemo
{
    public static Task<MeetStreamSimulator> StartSimulatorAsync()
    {
        Console.WriteLine("No MEETSTREAM_API_KEY and no signing secret configured: running the offline demo against the local MeetStream simulator.");
        return MeetStreamSimulator.StartAsync(new MeetStreamSimulatorOptions
        {
            TimeScale = 10,
            Timings = { StageGap = TimeSpan.FromSeconds(3), MeetingDuration = TimeSpan.FromSeconds(30) },
        });
    }

    public static async Task<int> RunAsync(WebApplication app, MeetStreamSimulator simulator, string signingSecret)
    {
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var webhookUrl = address.TrimEnd('/') + "/webhooks/meetstream";
        simulator.AddWorkspaceWebhook(new SimulatorWebhookEndpoint(webhookUrl, signingSecret));
        app.Logger.LogInformation("Receiving signed webhooks at {Url}", webhookUrl);

        var client = app.Services.GetRequiredService<IMeetStreamClient>();
        var waiter = app.Services.GetRequiredService<BotStatusWaiter>();
        var bot = await client.Bots.CreateAsync(new CreateBotRequest
        {
            MeetingLink = "https://meet.google.com/abc-defg-hij",
            BotName = "Webhook demo",
            VideoRequired = false,
            RecordingConfig = new RecordingConfig
            {
                Transcript = new TranscriptConfig { Provider = TranscriptionProvider.ForMeetStream() },
                Retention = RetentionConfig.Timed(24),
            },
        });
        app.Logger.LogInformation("Created bot {BotId}; following it through webhooks.", bot.BotId);

        var exitCode = 0;
        try
        {
            var status = await waiter.WaitForStatusAsync(bot.BotId!, BotStatus.Done, TimeSpan.FromMinutes(2));
            await simulator.WhenWebhooksDeliveredAsync();
            app.Logger.LogInformation("Bot {BotId} reached {Status}: the demo is complete.", bot.BotId, status);
        }
        catch (MeetStreamTimeoutException ex)
        {
            app.Logger.LogError("{Message}", ex.Message);
            exitCode = 1;
        }

        await app.StopAsync();
        return exitCode;
    }
}
