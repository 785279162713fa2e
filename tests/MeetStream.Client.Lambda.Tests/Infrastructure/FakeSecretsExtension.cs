using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using MeetStream.Client.TestSupport.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeetStream.Client.Lambda.Tests.Infrastructure;

/// <summary>
/// The AWS Parameters and Secrets Lambda Extension's local HTTP interface on Kestrel: <c>/secretsmanager/get</c> and
/// <c>/systemsmanager/parameters/get</c>, answering 401 without the session token header and 400 for unknown names.
/// </summary>
public sealed class FakeSecretsExtension : IAsyncDisposable
{
    public const string Token = "session-token-abc";
    private readonly WebApplication _app;

    private FakeSecretsExtension(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public ConcurrentDictionary<string, string> Secrets { get; } = new();

    public ConcurrentDictionary<string, string> Parameters { get; } = new();

    public ConcurrentQueue<string> Requests { get; } = new();

    public static async Task<FakeSecretsExtension> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        LoopbackKestrel.Listen(builder);
        var app = builder.Build();
        var fake = new FakeSecretsExtension(app);
        app.MapGet("/secretsmanager/get", (HttpContext c) => fake.Answer(c, fake.Secrets, c.Request.Query["secretId"].ToString(), v => new JsonObject { ["ARN"] = "arn:aws:secretsmanager:us-east-1:123456789012:secret:x", ["Name"] = c.Request.Query["secretId"].ToString(), ["SecretString"] = v, ["VersionId"] = "v1" }));
        app.MapGet("/systemsmanager/parameters/get", (HttpContext c) => fake.Answer(c, fake.Parameters, c.Request.Query["name"].ToString(), v => new JsonObject { ["Parameter"] = new JsonObject { ["Name"] = c.Request.Query["name"].ToString(), ["Type"] = "SecureString", ["Value"] = v, ["Version"] = 1 } }));
        await app.StartAsync();
        fake.Url = LoopbackKestrel.Address(app);
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
    }

    private IResult Answer(HttpContext context, ConcurrentDictionary<string, string> store, string id, Func<string, JsonObject> document)
    {
        Requests.Enqueue(context.Request.Path + context.Request.QueryString);
        if (context.Request.Headers["X-Aws-Parameters-Secrets-Token"] != Token)
        {
            return Results.Text("not authorized", statusCode: 401);
        }

        return store.TryGetValue(id, out var value)
            ? Results.Text(document(value).ToJsonString(), "application/json")
            : Results.Text("ResourceNotFoundException", statusCode: 400);
    }
}
