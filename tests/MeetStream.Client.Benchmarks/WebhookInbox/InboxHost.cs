using MeetStream.Client.AspNetCore;
using MeetStream.Client.TestSupport.Hosting;
using MeetStream.Client.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeetStream.Client.Benchmarks.WebhookInbox;

/// <summary>
/// One webhook receiver under load: real Kestrel on a loopback port with <c>MapMeetStreamWebhooks</c> (signature check,
/// parse, deduplication, inbox, 200), either on the in-memory queue or on the Redis inbox. Its handler only records
/// in the <see cref="DeliveryLedger"/> which delivery it ran for.
/// </summary>
internal sealed class InboxHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InboxHost(WebApplication app)
    {
        _app = app;
        Address = LoopbackKestrel.Address(app);
    }

    /// <summary>Gets the base address of the endpoint, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Address { get; }

    /// <summary>Starts a host on <paramref name="kind"/> whose handler records into <paramref name="ledger"/>.</summary>
    public static async Task<InboxHost> StartAsync(InboxKind kind, string redisConnectionString, DeliveryLedger ledger)
    {
        var builder = WebApplication.CreateSlimBuilder();
        LoopbackKestrel.Listen(builder);
        builder.Logging.ClearProviders();
        var webhooks = builder.Services.AddMeetStreamWebhooks(options =>
            {
                options.SigningSecrets.Add(SignedDeliveries.Secret);
                options.EnableDeduplication = true;
            })
            .On<WebhookEvent>((e, _) =>
            {
                ledger.Handled(SignedDeliveries.SequenceOf(e.Message));
                return Task.CompletedTask;
            });
        if (kind != InboxKind.InMemory)
        {
            UseRedis(webhooks, redisConnectionString, inbox: kind != InboxKind.RedisDeduplicationOnly, statusFanOut: kind != InboxKind.RedisWithoutFanOut);
        }

        var app = builder.Build();
        app.MapMeetStreamWebhooks(SignedDeliveries.Path);
        await app.StartAsync();
        return new InboxHost(app);
    }

    /// <summary>
    /// The one place that puts the endpoint on Redis: shared deduplication (and status fan-out) plus the durable inbox.
    /// <c>MaxLength</c> is sized far above the largest backlog a closed-loop run can build (the README's advice: an
    /// entry trimmed before it was handled is lost); everything else is the default. <paramref name="inbox"/> and
    /// <paramref name="statusFanOut"/> are off only in the breakdown rows.
    /// </summary>
    private static void UseRedis(MeetStreamWebhookBuilder webhooks, string connectionString, bool inbox, bool statusFanOut)
    {
        webhooks.UseRedis(connectionString, options =>
        {
            options.EnableStatusFanOut = statusFanOut;
            options.EnableInbox = inbox;
            options.Inbox.MaxLength = 2_000_000;
        });
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
