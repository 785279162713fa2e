using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using MeetStream.Client.AspNetCore;
using MeetStream.Client.Redis.Inbox;
using MeetStream.Client.TestSupport.Hosting;
using MeetStream.Client.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MeetStream.Client.Redis.Tests.Inbox;

/// <summary>
/// One replica: a real Kestrel host on a loopback port with the webhook endpoint on the durable Redis inbox (and, when
/// deduplicating, the package's shared Redis deduplication), a handler that records every event it ran for (message
/// and delivery count) and then runs the test's behaviour.
/// </summary>
internal sealed class InboxReplica : IAsyncDisposable
{
    public const string Secret = "whsec_inbox_test";
    public const string Path = "/webhooks/meetstream";

    private InboxReplica(WebApplication app)
    {
        App = app;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; private set; } = new();

    /// <summary>Gets every handler call this replica started: the event's message and its delivery count.</summary>
    public ConcurrentQueue<(string Message, int DeliveryCount)> Calls { get; } = new();

    /// <summary>Gets or sets what the handler does after recording the call (default: succeed).</summary>
    public Func<string, RedisWebhookDelivery, CancellationToken, Task> Behaviour { get; set; } = static (_, _, _) => Task.CompletedTask;

    /// <summary>Raised after the handler succeeded for a message.</summary>
    public Action<string, RedisWebhookDelivery>? Handled { get; set; }

    public static async Task<InboxReplica> StartAsync(string redis, Action<RedisWebhookInboxOptions>? configure = null, bool deduplicate = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        LoopbackKestrel.Listen(builder);
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        InboxReplica? replica = null;
        var webhooks = builder.Services.AddMeetStreamWebhooks(options =>
            {
                options.SigningSecrets.Add(Secret);
                options.EnableDeduplication = deduplicate;
            });
        UseRedis(webhooks, redis, deduplicate, configure);
        webhooks.On<WebhookEvent>(async (e, services, ct) =>
        {
            var delivery = services.GetRequiredService<RedisWebhookDelivery>();
            var message = e.Message ?? string.Empty;
            replica!.Calls.Enqueue((message, delivery.DeliveryCount));
            await replica.Behaviour(message, delivery, ct);
            replica.Handled?.Invoke(message, delivery);
        });
        var app = builder.Build();
        app.MapMeetStreamWebhooks(Path);
        replica = new InboxReplica(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        replica.Client = new HttpClient { BaseAddress = LoopbackKestrel.Address(app), Timeout = TimeSpan.FromSeconds(60) };
        return replica;
    }

    // The replica's whole Redis wiring, in this one place: the durable inbox with the test timings and, when
    // deduplicating, the package's shared deduplication on the same redis-server (one UseRedis call).
    private static void UseRedis(MeetStreamWebhookBuilder webhooks, string redis, bool deduplicate, Action<RedisWebhookInboxOptions>? configure) =>
        webhooks.UseRedis(redis, redisOptions =>
        {
            redisOptions.EnableDeduplication = deduplicate;
            var options = redisOptions.Inbox;
            // Long by default: only the tests about claiming shorten it (a loaded machine must not cause claims).
            options.ClaimIdleTime = TimeSpan.FromSeconds(30);
            options.ClaimInterval = TimeSpan.FromMilliseconds(50);
            options.PollInterval = TimeSpan.FromMilliseconds(20);
            configure?.Invoke(options);
        });

    /// <summary>The JSON body of a test delivery carrying <paramref name="message"/>.</summary>
    public static byte[] Body(string message) => Encoding.UTF8.GetBytes($$"""{"event":"test.inbox","bot_id":"bot-1","message":"{{message}}"}""");

    public static HttpRequestMessage Signed(string message)
    {
        var body = Body(message);
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(WebhookValidator.SignatureHeaderName, WebhookValidator.ComputeSignature(body, Secret));
        return request;
    }

    public async Task<HttpResponseMessage> PostAsync(string message) =>
        await Client.SendAsync(Signed(message), TestContext.Current.CancellationToken);

    /// <summary>Stops the host abruptly: the shutdown token is already cancelled, so running handlers are cancelled.</summary>
    public async Task KillAsync()
    {
        using var now = new CancellationTokenSource();
        await now.CancelAsync();
        try
        {
            await App.StopAsync(now.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await KillAsync();
        await App.DisposeAsync();
    }
}
