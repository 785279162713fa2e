// A minimal MeetStream webhook receiver: verifies every delivery (workspace signature or callback URL token),
// drops duplicates, and logs each event in the background. Configure it under "MeetStream:Webhooks"
// (appsettings.json, environment variables such as MeetStream__Webhooks__SigningSecrets__0, or user secrets).
// Without MEETSTREAM_API_KEY and without signing secrets it runs an offline demo: the local MeetStream simulator
// sends a bot through a meeting and delivers its signed webhooks here, and the sample follows it to completion.
using MeetStream.Client;
using MeetStream.Client.AspNetCore;
using MeetStream.Client.Testing;
using MeetStream.Client.Webhooks;
using WebhookReceiver;

// appsettings.json from the build output, wherever the program is started from: its log levels keep ASP.NET Core's
// request logging (which would print callback URL tokens) at Warning.
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
var webhookSection = builder.Configuration.GetSection("MeetStream:Webhooks");
var demo = string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(MeetStreamClientOptions.ApiKeyEnvironmentVariable))
    && !webhookSection.GetSection("SigningSecrets").GetChildren().Any();
var demoSecret = demo ? WebhookValidator.GenerateSecret() : null;
await using var simulator = demo ? await SimulatorDemo.StartSimulatorAsync() : null;
if (demo && simulator is null)
{
    return 2; // unknown MEETSTREAM_SIMULATOR_SCENARIO, already reported
}

if (simulator is not null)
{
    builder.WebHost.UseUrls("http://127.0.0.1:0");
    builder.Services.AddMeetStreamClient(o =>
    {
        o.ApiKey = simulator.ApiKey;
        o.BaseUrl = simulator.BaseAddress;
    });
}

builder.Services
    .AddMeetStreamWebhooks(webhookSection, options =>
    {
        if (demoSecret is not null)
        {
            options.SigningSecrets.Add(demoSecret);
        }
    })
    .On<WebhookEvent>((webhookEvent, services, cancellationToken) =>
    {
        // Every event, whatever its type: one line with its name, bot, status and message.
        services.GetRequiredService<ILogger<Program>>().LogInformation("MeetStream: {Event}", webhookEvent.Describe());
        return Task.CompletedTask;
    })
    .AddHandler<BotStoppedEvent, BotStoppedHandler>()
    .AddHandler<BotLifecycleEvent, BotProgressHandler>();

var app = builder.Build();

app.MapMeetStreamWebhooks("/webhooks/meetstream");

// Per-bot callback_url deliveries are unsigned: give each bot a URL that carries a token only this server can mint.
var validator = app.Services.GetRequiredService<WebhookValidator>();
if (validator.CanCreateCallbackUrls && app.Configuration["MeetStream:PublicUrl"] is { Length: > 0 } publicUrl)
{
    app.Logger.LogInformation("Example callback_url for create_bot: {CallbackUrl}", validator.CreateCallbackUrl(publicUrl.TrimEnd('/') + "/webhooks/meetstream"));
}

if (simulator is not null)
{
    return await SimulatorDemo.RunAsync(app, simulator, demoSecret!);
}

app.Run();
return 0;
