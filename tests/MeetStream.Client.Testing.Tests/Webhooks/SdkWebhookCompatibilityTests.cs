using System.Net;
using MeetStream.Client.Testing.Tests.Infrastructure;
using MeetStream.Client.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeetStream.Client.Testing.Tests.Webhooks;

/// <summary>The SDK's own webhook validator, parser and ASP.NET Core endpoint accept every delivery the simulator makes.</summary>
public sealed class SdkWebhookCompatibilityTests
{
    private const string Secret = "whsec_test";
    private const string TokenSecret = "callback-token-secret-0123456789";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Validator_WorkspaceDeliveries_VerifyBySignature()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sim = await Simulators.StartManualAsync(o => o.WorkspaceWebhooks.Add(new SimulatorWebhookEndpoint(receiver.Url("ws"), Secret)));
        using var client = Simulators.Client(sim);
        var bot = (await client.Bots.CreateAsync(Simulators.Bot(video: true), cancellationToken: Ct)).BotId!;
        await sim.RunUntilEventAsync(bot, "bot.done", cancellationToken: Ct);
        var validator = new WebhookValidator(new WebhookValidatorOptions { SigningSecrets = { Secret }, RequireTimestamp = true });
        var wrong = new WebhookValidator("whsec_other");

        var deliveries = receiver.At("/ws");

