using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MeetStream.Client.AspNetCore.Tests.Infrastructure;
using MeetStream.Client.Tests.Infrastructure;
using MeetStream.Client.Tests.Webhooks;
using MeetStream.Client.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeetStream.Client.AspNetCore.Tests;

public sealed class WebhookEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Post_SignedLifecycleEvent_Answers200AndDispatchesTypedEvent()
    {
        var received = new TaskCompletionSource<BotStoppedEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await WebhookTestHost.StartAsync(handlers: b => b.On<BotStoppedEvent>((e, _) =>
        {
            received.TrySetResult(e);
            return Task.CompletedTask;
        }));

        using var response = await host.Client.SendAsync(WebhookTestHost.Signed(WebhookPayloads.Stopped("bot.kicked", "Stopped", 200, "Bot was removed")), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("""{"status":"accepted"}""", await response.Content.ReadAsStringAsync(Ct));
        var stopped = await received.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);
        Assert.Equal(BotStopReason.Kicked, stopped.Reason);
        Assert.Equal(WebhookPayloads.BotId, stopped.BotId);
    }

    [Fact]
    public async Task Post_WrongSignature_Answers401ProblemAndLogsReason()
    {
        var dispatched = 0;
        await using var host = await WebhookTestHost.StartAsync(handlers: b => b.On<WebhookEvent>((_, _) =>
        {
            Interlocked.Increment(ref dispatched);
            return Task.CompletedTask;
        }));

        using var response = await host.Client.SendAsync(WebhookTestHost.Signed(WebhookPayloads.AudioProcessed, secret: "whsec_wrong"), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(401, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Unauthorized", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal("SignatureMismatch", problem.RootElement.GetProperty("reason").GetString());
        Assert.Contains("X-MeetStream-Signature", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var log = Assert.Single(host.Logs.Lines, l => l.EventId.Id == 2001);
        Assert.Equal(LogLevel.Warning, log.Level);
        Assert.Contains("SignatureMismatch", log.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(WebhookTestHost.Secret, log.Message, StringComparison.Ordinal);
        Assert.Equal(0, Volatile.Read(ref dispatched));
    }

    [Fact]
    public async Task Post_NoSignature_Answers401MissingSignature()
    {
        await using var host = await WebhookTestHost.StartAsync();

        using var response = await host.Client.SendAsync(WebhookTestHost.Unsigned(Encoding.UTF8.GetBytes(WebhookPayloads.AudioProcessed)), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("MissingSignature", await ReasonAsync(response));
    }

    [Fact]
    public async Task Post_StaleTimestamp_Answers401StaleTimestamp()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));
        await using var host = await WebhookTestHost.StartAsync(o => o.TimeProvider = clock);

        using var fresh = await host.Client.SendAsync(WebhookTestHost.Signed(WebhookPayloads.AudioProcessed, "2026-11-21T11:59:00Z"), Ct);
        using var stale = await host.Client.SendAsync(WebhookTestHost.Signed(WebhookPayloads.VideoProcessed, "2026-11-21T11:50:00Z"), Ct);
        using var malformed = await host.Client.SendAsync(WebhookTestHost.Signed(WebhookPayloads.ManifestCompleted, "last tuesday"), Ct);

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Equal("StaleTimestamp", await ReasonAsync(stale));
        Assert.Equal(HttpStatusCode.Unauthorized, malformed.StatusCode);
        Assert.Equal("MalformedTimestamp", await ReasonAsync(malformed));
    }

    public static TheoryData<byte[], string> BadBodies => new()
    {
        { "{\"event\":\"bot.joining\",\"bot_id\":"u8.ToArray(), "InvalidJson" },
        { "[{\"event\":\"bot.joining\"}]"u8.ToArray(), "NotAnObject" },
        { "{\"event\":\"bot.joining\",\"status_code\":{\"a\":1}}"u8.ToArray(), "InvalidField" },
        { Encoding.UTF8.GetBytes("{\"a\":" + new string('[', 1000) + new string(']', 1000) + "}"), "NestingTooDeep" },
        { new byte[] { 0x7B, 0x22, 0x65, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D }, "InvalidUtf8" },
        { [], "EmptyBody" },
        { "{}"u8.ToArray(), "MissingEventType" },
        { "{\"event\":null}"u8.ToArray(), "MissingEventType" },
        { "{\"bot_id\":\"m\"}"u8.ToArray(), "MissingEventType" },
        { "{\"event\":\"\",\"bot_event\":null,\"bot_id\":\"m\",\"timestamp\":\"2026-11-21T12:00:00Z\"}"u8.ToArray(), "MissingEventType" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Post_SignedBadBody_Answers400AndDispatchesNothing(byte[] body, string error)
    {
        var dispatched = 0;
        await using var host = await WebhookTestHost.StartAsync(handlers: b => b.On<WebhookEvent>((e, _) =>
        {
            if (e.BotId != MarkerWatch.BotId)
            {
                Interlocked.Increment(ref dispatched);
            }

            return Task.CompletedTask;
        }));
        using var request = WebhookTestHost.Unsigned(body);
        request.Headers.TryAddWithoutValidation(WebhookValidator.SignatureHeaderName, WebhookValidator.ComputeSignature(body, WebhookTestHost.Secret));

        using var response = await host.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(error, problem.RootElement.GetProperty("error").GetString());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains(host.Logs.Lines, l => l.EventId.Id == 2002 && l.Message.Contains(error, StringComparison.Ordinal));
        await DrainAsync(host);
        Assert.Equal(0, Volatile.Read(ref dispatched));
    }

    [Fact]
    public async Task Post_SignedObjectNamingNoEvent_Answers400SaysWhatIsMissingAndCountsReason()
    {
        var reasons = new ConcurrentQueue<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "MeetStream.Client" && instrument.Name == "meetstream.webhooks.deliveries")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            var all = tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString());
            if (all.GetValueOrDefault("outcome") == "malformed")
            {
                reasons.Enqueue(all.GetValueOrDefault("reason") ?? "(none)");
            }
        });
        listener.Start();
        var dispatched = 0;
        await using var host = await WebhookTestHost.StartAsync(handlers: b => b.On<WebhookEvent>((e, _) =>
        {
            if (e.BotId != MarkerWatch.BotId)
            {
                Interlocked.Increment(ref dispatched);
            }

            return Task.CompletedTask;
        }));

        using var response = await host.Client.SendAsync(WebhookTestHost.Signed("""{"bot_id":"bot-envelope-1","bot_status":"Joining","status_code":200}"""), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("MissingEventType", problem.RootElement.GetProperty("error").GetString());
        Assert.Contains("'event' is missing and 'bot_event' is missing", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("MissingEventType", reasons);
        Assert.DoesNotContain("(none)", reasons);
        await DrainAsync(host);
        Assert.Equal(0, Volatile.Read(ref dispatched));
    }

    [Fact]
    public async Task Post_TenMegabyteBody_Answers413()
    {
        await using var host = await WebhookTestHost.StartAsync();
        var body = new byte[10 * 1024 * 1024];
        body.AsSpan().Fill((byte)' ');
        body[0] = (byte)'{';
        body[^1] = (byte)'}';

        using var response = await host.Client.SendAsync(WebhookTestHost.Signed(Encoding.UTF8.GetString(body)), Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("BodyTooLarge", await ReasonAsync(response));
        Assert.Contains(host.Logs.Lines, l => l.EventId.Id == 2003);
    }

    [Fact]
    public async Task Post_ChunkedBodyOverLimit_Answers413()
    {
        await using var host = await WebhookTestHost.StartAsync(o => o.MaxBodyBytes = 4096);
        var request = new HttpRequestMessage(HttpMethod.Post, WebhookTestHost.Path)
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"pad\":\"" + new string('a', 10_000) + "\"}"))),
        };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.TryAddWithoutValidation(WebhookValidator.SignatureHeaderName, "sha256=" + new string('0', 64));

        using var response = await host.Client.SendAsync(request, Ct);

        Assert.Null(request.Content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_BodyAtLimit_IsAccepted()
    {
        var json = WebhookPayloads.AudioProcessed;
        await using var host = await WebhookTestHost.StartAsync(o => o.MaxBodyBytes = Encoding.UTF8.GetByteCount(json));

        using var response = await host.Client.SendAsync(WebhookTestHost.Signed(json), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_SameEventTwice_SecondAnsweredDuplicateAndDispatchedOnce()
    {
        var dispatched = 0;
        await using var host = await WebhookTestHost.StartAsync(handlers: b => b.On<BotRecordingEvent>((_, _) =>
        {
            Interlocked.Increment(ref dispatched);
            return Task.CompletedTask;
        }));
        var json = WebhookPayloads.Lifecycle("bot.recording", "Recording", "Bot started recording");

        using var first = await host.Client.SendAsync(WebhookTestHost.Signed(json), Ct);
        using var second = await host.Client.SendAsync(WebhookTestHost.Signed(json), Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("""{"status":"duplicate"}""", await second.Content.ReadAsStringAsync(Ct));
        await DrainAsync(host);
        Assert.Equal(1, Volatile.Read(ref dispatched));
    }

    [Fact]
    public async Task Post_SameEventTwiceWithDeduplicationOff_DispatchedTwice()
    {
        var dispatched = 0;
        await using var host = await WebhookTestHost.StartAsync(o => o.EnableDeduplication = false, b => b.On<BotRecordingEvent>((_, _) =>
        {
            Interlocked.Increment(ref dispatched);
            return Task.CompletedTask;
        }));
        var json = WebhookPayloads.Lifecycle("bot.recording", "Recording", "Bot started recording");

        (await host.Client.SendAsync(WebhookTestHost.Signed(json), Ct)).Dispose();
        (await host.Client.SendAsync(WebhookTestHost.Signed(json), Ct)).Dispose();

        await DrainAsync(host);
        Assert.Equal(2, Volatile.Read(ref dispatched));
    }

    [Fact]
    public async Task Post_UnsignedWithCallbackToken_IsAccepted()
    {
        var received = new TaskCompletionSource<LiveTranscriptEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await WebhookTestHost.StartAsync(
            o =>
            {
                o.SigningSecrets.Clear();
                o.CallbackTokenSecrets.Add("cb_test_secret_0123456789abcdef");
            },
            b => b.On<LiveTranscriptEvent>((e, _) =>
            {
                received.TrySetResult(e);
                return Task.CompletedTask;
            }));
        var validator = host.App.Services.GetRequiredService<WebhookValidator>();
        var callbackUrl = new Uri(validator.CreateCallbackUrl(new Uri(host.Client.BaseAddress!, WebhookTestHost.Path).AbsoluteUri));

        using var response = await host.Client.SendAsync(WebhookTestHost.Unsigned(Encoding.UTF8.GetBytes(WebhookPayloads.LiveTranscript), callbackUrl.PathAndQuery), Ct);
        using var withoutToken = await host.Client.SendAsync(WebhookTestHost.Unsigned(Encoding.UTF8.GetBytes(WebhookPayloads.LiveTranscript)), Ct);
        using var forged = await host.Client.SendAsync(WebhookTestHost.Unsigned(Encoding.UTF8.GetBytes(WebhookPayloads.LiveTranscript), WebhookTestHost.Path + "?meetstream_token=v1.forged"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("the engine", (await received.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct)).NewText);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutToken.StatusCode);
        Assert.Equal("MissingCallbackToken", await ReasonAsync(withoutToken));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal("InvalidCallbackToken", await ReasonAsync(forged));
    }

    [Fact]
    public async Task Post_UnsignedWhenOptedIn_IsAccepted()
    {
        await using var host = await WebhookTestHost.StartAsync(o =>
        {
            o.SigningSecrets.Clear();
            o.AllowUnsignedDeliveries = true;
        });

        using var response = await host.Client.SendAsync(WebhookTestHost.Unsigned(Encoding.UTF8.GetBytes(WebhookPayloads.ParticipantJoin)), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_Endpoint_IsNotMapped()
    {
        await using var host = await WebhookTestHost.StartAsync();

        using var response = await host.Client.GetAsync(WebhookTestHost.Path, Ct);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Dispatch_HandlerThrows_IsLoggedWithEventAndLaterEventsStillDispatched()
    {
        var later = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await WebhookTestHost.StartAsync(handlers: b => b
            .On<BotJoiningEvent>((_, _) => throw new InvalidOperationException("handler bug"))
            .On<BotInMeetingEvent>((_, _) =>
            {
                later.TrySetResult();
                return Task.CompletedTask;
            }));

        (await host.Client.SendAsync(WebhookTestHost.Signed(WebhookPayloads.Lifecycle("bot.joining", "Joining", "Bot is joining the meeting")), Ct)).Dispose();
        (await host.Client.SendAsync(WebhookTestHost.Signed(WebhookPayloads.Lifecycle("bot.inmeeting", "InMeeting", "Bot is in the meeting")), Ct)).Dispose();

        await later.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);
        var log = Assert.Single(host.Logs.Lines, l => l.EventId.Id == 2008);
        Assert.Equal(LogLevel.Error, log.Level);
        Assert.Equal("handler bug", log.Exception!.Message);
        Assert.Contains("bot.joining for bot " + WebhookPayloads.BotId, log.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_HandlersForTypeAndBaseTypes_AllRunInScopes()
    {
        var calls = new List<string>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await WebhookTestHost.StartAsync(
            handlers: b => b
                .AddHandler<BotStoppedEvent, RecordingHandler>()
                .AddHandler<BotLifecycleEvent, RecordingHandler>()
                .AddHandler<WebhookEvent, RecordingHandler>()
                .On<WebhookEvent>((e, sp, _) =>
                {
                    lock (calls)
                    {
                        calls.Add("delegate:" + sp.GetRequiredService<ScopedCounter>().Id);
                    }

                    done.TrySetResult();
                    return Task.CompletedTask;
                }),
            services: s =>
            {
                s.AddScoped<ScopedCounter>();
                s.AddSingleton(calls);
            });

        (await host.Client.SendAsync(WebhookTestHost.Signed(WebhookPayloads.Stopped("bot.denied", "Denied", 500, "Host denied entry")), Ct)).Dispose();

        await done.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);
        Assert.Equal(4, calls.Count);
        Assert.Equal("BotStoppedEvent", calls[0].Split(':')[0]);
        Assert.Equal("BotLifecycleEvent", calls[1].Split(':')[0]);
        Assert.Equal("WebhookEvent", calls[2].Split(':')[0]);
        Assert.Single(calls.Select(c => c.Split(':')[1]).Distinct());
    }

    [Fact]
    public async Task Dispatch_UnknownEvent_ReachesBaseHandlerWithRawJson()
    {
        var received = new TaskCompletionSource<WebhookEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await WebhookTestHost.StartAsync(handlers: b => b.On<WebhookEvent>((e, _) =>
        {
            received.TrySetResult(e);
            return Task.CompletedTask;
        }));
        const string json = """{"event":"bot.teleported","bot_id":"b1","timestamp":"2026-11-21T12:00:00Z"}""";

        (await host.Client.SendAsync(WebhookTestHost.Signed(json), Ct)).Dispose();

        var unknown = Assert.IsType<UnknownWebhookEvent>(await received.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct));
        Assert.Equal(json, unknown.RawJson);
    }

    [Fact]
    public void KnownEventTypes_CoverEveryEventTypeOfTheCorePackage()
    {
        var eventTypes = typeof(WebhookEvent).Assembly.GetTypes().Where(t => typeof(WebhookEvent).IsAssignableFrom(t) && t.IsPublic);

        Assert.All(eventTypes, t => Assert.Contains(t, Internal.WebhookHandlerInvoker.KnownEventTypes));
    }

    internal static async Task<string?> ReasonAsync(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return problem.RootElement.GetProperty("reason").GetString();
    }

    /// <summary>Sends a marker event and waits until it is dispatched: everything accepted earlier has been dispatched too.</summary>
    internal static async Task DrainAsync(WebhookTestHost host)
    {
        var marker = $$"""{"event":"test.marker","bot_id":"{{MarkerWatch.BotId}}","timestamp":"{{Guid.NewGuid()}}"}""";
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var invoker = host.App.Services.GetRequiredService<MarkerWatch>();
        invoker.Expect(seen);
        using var response = await host.Client.SendAsync(WebhookTestHost.Signed(marker), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await seen.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);
    }

    private sealed class ScopedCounter
    {
        public Guid Id { get; } = Guid.NewGuid();
    }

    private sealed class RecordingHandler(List<string> calls, ScopedCounter scope) :
        IMeetStreamWebhookHandler<BotStoppedEvent>,
        IMeetStreamWebhookHandler<BotLifecycleEvent>,
        IMeetStreamWebhookHandler<WebhookEvent>
    {
        public Task HandleAsync(BotStoppedEvent webhookEvent, CancellationToken cancellationToken) => Add("BotStoppedEvent");

        public Task HandleAsync(BotLifecycleEvent webhookEvent, CancellationToken cancellationToken) => Add("BotLifecycleEvent");

        public Task HandleAsync(WebhookEvent webhookEvent, CancellationToken cancellationToken) => Add("WebhookEvent");

        private Task Add(string name)
        {
            lock (calls)
            {
                calls.Add(name + ":" + scope.Id);
            }

            return Task.CompletedTask;
        }
    }
}
