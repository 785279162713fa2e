using System.Net;
using MeetStream.Client.TestSupport.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MeetStream.Client.Testing.Tests.Infrastructure;

/// <summary>A real Kestrel server on loopback that records every POST it receives (raw bytes, headers, path and query), as a user's webhook endpoint would.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly object _gate = new();
    private readonly List<ReceivedWebhook> _received = [];

    private WebhookReceiver(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    /// <summary>Gets or sets the status code the receiver answers (default 200).</summary>
    public int ResponseStatus { get; set; } = 200;

    public IReadOnlyList<ReceivedWebhook> Received
    {
        get
        {
            lock (_gate)
            {
                return _received.ToArray();
            }
        }
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        builder.Services.AddLogging();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.Run(async context =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            lock (receiver._gate)
            {
                receiver._received.Add(new ReceivedWebhook(context.Request.Method, context.Request.Path.Value ?? string.Empty, context.Request.QueryString.Value ?? string.Empty, headers, buffer.ToArray()));
            }

            context.Response.StatusCode = receiver.ResponseStatus;
        });
        await app.StartAsync();
        var address = LoopbackKestrel.Address(app).ToString();
        receiver.Address = new Uri(address.TrimEnd('/') + "/");
        return receiver;
    }

    public string Url(string pathAndQuery) => new Uri(Address, pathAndQuery).ToString();

    public IReadOnlyList<ReceivedWebhook> At(string path) => Received.Where(r => r.Path == path).ToArray();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One request the receiver got.</summary>
public sealed record ReceivedWebhook(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public System.Text.Json.Nodes.JsonObject Json => System.Text.Json.Nodes.JsonNode.Parse(Body)!.AsObject();

    public string Text => System.Text.Encoding.UTF8.GetString(Body);

    public string? Event => Json["event"]?.GetValue<string>();

    public string? BotEvent => Json["bot_event"]?.GetValue<string>();

    public string Name => BotEvent ?? Event ?? string.Empty;
}