        Assert.Equal(10, deliveries.Count);
        foreach (var delivery in deliveries)
        {
            var result = validator.Validate(delivery.Body, name => delivery.Headers.TryGetValue(name, out var value) ? value : null);
            Assert.True(result.IsValid, result.Message);
            Assert.Equal(WebhookAuthentication.Signature, result.Authentication);
            Assert.False(wrong.Validate(delivery.Body, name => delivery.Headers.TryGetValue(name, out var value) ? value : null).IsValid);
        }
    }

    [Fact]
    public async Task Validator_CallbackUrlWithToken_TokenSurvivesAndVerifies()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sim = await Simulators.StartManualAsync();
        using var client = Simulators.Client(sim);
        var validator = new WebhookValidator(new WebhookValidatorOptions { CallbackTokenSecrets = { TokenSecret } });
        var callback = validator.CreateCallbackUrl(receiver.Url("cb"));
        var bot = (await client.Bots.CreateAsync(Simulators.Bot(callbackUrl: callback), cancellationToken: Ct)).BotId!;

        await sim.RunUntilAsync(bot, BotStatus.Recording, cancellationToken: Ct);

        var deliveries = receiver.At("/cb");
        Assert.Equal(3, deliveries.Count);
        foreach (var delivery in deliveries)
        {
            var query = System.Web.HttpUtility.ParseQueryString(delivery.Query);
            var result = validator.Validate(delivery.Body, _ => null, name => query[name]);
            Assert.True(result.IsValid, result.Message);
            Assert.Equal(WebhookAuthentication.CallbackToken, result.Authentication);
        }
    }

    [Fact]
    public async Task Parser_EveryDeliveryOfEveryScenario_ParsesToItsTypedEventWithNoUnknownFields()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sim = await Simulators.StartManualAsync(o => o.WorkspaceWebhooks.Add(new SimulatorWebhookEndpoint(receiver.Url("ws"), Secret)));
        using var client = Simulators.Client(sim);
        var bots = new List<string>();
        foreach (var scenario in SimulatorScenarios.All)
        {
            var link = scenario is SimulatorScenarios.RecordingPermissionDenied or SimulatorScenarios.Kicked ? "https://zoom.us/j/1" : Simulators.MeetLink;
            var request = new CreateBotRequest
            {
                MeetingLink = link,
                BotName = "Parser",
                VideoRequired = true,
                CustomAttributes = new Dictionary<string, string> { [SimulatorScenarios.CustomAttribute] = scenario },
                LiveTranscriptionRequired = new LiveTranscriptionConfig { WebhookUrl = receiver.Url("live") },
                RecordingConfig = new RecordingConfig
                {
                    Transcript = new TranscriptConfig { Provider = scenario is SimulatorScenarios.StreamingError ? TranscriptionProvider.ForDeepgramStreaming() : TranscriptionProvider.ForMeetingCaptions() },
                    Retention = RetentionConfig.Timed(1),
                    RealtimeEndpoints = [new RealtimeEndpoint { Type = "webhook", Url = receiver.Url("rt"), Events = ["participant_events.join", "participant_events.leave"] }],
                },
            };
            bots.Add((await client.Bots.CreateAsync(request, cancellationToken: Ct)).BotId!);
        }

        var failing = Simulators.Bot(SimulatorScenarios.TranscriptionFailed);
        var scheduled = new CreateBotRequest { MeetingLink = failing.MeetingLink, BotName = failing.BotName, CustomAttributes = failing.CustomAttributes, RecordingConfig = failing.RecordingConfig, JoinAt = sim.Clock.UtcNow.AddMinutes(5) };
        var postCall = (await client.Bots.CreateAsync(scheduled, cancellationToken: Ct)).BotId!;
        bots.Add(postCall);
        foreach (var bot in bots.Take(bots.Count - 1))
        {
            if (sim.GetBot(bot)!.Scenario == SimulatorScenarios.UntilRemoved)
            {
                await sim.RunUntilAsync(bot, BotStatus.Recording, cancellationToken: Ct);
                await client.Bots.RemoveFromMeetingAsync(bot, Ct);
            }

            await sim.RunUntilEventAsync(bot, "bot.done", cancellationToken: Ct);
        }

        await sim.RunUntilEventAsync(postCall, "bot.done", cancellationToken: Ct);
        await client.Transcripts.TranscribeAsync(bots[0], new TranscribeRequest { Provider = TranscriptionProvider.ForDeepgram(), CallbackUrl = receiver.Url("transcribed") }, Ct);
        await sim.AdvanceAsync(TimeSpan.FromHours(2), Ct);

        var seen = new HashSet<Type>();
        foreach (var delivery in sim.Journal.Webhooks)
        {
            var parsed = WebhookParser.Parse(delivery.Body);
            Assert.IsNotType<UnknownWebhookEvent>(parsed);
            ModelAssert.Complete(parsed, mayBeNull: delivery.Channel == SimulatorWebhookChannel.TranscribeCallback ? [.. NullableEnvelopeFields(parsed), "custom_attributes"] : NullableEnvelopeFields(parsed), skip: ["words", "data", "custom_attributes"], allowExtra: ["speaker_confidence"]);
            Assert.Equal(delivery.BotId, parsed.BotId);
            seen.Add(parsed.GetType());
        }

        foreach (var expected in new[]
        {
            typeof(BotScheduledEvent), typeof(BotJoiningEvent), typeof(BotInWaitingRoomEvent), typeof(BotInMeetingEvent),
            typeof(BotRecordingPermissionAllowedEvent), typeof(BotRecordingPermissionDeniedEvent), typeof(BotRecordingEvent),
            typeof(BotErrorEvent), typeof(BotLeavingEvent), typeof(BotStoppedEvent), typeof(ManifestCompletedEvent),
            typeof(AudioProcessedEvent), typeof(TranscriptionProcessedEvent), typeof(TranscriptionFailedEvent), typeof(VideoProcessedEvent),
            typeof(BotDoneEvent), typeof(DataDeletionEvent), typeof(ParticipantJoinedEvent), typeof(ParticipantLeftEvent),
            typeof(LiveTranscriptEvent),
        })
        {
            Assert.Contains(expected, seen);
        }

        var reasons = sim.Journal.Webhooks.Where(w => w.Event == "bot.stopped").Select(w => ((BotStoppedEvent)WebhookParser.Parse(w.Body)).Reason.Value).ToHashSet();
        Assert.Equal(new HashSet<string> { "bot.stopped", "bot.kicked", "bot.notallowed", "bot.denied", "bot.failed" }, reasons);
    }

    [Fact]
    public async Task AspNetCoreEndpoint_SignedAndTokenDeliveries_HandlersGetEachEventOnceDespiteDuplicates()
    {
        var received = new List<WebhookEvent>();
        var gate = new object();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Services
            .AddMeetStreamWebhooks(o =>
            {
                o.SigningSecrets.Add(Secret);
                o.CallbackTokenSecrets.Add(TokenSecret);
            })
            .On<WebhookEvent>((e, _) =>
            {
                lock (gate)
                {
                    received.Add(e);
                }

                return Task.CompletedTask;
            });
        await using var app = builder.Build();
        app.MapMeetStreamWebhooks();
        await app.StartAsync(Ct);
        var root = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        var endpoint = root + "/webhooks/meetstream";
        var callback = new WebhookValidator(new WebhookValidatorOptions { CallbackTokenSecrets = { TokenSecret } }).CreateCallbackUrl(endpoint);

        await using var sim = await Simulators.StartManualAsync(o => o.WorkspaceWebhooks.Add(new SimulatorWebhookEndpoint(endpoint, Secret) { Events = ["bot.done"] }));
        using var client = Simulators.Client(sim);
        var bot = (await client.Bots.CreateAsync(Simulators.Bot(callbackUrl: callback, attributes: new() { [SimulatorScenarios.WebhooksAttribute] = "duplicate" }), cancellationToken: Ct)).BotId!;
        await sim.RunUntilEventAsync(bot, "bot.done", cancellationToken: Ct);

        Assert.All(sim.Journal.Webhooks, w => Assert.Equal(200, w.StatusCode));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && Count() < 9)
        {
            await Task.Delay(20, Ct);
        }

        lock (gate)
        {
            Assert.Equal(["bot.joining", "bot.inmeeting", "bot.recording", "bot.leaving", "bot.stopped", "manifest.completed", "audio.processed", "transcription.processed", "bot.done"], received.Select(e => e.Type.Value));
        }

        await app.StopAsync(Ct);

        int Count()
        {
            lock (gate)
            {
                return received.Count;
            }
        }
    }

    private static string[] NullableEnvelopeFields(WebhookEvent parsed) => parsed switch
    {
        ParticipantEvent => ["bot_event", "bot_id", "bot_status", "message", "status_code"],
        LiveTranscriptEvent => ["event", "bot_event", "bot_status", "message", "status_code"],
        BotErrorEvent => ["status_code", "timestamp", "custom_attributes"],
        DataDeletionEvent => ["custom_attributes", "bot_status"],
        ManifestCompletedEvent => ["bot_event", "bot_status"],
        _ => ["bot_status"],
    };
}
