using LiveAgent;
using MeetStream.Client;
using MeetStream.Client.AspNetCore;
using MeetStream.Client.Testing;

// A live voice agent on the MeetStream bridge, with no cloud service: it repeats what it hears.
// Configuration (appsettings.json, environment variables MeetStream__Bridge__AccessToken, ... or the command line):
//   MeetStream:Bridge:AccessToken   the secret in the bot's URLs (generate one: dotnet run -- --generate-token)
//   MeetStream:Bridge:PublicBaseUrl your public https address (a tunnel in development), used to print the URLs
//   MeetStream:BotName              the bot_name you give create_bot (its own voice comes back under it)
// Without MEETSTREAM_API_KEY and without an access token it runs an offline demo: the local MeetStream simulator
// plays a bot in a meeting, dials this bridge, speaks, and records what the parrot says back.
if (args.Contains("--generate-token"))
{
    Console.WriteLine(MeetStreamBridgeOptions.GenerateAccessToken());
    return 0;
}

// appsettings.json from the build output, wherever the program is started from: its log levels keep ASP.NET Core's
// request logging (which would print the bridge token in request URLs) at Warning.
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
var bridgeSection = builder.Configuration.GetSection("MeetStream:Bridge");
var demo = string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(MeetStreamClientOptions.ApiKeyEnvironmentVariable))
    && string.IsNullOrWhiteSpace(bridgeSection["AccessToken"]) && !bridgeSection.GetSection("AccessTokens").GetChildren().Any();
var demoToken = demo ? MeetStreamBridgeOptions.GenerateAccessToken() : null;
if (demo)
{
    builder.WebHost.UseUrls("http://127.0.0.1:0");
}

builder.Services.AddMeetStreamBridge(bridgeSection, options =>
{
    if (demoToken is not null)
    {
        options.AccessTokens.Add(demoToken);
    }
}).AddHandler<ParrotBotHandler>();

var app = builder.Build();
app.MapMeetStreamBridge("/bridge");
app.MapGet("/", (RequestDelegate)(context => context.Response.WriteAsync("MeetStream LiveAgent: the bot connects to /bridge and /bridge/audio.")));

if (demoToken is not null)
{
    return await SimulatorDemo.RunAsync(app, demoToken, app.Configuration["MeetStream:BotName"] ?? "Parrot");
}

var bridge = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MeetStreamBridgeOptions>>().Value;
if (bridge.PublicBaseUrl is not null)
{
    // Give these to create_bot: SocketConnectionUrl = urls.Control, LiveAudioRequired = urls.Audio.
    var urls = MeetStreamBridgeEndpoints.Create(bridge, "/bridge");
    Console.WriteLine($"Bridge URLs (token hidden): {urls}");
}

app.Run();
return 0;
