using MeetStream.Client;
using MeetStream.Client.Keywords;
using MeetStream.Client.Testing;
using MeetStream.Client.Webhooks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using SalesCoach;

// SalesCoach: a bot joins a sales call; the live transcript webhook feeds a keyword spotter that prints an alert the
// moment pricing, a competitor or a next step comes up; after the call the transcript gives a talk-time report (a bar
// per participant, longest monologue, interruptions) and a keyword summary.
//   MEETSTREAM_API_KEY=... MeetStream__PublicUrl=https://<tunnel> dotnet run --project samples/SalesCoach -- <meeting link>
// Without MEETSTREAM_API_KEY it runs offline: the local MeetStream simulator plays a scripted sales demo (a pricing
// question, a competitor mention, one long monologue by the seller) and delivers its live transcript here.
// Ctrl+C stops it (the bot is asked to leave) with exit code 130.
const string BotName = "Sales Coach";
var apiKey = Environment.GetEnvironmentVariable(MeetStreamClientOptions.ApiKeyEnvironmentVariable);
var simulated = string.IsNullOrWhiteSpace(apiKey);

// appsettings-free: configuration comes from the environment (MeetStream__PublicUrl) or the command line (--MeetStream:PublicUrl=...).
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Logging.SetMinimumLevel(LogLevel.Warning); // request logs would print the callback token
var meetingLink = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
var publicUrl = builder.Configuration["MeetStream:PublicUrl"];
if (!simulated && (meetingLink is null || !Uri.TryCreate(meetingLink, UriKind.Absolute, out _) || !Uri.TryCreate(publicUrl, UriKind.Absolute, out _)))
{
    Console.Error.WriteLine("Usage: MeetStream__PublicUrl=https://<public address of this machine> dotnet run --project samples/SalesCoach -- <Google Meet, Zoom or Teams meeting link>");
    Console.Error.WriteLine("MeetStream delivers the live transcript to <PublicUrl>/live: expose this program's port through an HTTPS tunnel.");
    return 2;
}

if (simulated)
{
    builder.WebHost.UseUrls("http://127.0.0.1:0");
}
else if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5090"); // the port to expose through the tunnel (ASPNETCORE_URLS overrides it)
}

// Live transcript deliveries are unsigned: the bot's webhook URL carries a token only this process can mint.
var validator = new WebhookValidator(new WebhookValidatorOptions { CallbackTokenSecrets = { WebhookValidator.GenerateSecret() } });
var spotter = new KeywordSpotter(SalesKeywords.All, new KeywordSpotterOptions { BotName = BotName });
var alerts = new LiveAlerts(validator, spotter.CreateLiveSpotter());

var app = builder.Build();
app.MapPost("/live", (RequestDelegate)alerts.ReceiveAsync);
await app.StartAsync();
var stopping = app.Lifetime.ApplicationStopping; // Ctrl+C and SIGTERM
MeetStreamSimulator? simulator = null;
try
{
    if (simulated)
    {
        Console.WriteLine("""
            MEETSTREAM_API_KEY is not set, so this run uses the local MeetStream simulator and a scripted sales demo.
            To coach a real call: export MEETSTREAM_API_KEY=<key> MeetStream__PublicUrl=https://<tunnel to this machine>
            and pass a meeting link: dotnet run --project samples/SalesCoach -- <meeting link>
            """);
        simulator = await MeetStreamSimulator.StartAsync(
            new MeetStreamSimulatorOptions
            {
                Conversation = SimulatorConversations.SalesDemo,
                TimeScale = 10,
                Timings = { StageGap = TimeSpan.FromSeconds(3), MeetingDuration = SimulatorConversations.SalesDemoMeetingDuration },
            },
            stopping);
        publicUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Console.WriteLine($"Simulator at {simulator.BaseAddress} (its clock runs 10x faster); live transcript webhook at {publicUrl}/live.");
    }

    else
    {
        var local = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Console.WriteLine($"Listening on {local}/live; MeetStream delivers the live transcript to {publicUrl!.TrimEnd('/')}/live (your tunnel must forward it here).");
    }

    await using (simulator)
    {
        using var client = simulator?.CreateClient() ?? new MeetStreamClient(apiKey);
        var run = new CoachingRun(client, spotter, alerts, BotName, simulated, simulator is null ? null : simulator.WhenWebhooksDeliveredAsync);
        var liveUrl = validator.CreateCallbackUrl(publicUrl!.TrimEnd('/') + "/live");
        return await run.RunAsync(meetingLink ?? "https://meet.google.com/abc-defg-hij", liveUrl, stopping);
    }
}
catch (OperationCanceledException) when (stopping.IsCancellationRequested)
{
    Console.WriteLine("Cancelled (Ctrl+C).");
    return 130;
}
finally
{
    await app.StopAsync(CancellationToken.None);
}
