using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using MeetStream.Client.AspNetCore;
using MeetStream.Client.Webhooks;
using MeetStream.Client.TestSupport.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MeetStream.Client.AspNetCore.Tests.Infrastructure;

/// <summary>
/// A real Kestrel server on a free loopback port hosting the MeetStream webhook endpoint, a real
/// <see cref="HttpClient"/> pointed at it, and the log lines it wrote.
/// </summary>
internal sealed class WebhookTestHost : IAsyncDisposable
{
    public const string Secret = "whsec_test";
    public const string Path = "/webhooks/meetstream";

    private WebhookTestHost(WebApplication app, Uri baseAddress, ListLoggerProvider logs)
    {
        App = app;
        Logs = logs;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public ListLoggerProvider Logs { get; }

    public static async Task<WebhookTestHost> StartAsync(
        Action<MeetStreamWebhookOptions>? configure = null,
        Action<MeetStreamWebhookBuilder>? handlers = null,
        Action<IServiceCollection>? services = null,
        TimeSpan? shutdownTimeout = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var logs = new ListLoggerProvider();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(logs);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = shutdownTimeout ?? TimeSpan.FromSeconds(30));
        var webhooks = builder.Services.AddMeetStreamWebhooks(options =>
        {
            options.SigningSecrets.Add(Secret);
            configure?.Invoke(options);
        });
        builder.Services.AddSingleton<MarkerWatch>();
        webhooks.On<UnknownWebhookEvent>((e, sp, _) =>
        {
            if (e.BotId == MarkerWatch.BotId)
            {
                sp.GetRequiredService<MarkerWatch>().Seen();
            }

            return Task.CompletedTask;
        });
        handlers?.Invoke(webhooks);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapMeetStreamWebhooks(Path);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new WebhookTestHost(app, LoopbackKestrel.Address(app), logs);
    }

    public static HttpRequestMessage Signed(string json, string? timestamp = null, string secret = Secret, string path = Path)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(WebhookValidator.SignatureHeaderName, WebhookValidator.ComputeSignature(body, secret));
        if (timestamp is not null)
        {
            request.Headers.TryAddWithoutValidation(WebhookValidator.TimestampHeaderName, timestamp);
        }

        return request;
    }

    public static HttpRequestMessage Unsigned(byte[] body, string path = Path)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
    }
}

/// <summary>Signals when the marker event sent by <c>DrainAsync</c> is dispatched (dispatch is in order).</summary>
internal sealed class MarkerWatch
{
    public const string BotId = "marker";

    private TaskCompletionSource? _expected;

    public void Expect(TaskCompletionSource expected) => Volatile.Write(ref _expected, expected);

    public void Seen() => Volatile.Read(ref _expected)?.TrySetResult();
}

/// <summary>Collects log lines in memory.</summary>
internal sealed class ListLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();

    public IReadOnlyList<LogLine> Lines => _lines.ToArray();

    public ILogger CreateLogger(string categoryName) => new ListLogger(this, categoryName);

    public void Dispose()
    {
    }

    internal sealed record LogLine(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception);

    private sealed class ListLogger(ListLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._lines.Enqueue(new LogLine(category, logLevel, eventId, formatter(state, exception), exception));
    }
}
