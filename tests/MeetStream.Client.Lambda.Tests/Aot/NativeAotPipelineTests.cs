using System.Text.Json.Nodes;
using MeetStream.Client.Lambda.Tests.Infrastructure;
using MeetStream.Client.Tests.Infrastructure;
using static MeetStream.Client.Lambda.Tests.Infrastructure.MeetStreamSamples;

namespace MeetStream.Client.Lambda.Tests.Aot;

/// <summary>
/// The sample pipeline published with Native AOT (net8.0 and net10.0, linux-x64) builds without a single trim/AOT warning and, run
/// as a separate process exactly as Lambda runs a <c>bootstrap</c>, answers events from the fake Runtime API against
/// dynalite, s3rver, fauxqs and WireMock.
/// </summary>
[Collection(nameof(PublishedPipelineCollection))]
public sealed class NativeAotPipelineTests(PublishedPipeline published, DynaliteServer dynalite, S3rverServer s3rver, FauxqsServer fauxqs, WireMockServer wireMock)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("net8.0")]
    [InlineData("net10.0")]
    public async Task NativeAotPublish_Sample_SucceedsWithZeroTrimOrAotWarnings(string framework)
    {
        var publish = await published.AotAsync(framework);

        Assert.True(publish.ExitCode == 0, $"Native AOT publish ({framework}) failed:\n" + publish.Output);
        Assert.True(publish.Warnings.Count == 0, $"Native AOT publish ({framework}) produced warnings:\n" + string.Join("\n", publish.Warnings));
        Assert.True(File.Exists(publish.Entry), "No native binary at " + publish.Entry);
    }

    [Theory]
    [InlineData("net8.0")]
    [InlineData("net10.0")]
    public async Task NativeAotBinary_WebhookFunction_AnswersEveryHttpEventShape(string framework)
    {
        var publish = await RequireAsync(framework);
        var (sessions, idempotency) = await dynalite.CreateTablesAsync(TimeProvider.System);
        await using var api = await FakeRuntimeApi.StartAsync();
        using var process = PipelineProcess.Start(publish, PipelineEnvironment.For("webhook", api.Address, sessions, idempotency, dynalite));
        var now = DateTimeOffset.UtcNow;

        var httpApi = await api.Enqueue(PipelineEnvironment.SignedNow(Lifecycle("aot-1", "bot.joining", "Joining", now))).Outcome;
        var rest = await api.Enqueue(PipelineEnvironment.SignedNowRest(Lifecycle("aot-1", "bot.inmeeting", "InMeeting", now.AddSeconds(30)))).Outcome;
        var functionUrl = await api.Enqueue(PipelineEnvironment.SignedNowFunctionUrl(Lifecycle("aot-1", "bot.recording", "Recording", now.AddSeconds(35)))).Outcome;
        var late = await api.Enqueue(PipelineEnvironment.SignedNow(Lifecycle("aot-1", "bot.joining", "Joining", now.AddSeconds(1)))).Outcome;
        var forged = await api.Enqueue(LambdaEvents.HttpApiEvent("{\"bot_id\":\"aot-1\"}", new JsonObject { ["x-meetstream-signature"] = "sha256=" + new string('0', 64) }, string.Empty)).Outcome;

        Assert.Equal(("processed", 200), Describe(httpApi));
        Assert.Null(rest.Json!["version"]);
        Assert.Equal(("processed", 200), Describe(rest));
        Assert.Equal(("processed", 200), Describe(functionUrl));
        Assert.Equal(("processed", 200), Describe(late));
        Assert.Equal("stale", JsonNode.Parse(late.Json!["body"]!.GetValue<string>())!["effect"]!.GetValue<string>());
        Assert.Equal(("unauthorized", 401), Describe(forged));
        using var client = dynalite.CreateClient();
        var session = await new DynamoDbBotSessionStore(client, sessions).GetAsync("aot-1", Ct);
        Assert.Equal(BotStatus.Recording, session!.Status);
    }

    [Theory]
    [InlineData("net8.0")]
    [InlineData("net10.0")]
    public async Task NativeAotBinary_NotAnHttpEvent_ReportsAFunctionErrorAndKeepsServing(string framework)
    {
        var publish = await RequireAsync(framework);
        var (sessions, idempotency) = await dynalite.CreateTablesAsync(TimeProvider.System);
        await using var api = await FakeRuntimeApi.StartAsync();
        using var process = PipelineProcess.Start(publish, PipelineEnvironment.For("webhook", api.Address, sessions, idempotency, dynalite));

        var error = await api.Enqueue("{\"Records\":[]}").Outcome;
        var next = await api.Enqueue(PipelineEnvironment.SignedNow(Lifecycle("aot-2", "bot.joining", "Joining", DateTimeOffset.UtcNow))).Outcome;

        Assert.True(error.IsError);
        Assert.Equal("Function.Unhandled", error.ErrorTypeHeader);
        Assert.Equal("MeetStream.Client.Lambda.LambdaEventException", error.Json!["errorType"]!.GetValue<string>());
        Assert.NotEmpty(error.Json!["stackTrace"]!.AsArray());
        Assert.Equal(("processed", 200), Describe(next));
    }

    [Theory]
    [InlineData("net8.0")]
    [InlineData("net10.0")]
    public async Task NativeAotBinary_CalendarTriggerAndTranscript_CreateTheBotAndStoreTheTranscript(string framework)
    {
        var publish = await RequireAsync(framework);
        var (sessions, idempotency) = await dynalite.CreateTablesAsync(TimeProvider.System);
        var bucket = await s3rver.CreateBucketAsync();
        var meetStream = wireMock.CreateScope();
        await meetStream.StubAsync("POST", "/bots/create_bot", 201, BotCreated("aot-bot", "aot-tr"));
        await meetStream.StubAsync("GET", "/bots/aot-bot/detail", 200, Details("aot-bot", "aot-tr"));
        await meetStream.StubAsync("GET", "/transcript/aot-tr/get_transcript", 200, Transcript());
        await using var triggerApi = await FakeRuntimeApi.StartAsync();
        await using var transcriptApi = await FakeRuntimeApi.StartAsync();
        using var trigger = PipelineProcess.Start(publish, PipelineEnvironment.For("calendar-trigger", triggerApi.Address, sessions, idempotency, dynalite, s3rver, bucket, meetStream.BaseUrl));
        using var transcript = PipelineProcess.Start(publish, PipelineEnvironment.For("transcript", transcriptApi.Address, sessions, idempotency, dynalite, s3rver, bucket, meetStream.BaseUrl));

        var created = await triggerApi.Enqueue(PipelineHarness.CalendarEvent(joinAt: DateTimeOffset.UtcNow.AddHours(1))).Outcome;
        var stored = await transcriptApi.Enqueue(new JsonObject { ["bot_id"] = "aot-bot" }).Outcome;

        Assert.False(created.IsError, created.Text + trigger.Output);
        Assert.Equal("aot-bot", created.Json!["bot_id"]!.GetValue<string>());
        Assert.False(stored.IsError, stored.Text + transcript.Output);
        Assert.Equal("stored", stored.Json!["results"]![0]!["outcome"]!.GetValue<string>());
        var create = (await meetStream.ReceivedAsync()).First(r => r.Path == "/bots/create_bot");
        Assert.Equal(CalendarTriggerFunction.CreateIdempotencyKey("cal-42", "user-7"), create.Headers["Idempotency-Key"]);
        Assert.Equal("Token " + PipelineEnvironment.ApiKey, create.Headers["Authorization"]);
        using var s3 = s3rver.CreateClient();
        var bytes = await new S3TranscriptStore(s3, new S3TranscriptStoreOptions { BucketName = bucket }).GetAsync("transcripts/aot-bot/aot-tr.json", Ct);
        Assert.True(JsonNode.DeepEquals(Transcript(), JsonNode.Parse(bytes!)));
        var analytics = await new S3TranscriptStore(s3, new S3TranscriptStoreOptions { BucketName = bucket }).GetAsync("transcripts/aot-bot/aot-tr.analytics.json", Ct);
        Assert.Equal(["Alice Chen", "Bob Martin"], MeetingAnalyticsDocument.Parse(analytics).Participants.Select(p => p.Name));
    }

    [Theory]
    [InlineData("net8.0")]
    [InlineData("net10.0")]
    public async Task NativeAotBinary_KeywordAlerts_SendsEachHitToSqs(string framework)
    {
        var publish = await RequireAsync(framework);
        var (sessions, idempotency) = await dynalite.CreateTablesAsync(TimeProvider.System);
        var queueUrl = await fauxqs.CreateQueueAsync(fifo: true);
        await using var api = await FakeRuntimeApi.StartAsync();
        var environment = PipelineEnvironment.For("keyword-alerts", api.Address, sessions, idempotency, dynalite);
        environment["AWS_ENDPOINT_URL_SQS"] = fauxqs.Url.ToString();
        environment["MEETSTREAM_KEYWORD_QUEUE_URL"] = queueUrl;
        environment["MEETSTREAM_KEYWORDS"] = "sales:pricing, competitor:Acme Corp";
        using var process = PipelineProcess.Start(publish, environment);
        var validator = new MeetStream.Client.Webhooks.WebhookValidator(new MeetStream.Client.Webhooks.WebhookValidatorOptions { CallbackTokenSecrets = { LambdaEvents.TokenSecret } });
        var token = new Uri(validator.CreateCallbackUrl("https://alerts.example.com/live")).Query.Split('=')[1];
        var chunk = new JsonObject { ["bot_id"] = "aot-kw", ["speakerName"] = "Dana Buyer", ["timestamp"] = "2026-12-07T10:00:00Z", ["new_text"] = "What is the pricing compared to Acme Corp?", ["is_final"] = true };

        var answer = await api.Enqueue(LambdaEvents.HttpApiEvent(chunk.ToJsonString(), new JsonObject { ["content-type"] = "application/json" }, "meetstream_token=" + token)).Outcome;
        var forged = await api.Enqueue(LambdaEvents.HttpApiEvent(chunk.ToJsonString(), new JsonObject { ["content-type"] = "application/json" }, string.Empty)).Outcome;

        Assert.Equal(("processed", 200), Describe(answer));
        Assert.Equal(2, JsonNode.Parse(answer.Json!["body"]!.GetValue<string>())!["sent"]!.GetValue<int>());
        Assert.Equal(("unauthorized", 401), Describe(forged));
        var messages = await fauxqs.DrainAsync(queueUrl);
        Assert.Equal(["Acme Corp", "pricing"], messages.Select(m => JsonNode.Parse(m.Body)!["keyword"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(messages, m => Assert.Equal("aot-kw", m.Attributes["MessageGroupId"]));
    }

    [Theory]
    [InlineData("net8.0")]
    [InlineData("net10.0")]
    public async Task NativeAotBinary_MissingSetting_ReportsAnInitErrorAndExits(string framework)
    {
        var publish = await RequireAsync(framework);
        var (sessions, idempotency) = await dynalite.CreateTablesAsync(TimeProvider.System);
        await using var api = await FakeRuntimeApi.StartAsync();
        var environment = PipelineEnvironment.For("webhook", api.Address, sessions, idempotency, dynalite);
        environment.Remove("MEETSTREAM_WEBHOOK_SECRET");
        environment.Remove("MEETSTREAM_CALLBACK_TOKEN_SECRET");
        using var process = PipelineProcess.Start(publish, environment);

        var initError = await api.InitError.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.Equal("Runtime.InitError", initError.ErrorTypeHeader);
        Assert.Contains("MEETSTREAM_WEBHOOK_SECRET", initError.Json!["errorMessage"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, api.NextCalls);
    }

    private static (string Status, int Code) Describe(FakeOutcome outcome)
    {
        Assert.False(outcome.IsError, outcome.Text);
        return (JsonNode.Parse(outcome.Json!["body"]!.GetValue<string>())!["status"]!.GetValue<string>(), outcome.Json!["statusCode"]!.GetValue<int>());
    }

    private async Task<Publish> RequireAsync(string framework)
    {
        var publish = await published.AotAsync(framework);
        Assert.True(publish.ExitCode == 0, $"Native AOT publish ({framework}) failed:\n" + publish.Output);
        return publish;
    }
}
