using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using MeetStream.Client.AspNetCore;
using MeetStream.Client.Redis.Configuration;
using MeetStream.Client.TestSupport.Hosting;
using MeetStream.Client.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeetStream.Client.Redis.Tests.Configuration;

/// <summary>
/// One application with both Redis sides on real Kestrel (loopback): the webhook endpoint on <c>UseRedis</c> and the
/// bridge on <c>UseRedisSessions</c>, wired by the test; records handled webhook messages.
/// </summary>
internal sealed class ScaleOutHost : IAsyncDisposable
{
    public const string Secret = "whsec_scale_out_test";
    public const string Token = "scale-out-bridge-token-0123456789";
    public const string Path = "/webhooks/meetstream";

    private bool _started;

    private ScaleOutHost(WebApplication app) => App = app;

    public WebApplication App { get; }

    public HttpClient Client { get; private set; } = new();

    public HandledEvents Handled { get; } = new();

    public RedisBotCommands Commands => App.Services.GetRequiredService<RedisBotCommands>();

    public MeetStreamBridgeEndpoints Endpoints => MeetStreamBridgeEndpoints.Create(LoopbackKestrel.Address(App).ToString(), Token);

    /// <summary>Builds (not starts) an application; <paramref name="wire"/> adds the Redis lines to the two builders.</summary>
    public static ScaleOutHost Build(Action<MeetStreamWebhookBuilder, MeetStreamBridgeBuilder> wire, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        LoopbackKestrel.Listen(builder);
        ScaleOutHost? host = null;
        var webhooks = builder.Services.AddMeetStreamWebhooks(o => o.SigningSecrets.Add(Secret))
            .On<WebhookEvent>((e, _) =>
            {
                host!.Handled.Add(e.Message ?? string.Empty);
                return Task.CompletedTask;
            });
        var bridge = builder.Services.AddMeetStreamBridge(o => o.AccessTokens.Add(Token));
        wire(webhooks, bridge);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapMeetStreamWebhooks(Path);
        app.MapMeetStreamBridge("/bridge");
        host = new ScaleOutHost(app);
        return host;
    }

    /// <summary>Adds a bot handler that does nothing (the session stays open while its sockets are).</summary>
    public static MeetStreamBridgeBuilder Handler(MeetStreamBridgeBuilder bridge) => bridge.AddHandler((_, _) => Task.CompletedTask);

    public async Task StartAsync()
    {
        await App.StartAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        _started = true;
        Client = new HttpClient { BaseAddress = LoopbackKestrel.Address(App), Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task<HttpResponseMessage> PostAsync(string message)
    {
        var body = Encoding.UTF8.GetBytes($$"""{"event":"test.scale","bot_id":"bot-1","message":"{{message}}"}""");
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(WebhookValidator.SignatureHeaderName, WebhookValidator.ComputeSignature(body, Secret));
        return await Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Dials the bridge's control socket as MeetStream's bot does (sends <c>ready</c>).</summary>
    public async Task<ClientWebSocket> ConnectBotAsync(string botId)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(Endpoints.Control.WebSocketUrl!), TestContext.Current.CancellationToken);
        var ready = Encoding.UTF8.GetBytes($$"""{"type":"ready","bot_id":"{{botId}}","message":"ready"}""");
        await socket.SendAsync(ready, WebSocketMessageType.Text, endOfMessage: true, TestContext.Current.CancellationToken);
        return socket;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_started)
        {
            await App.StopAsync(CancellationToken.None);
        }

        await App.DisposeAsync();
    }
}
