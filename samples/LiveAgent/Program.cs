using LiveAgent;
using MeetStream.Client.AspNetCore;

// A live voice agent on the MeetStream bridge, with no cloud service: it repeats what it hears.
// Configuration (appsettings.json, environment variables MeetStream__Bridge__AccessToken, ... or the command line):
//   MeetStream:Bridge:AccessToken   the secret in the bot's URLs (generate one: dotnet run -- --generate-token)
//   MeetStream:Bridge:PublicBaseUrl your public https address (a tunnel in development), used to print the URLs
//   MeetStream:BotName              the bot_name you give create_bot (its own voice comes back under it)
if (args.Contains("--generate-token"))
{
    Console.WriteLine(MeetStreamBridgeOptions.GenerateAccessToken());
    return;
}

var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddMeetStreamBridge(builder.Configuration.GetSection("MeetStream:Bridge")).AddHandler<ParrotBotHandler>();

var app = builder.Build();
app.MapMeetStreamBridge("/bridge");
app.MapGet("/", (RequestDelegate)(context => context.Response.WriteAsync("MeetStream LiveAgent: the bot connects to /bridge and /bridge/audio.")));

var bridge = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MeetStreamBridgeOptions>>().Value;
if (bridge.PublicBaseUrl is not null)
{
    // Give these to create_bot: SocketConnectionUrl = urls.Control, LiveAudioRequired = urls.Audio.
    var urls = MeetStreamBridgeEndpoints.Create(bridge, "/bridge");
    Console.WriteLine($"Bridge URLs (token hidden): {urls}");
}

app.Run();
