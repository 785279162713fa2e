// A minimal MeetStream webhook receiver: verifies every delivery (workspace signature or callback URL token),
// drops duplicates, and logs each event in the background. Configure it under "MeetStream:Webhooks"
// (appsettings.json, environment variables such as MeetStream__Webhooks__SigningSecrets__0, or user secrets).
using MeetStream.Client.AspNetCore;
using MeetStream.Client.Webhooks;
using WebhookReceiver;

var builder = WebApplication.CreateSlimBuilder(args);

builder.Services
    .AddMeetStreamWebhooks(builder.Configuration.GetSection("MeetStream:Webhooks"))
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

app.Run();
