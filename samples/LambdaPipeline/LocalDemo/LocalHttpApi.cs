using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LambdaPipeline;

/// <summary>
/// A local stand-in for the template's HTTP API (<c>POST /webhooks</c>, payload format 2.0) on loopback Kestrel: each
/// request becomes the event API Gateway would send (lower-cased headers, raw query string, the body as sent), goes
/// to the webhook function through its <see cref="LocalRuntimeApi"/>, and the function's answer becomes the HTTP
/// response.
/// </summary>
internal sealed class LocalHttpApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly LocalRuntimeApi _webhook;
    private readonly Func<WebhookAnswer, Task> _onAnswered;

    private LocalHttpApi(WebApplication app, LocalRuntimeApi webhook, Func<WebhookAnswer, Task> onAnswered)
    {
        _app = app;
        _webhook = webhook;
        _onAnswered = onAnswered;
    }

    /// <summary>Gets the public URL of <c>POST /webhooks</c> (what the template outputs as <c>WebhookUrl</c>).</summary>
    public Uri WebhookUrl { get; private set; } = null!;

    /// <summary>Starts the HTTP API on a free loopback port.</summary>
    /// <param name="webhook">The webhook function's Runtime API.</param>
    /// <param name="onAnswered">Called after each delivery was answered (the demo prints it and plays the session table's stream).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<LocalHttpApi> StartAsync(LocalRuntimeApi webhook, Func<WebhookAnswer, Task> onAnswered, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var api = new LocalHttpApi(app, webhook, onAnswered);
        app.MapPost("/webhooks", (RequestDelegate)api.DeliverAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        api.WebhookUrl = new Uri(address.TrimEnd('/') + "/webhooks");
        return api;
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
    }

    private async Task DeliverAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();

        byte[] output;
        try
        {
            output = await _webhook.InvokeAsync(ToHttpApiEvent(context.Request, body), context.RequestAborted);
        }
        catch (LocalInvocationException ex)
        {
            // What API Gateway answers when the integration fails.
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
            await context.Response.WriteAsync("{\"message\":\"Internal Server Error\"}");
            await _onAnswered(new WebhookAnswer(502, null, ex.Message));
            return;
        }

        var response = JsonNode.Parse(output)!;
        var status = response["statusCode"]?.GetValue<int>() ?? 200;
        var responseBody = response["body"]?.GetValue<string>() ?? string.Empty;
        context.Response.StatusCode = status;
        if (response["headers"] is JsonObject headers)
        {
            foreach (var (name, value) in headers)
            {
                context.Response.Headers[name] = value?.ToString();
            }
        }

        var bytes = response["isBase64Encoded"]?.GetValue<bool>() == true ? Convert.FromBase64String(responseBody) : Encoding.UTF8.GetBytes(responseBody);
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        await _onAnswered(new WebhookAnswer(status, JsonNode.Parse(bytes), null));
    }

    /// <summary>Builds the HTTP API payload 2.0 event for one request.</summary>
    private static JsonObject ToHttpApiEvent(HttpRequest request, byte[] body)
    {
        var headers = new JsonObject();
        foreach (var (name, values) in request.Headers)
        {
            headers[name.ToLowerInvariant()] = string.Join(',', values.ToArray());
        }

        var query = new JsonObject();
        foreach (var (name, values) in request.Query)
        {
            query[name] = string.Join(',', values.ToArray());
        }

        var isText = request.ContentType is { } type && (type.Contains("json", StringComparison.OrdinalIgnoreCase) || type.StartsWith("text/", StringComparison.OrdinalIgnoreCase));
        var now = DateTimeOffset.UtcNow;
        return new JsonObject
        {
            ["version"] = "2.0",
            ["routeKey"] = "POST /webhooks",
            ["rawPath"] = request.Path.Value,
            ["rawQueryString"] = request.QueryString.HasValue ? request.QueryString.Value![1..] : string.Empty,
            ["headers"] = headers,
            ["queryStringParameters"] = query.Count == 0 ? null : query,
            ["requestContext"] = new JsonObject
            {
                ["accountId"] = "000000000000",
                ["apiId"] = "local",
                ["domainName"] = request.Host.Value,
                ["http"] = new JsonObject
                {
                    ["method"] = request.Method,
                    ["path"] = request.Path.Value,
                    ["protocol"] = request.Protocol,
                    ["sourceIp"] = request.HttpContext.Connection.RemoteIpAddress?.ToString(),
                    ["userAgent"] = request.Headers.UserAgent.ToString(),
                },
                ["requestId"] = Guid.NewGuid().ToString("N"),
                ["routeKey"] = "POST /webhooks",
                ["stage"] = "$default",
                ["time"] = now.ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture),
                ["timeEpoch"] = now.ToUnixTimeMilliseconds(),
            },
            ["body"] = isText ? Encoding.UTF8.GetString(body) : Convert.ToBase64String(body),
            ["isBase64Encoded"] = !isText,
        };
    }
}
