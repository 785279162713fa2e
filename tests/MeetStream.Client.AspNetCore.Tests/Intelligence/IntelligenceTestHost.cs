using System.Collections.Concurrent;
using MeetStream.Client.Analytics;
using MeetStream.Client.Keywords;
using MeetStream.Client.Testing;
using MeetStream.Client.TestSupport.Hosting;
using MeetStream.Client.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeetStream.Client.AspNetCore.Tests.Intelligence;

/// <summary>
/// An application on real Kestrel (loopback) with the MeetStream webhook endpoint, keyword spotting and meeting
/// analytics, a REST client pointed at a <see cref="MeetStreamSimulator"/>, handlers that record what they receive,
/// and a second server's <c>/received</c>: an incoming webhook for the signed sink to forward to.
/// </summary>
internal sealed class IntelligenceTestHost : IAsyncDisposable
{
    public const string WebhookPath = "/webhooks/meetstream";
    public const string SinkSecret = "sink-secret";
    public const string MarkerBotId = "marker";

    private IntelligenceTestHost(WebApplication app, WebApplication receiver, Uri baseUri, Observations recorder)
    {
        App = app;
        _receiver = receiver;
        BaseUri = baseUri;
        Recorder = recorder;
    }

    private readonly WebApplication _receiver;

    public WebApplication App { get; }

    public Uri BaseUri { get; }

    public Uri WebhookUrl => new(BaseUri, WebhookPath);

    public Observations Recorder { get; }

    public static async Task<IntelligenceTestHost> StartAsync(MeetStreamSimulator sim, Action<MeetStreamWebhookBuilder>? extra = null, Action<IServiceCollection, Uri>? services = null)
    {
        var recorder = new Observations();
        var receiverBuilder = WebApplication.CreateSlimBuilder();
        LoopbackKestrel.Listen(receiverBuilder);
        receiverBuilder.Logging.ClearProviders();
        var receiver = receiverBuilder.Build();
        receiver.MapPost("/received", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
            recorder.Forwarded.Enqueue((body.ToArray(), request.Headers["X-MeetStream-Signature"].ToString()));
            return Results.Ok();
        });
        await receiver.StartAsync(TestContext.Current.CancellationToken);
        var receiverUri = new Uri(LoopbackKestrel.Address(receiver), "/received");

        var builder = WebApplication.CreateSlimBuilder();
        LoopbackKestrel.Listen(builder);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(recorder);
        builder.Services.AddMeetStreamClient(o =>
        {
            o.ApiKey = sim.ApiKey;
            o.BaseUrl = sim.BaseAddress;
        });
        var webhooks = builder.Services
            .AddMeetStreamWebhooks(o => o.AllowUnsignedDeliveries = true) // callbacks and live chunks are unsigned
            .AddKeywordSpotting(
                [new KeywordDefinition("pricing", "sales"), new KeywordDefinition("Globex", "competitor"), new KeywordDefinition("discount", "sales")],
                new KeywordSpotterOptions { BotName = "Notetaker" })
            .AddKeywordHitHandler<RecordingHitHandler>()
            .AddMeetingAnalytics(o => o.TalkTime = new TalkTimeOptions { BotName = "Notetaker" })
            .AddMeetingAnalyticsHandler<RecordingAnalyticsHandler>();
        webhooks.On<UnknownWebhookEvent>((e, sp, _) =>
        {
            if (e.BotId == MarkerBotId)
            {
                sp.GetRequiredService<Observations>().MarkerSeen.TrySetResult();
            }

            return Task.CompletedTask;
        });
        extra?.Invoke(webhooks);
        services?.Invoke(builder.Services, receiverUri);
        var app = builder.Build();
        app.MapMeetStreamWebhooks(WebhookPath);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new IntelligenceTestHost(app, receiver, LoopbackKestrel.Address(app), recorder);
    }

    /// <summary>Waits until the application has dispatched every webhook received so far: the queue dispatches in order, so a marker event sent last proves it.</summary>
    public async Task DispatchedAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        using var content = new StringContent($$"""{"event":"test.marker","bot_id":"{{MarkerBotId}}"}""", System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(WebhookUrl, content, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        await Recorder.MarkerSeen.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
        await _receiver.StopAsync(CancellationToken.None);
        await _receiver.DisposeAsync();
    }

    /// <summary>What the handlers saw.</summary>
    internal sealed class Observations
    {
        public ConcurrentQueue<KeywordHit> Hits { get; } = new();

        public ConcurrentQueue<MeetingAnalyticsResult> Analytics { get; } = new();

        public ConcurrentQueue<(byte[] Body, string Signature)> Forwarded { get; } = new();

        public TaskCompletionSource<MeetingAnalyticsResult> FirstAnalytics { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource MarkerSeen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class RecordingHitHandler(Observations recorder) : IKeywordHitHandler
    {
        public Task HandleAsync(KeywordHit hit, CancellationToken cancellationToken)
        {
            recorder.Hits.Enqueue(hit);
            return Task.CompletedTask;
        }
    }

    private sealed class RecordingAnalyticsHandler(Observations recorder) : IMeetingAnalyticsHandler
    {
        public Task HandleAsync(MeetingAnalyticsResult result, CancellationToken cancellationToken)
        {
            recorder.Analytics.Enqueue(result);
            recorder.FirstAnalytics.TrySetResult(result);
            return Task.CompletedTask;
        }
    }
}
