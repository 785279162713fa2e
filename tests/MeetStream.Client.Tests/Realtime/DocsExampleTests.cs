using System.Net;
using MeetStream.Client.Realtime;
using MeetStream.Client.Tests.Realtime.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeetStream.Client.Tests.Realtime;

/// <summary>
/// The bridge shown in docs/realtime.md, compiled and run against a fake bot: the code between the "docs:" markers is
/// copied into the guide verbatim.
/// </summary>
public sealed class DocsExampleTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // docs:bridge-start
    private static void MapBridge(WebApplication app, BotSessionRegistry registry)
    {
        app.UseWebSockets();

        // live_audio_required.websocket_url = wss://your-host/bridge/audio
        app.Map("/bridge/audio", async (HttpContext context) =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var audio = await AudioChannelSession.StartAsync(socket, cancellationToken: context.RequestAborted);
            var attached = registry.Attach(audio);
            if (attached.IsNewSession)
            {
                _ = RunBotAsync(attached.Session);
            }

            await audio.Completion; // keep the request open while the bot uses the socket
        });

        // socket_connection_url.websocket_url = wss://your-host/bridge
        app.Map("/bridge", async (HttpContext context) =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var control = await ControlChannelSession.StartAsync(socket, cancellationToken: context.RequestAborted);
            var attached = registry.Attach(control);
            if (attached.IsNewSession)
            {
                _ = RunBotAsync(attached.Session);
            }

            await control.Completion;
        });
    }

    // One call per bot, whichever socket connected first; returns when the bot has left.
    private static async Task RunBotAsync(BotSession bot)
    {
        var chat = Task.Run(async () =>
        {
            await foreach (var message in bot.ReadControlMessagesAsync())
            {
                if (message is UserChatMessage { Text: { } text })
                {
                    await bot.SendMessageAsync($"You said: {text}");
                }
            }
        });

        var heard = TimeSpan.Zero;
        await foreach (var frame in bot.ReadAudioFramesAsync())
        {
            if (frame.IsUnattributed || frame.SpeakerName == "My Bot")
            {
                continue; // silence, or our own voice coming back
            }

            heard += frame.Duration; // frame.Samples: 48 kHz mono PCM16, valid until the next iteration
        }

        await chat;
    }
    // docs:bridge-end

    [Fact(Timeout = 60_000)]
    public async Task Bridge_DocsExample_CorrelatesChannelsAndAnswersChat()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        await using var app = builder.Build();
        await using var registry = new BotSessionRegistry();
        MapBridge(app, registry);
        await app.StartAsync(Token);
        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;

        using var control = await ConnectAsync(port, "bridge");
        await control.SendReadyAsync("bot_docs");
        using var audio = await ConnectAsync(port, "bridge/audio");
        await audio.SendReadyAsync("bot_docs");
        await audio.SendBinaryAsync(AudioFrameWriter.CreateFrame("s1", "Alice", new short[960]));
        await control.SendTextAsync("""{"command":"usermsg","message":"hello bot"}""");

        var reply = await control.ReceiveJsonAsync();
        Assert.Equal("sendmsg", reply["command"]!.GetValue<string>());
        Assert.Equal("bot_docs", reply["bot_id"]!.GetValue<string>());
        Assert.Equal("You said: hello bot", reply["message"]!.GetValue<string>());
        Assert.True(registry.TryGetSession("bot_docs", out var session));
        await audio.CloseAsync();
        await control.CloseAsync();
        await session.Completion.WaitAsync(Token);
        await app.StopAsync(Token);
    }

    private static async Task<FakeBot> ConnectAsync(int port, string path)
    {
        var socket = new System.Net.WebSockets.ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/{path}"), Token);
        return new FakeBot(socket);
    }
}
