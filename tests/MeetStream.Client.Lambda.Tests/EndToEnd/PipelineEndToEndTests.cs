using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.S3.Model;
using MeetStream.Client.Lambda.Tests.Hosting;
using MeetStream.Client.Lambda.Tests.Infrastructure;
using MeetStream.Client.Tests.Infrastructure;
using static MeetStream.Client.Lambda.Tests.Infrastructure.MeetStreamSamples;

namespace MeetStream.Client.Lambda.Tests.EndToEnd;

/// <summary>
/// The whole pipeline as deployed: the three functions built by <see cref="MeetStreamPipeline"/> from environment
/// settings, each served by its own <see cref="LambdaHost"/> from a fake Runtime API, against WireMock (MeetStream),
/// dynalite (DynamoDB) and s3rver (S3).
/// </summary>
[Collection(nameof(RuntimeHostCollection))]
public sealed class PipelineEndToEndTests(DynaliteServer dynalite, S3rverServer s3rver, WireMockServer wireMock) : IAsyncLifetime
{
    private const string BotId = "bot-e2e-7f3a";
    private const string TranscriptId = "tr-e2e-91c4";
    private PipelineHarness _p = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _p = await PipelineHarness.StartAsync(dynalite, s3rver, wireMock);

    public ValueTask DisposeAsync() => _p.DisposeAsync();

    [Fact]
    public async Task Pipeline_TriggerWebhooksAndTranscript_EndsWithOneBotCorrectStateAndOneTranscriptInS3()
    {
        await _p.MeetStream.StubAsync("POST", "/bots/create_bot", 201, BotCreated(BotId, TranscriptId));
        await _p.MeetStream.StubAsync("GET", $"/bots/{BotId}/detail", 200, Details(BotId, TranscriptId));
        await _p.MeetStream.StubAsync("GET", $"/transcript/{TranscriptId}/get_transcript", 200, Transcript());
        await using var trigger = await HostAsync(MeetStreamPipeline.CalendarTriggerFunctionName);
        await using var webhook = await HostAsync(MeetStreamPipeline.WebhookFunctionName);
        await using var transcript = await HostAsync(MeetStreamPipeline.TranscriptFunctionName);

        // 1. The calendar event fires: one bot, keyed by the event.
        var created = await trigger.Api.Enqueue(PipelineHarness.CalendarEvent()).Outcome;
        Assert.False(created.IsError, created.Text);
        Assert.Equal(BotId, created.Json!["bot_id"]!.GetValue<string>());
        var callbackUrl = new Uri((await _p.MeetStream.SingleReceivedAsync()).Json!["callback_url"]!.GetValue<string>());
        var token = Uri.UnescapeDataString(callbackUrl.Query.Split('=')[1]);

        // 2. MeetStream calls back: per-bot deliveries carry the URL token; duplicated and out of order.
        var t0 = _p.Clock.GetUtcNow();
        var deliveries = new[]
        {
            Lifecycle(BotId, "bot.joining", "Joining", t0),
            Lifecycle(BotId, "bot.inmeeting", "InMeeting", t0.AddSeconds(40)),
            Lifecycle(BotId, "bot.joining", "Joining", t0),
            Lifecycle(BotId, "bot.recording", "Recording", t0.AddSeconds(45)),
            Lifecycle(BotId, "bot.inmeeting", "InMeeting", t0.AddSeconds(40)),
            Lifecycle(BotId, "bot.leaving", "Leaving", t0.AddMinutes(44)),
            TranscriptionProcessed(BotId, t0.AddMinutes(47)),
            Lifecycle(BotId, "bot.stopped", "Stopped", t0.AddMinutes(45)),
            AudioProcessed(BotId, t0.AddMinutes(46)),
            Lifecycle(BotId, "bot.done", "Done", t0.AddMinutes(48)),
            Lifecycle(BotId, "bot.recording", "Recording", t0.AddSeconds(45)),
            TranscriptionProcessed(BotId, t0.AddMinutes(47)),
        };
        var statuses = new List<string>();
        foreach (var delivery in deliveries)
        {
            var answer = await webhook.Api.Enqueue(PipelineHarness.CallbackDelivery(delivery, token)).Outcome;
            Assert.False(answer.IsError, answer.Text);
            Assert.Equal(200, answer.Json!["statusCode"]!.GetValue<int>());
            statuses.Add(JsonNode.Parse(answer.Json!["body"]!.GetValue<string>())!["status"]!.GetValue<string>());
        }

        Assert.Equal(["processed", "processed", "duplicate", "processed", "duplicate", "processed", "processed", "processed", "processed", "processed", "duplicate", "duplicate"], statuses);
        var session = await _p.Sessions.GetAsync(BotId, Ct);
        Assert.Equal(BotStatus.Done, session!.Status);
        Assert.Equal("bot.done", session.LastEvent);
        Assert.Equal(t0.AddMinutes(45), session.StoppedAt);
        Assert.Equal("bot.stopped", session.StopReason);
        Assert.Equal(TranscriptProgress.Pending, session.Transcript);
        Assert.Equal("cal-42", session.CalendarEventId);

        // 3. The calendar trigger fires again: no second bot.
        var repeated = await trigger.Api.Enqueue(PipelineHarness.CalendarEvent()).Outcome;
        Assert.Equal(BotId, repeated.Json!["bot_id"]!.GetValue<string>());
        Assert.True(repeated.Json!["replayed"]!.GetValue<bool>());
        Assert.Single(await _p.MeetStream.ReceivedAsync(), r => r.Path == "/bots/create_bot");

        // 4. The stream record (twice, as streams may redeliver) and a scheduled sweep: one fetch, one object.
        var record = await StreamRecordOfAsync(BotId);
        var fromStream = await transcript.Api.Enqueue(new JsonObject { ["Records"] = new JsonArray(record.DeepClone(), record.DeepClone()) }).Outcome;
        var fromSchedule = await transcript.Api.Enqueue(new JsonObject { ["source"] = "aws.events", ["detail-type"] = "Scheduled Event", ["detail"] = new JsonObject() }).Outcome;
        Assert.False(fromStream.IsError, fromStream.Text);
        Assert.False(fromSchedule.IsError, fromSchedule.Text);
        Assert.Equal(["stored", "already_final"], fromStream.Json!["results"]!.AsArray().Select(r => r!["outcome"]!.GetValue<string>()));
        Assert.Empty(fromSchedule.Json!["results"]!.AsArray());

        var fetches = (await _p.MeetStream.ReceivedAsync()).Count(r => r.Path == $"/transcript/{TranscriptId}/get_transcript");
        Assert.Equal(1, fetches);
        var objects = await _p.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _p.Bucket, Prefix = "transcripts/" }, Ct);
        Assert.Equal([$"transcripts/{BotId}/{TranscriptId}.analytics.json", $"transcripts/{BotId}/{TranscriptId}.json"], (objects.S3Objects ?? []).Select(o => o.Key).Order(StringComparer.Ordinal));
        var stored = objects.S3Objects!.Single(o => o.Key.EndsWith("/" + TranscriptId + ".json", StringComparison.Ordinal));
        Assert.Equal(["Alice Chen", "Bob Martin"], MeetingAnalyticsDocument.Parse((await _p.Transcripts.GetAsync($"transcripts/{BotId}/{TranscriptId}.analytics.json", Ct))!).Participants.Select(p => p.Name));
        Assert.True(JsonNode.DeepEquals(Transcript(), JsonNode.Parse((await _p.Transcripts.GetAsync(stored.Key, Ct))!)));
        var final = await _p.Sessions.GetAsync(BotId, Ct);
        Assert.Equal(TranscriptProgress.Stored, final!.Transcript);
        Assert.Equal(stored.Key, final.TranscriptS3Key);
        Assert.Null(final.WorkDue);
    }

    [Fact]
    public async Task Pipeline_MeetStream503OnCreate_IsAFunctionErrorWithoutSession()
    {
        await _p.MeetStream.StubAsync("POST", "/bots/create_bot", 503, new JsonObject { ["message"] = "Service temporarily unavailable" });
        await using var trigger = await HostAsync(MeetStreamPipeline.CalendarTriggerFunctionName);

        var outcome = await trigger.Api.Enqueue(PipelineHarness.CalendarEvent()).Outcome;

        Assert.True(outcome.IsError);
        Assert.Equal("Function.Unhandled", outcome.ErrorTypeHeader);
        Assert.Equal("MeetStream.Client.MeetStreamServerException", outcome.Json!["errorType"]!.GetValue<string>());
        Assert.Empty(await _p.Sessions.FindByCalendarEventAsync("cal-42", Ct));
    }

    [Fact]
    public async Task Pipeline_DynamoDbThrottlesTheWebhook_IsAFunctionErrorAndTheRedeliveryIsApplied()
    {
        await using var aws = await FailingAwsEndpoint.StartAsync(400, "ProvisionedThroughputExceededException");
        using var failing = aws.CreateDynamoDbClient();
        var delivery = _p.SignedDelivery(Lifecycle("bot-throttled", "bot.joining", "Joining", _p.Clock.GetUtcNow()));
        await using (var throttled = await HostAsync(MeetStreamPipeline.WebhookFunctionName, failing))
        {
            var outcome = await throttled.Api.Enqueue(delivery).Outcome;

            Assert.True(outcome.IsError);
            Assert.Equal("MeetStream.Client.Lambda.LambdaStorageException", outcome.Json!["errorType"]!.GetValue<string>());
            Assert.Contains("ProvisionedThroughputExceededException", outcome.Json!["errorMessage"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.Null(await _p.Sessions.GetAsync("bot-throttled", Ct));
        await using var healthy = await HostAsync(MeetStreamPipeline.WebhookFunctionName);
        var retried = await healthy.Api.Enqueue(delivery).Outcome;

        Assert.Equal("processed", JsonNode.Parse(retried.Json!["body"]!.GetValue<string>())!["status"]!.GetValue<string>());
        Assert.Equal(BotStatus.Joining, (await _p.Sessions.GetAsync("bot-throttled", Ct))!.Status);
    }

    [Fact]
    public async Task Pipeline_MissingTableSetting_ReportsAnInitError()
    {
        await using var host = await HostHarness.StartAsync(ct => MeetStreamPipeline.CreateFunctionAsync(MeetStreamPipeline.WebhookFunctionName, Options(dynamo: null, without: "MEETSTREAM_SESSIONS_TABLE"), ct));

        var initError = await host.Api.InitError.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.Equal("MeetStream.Client.Lambda.LambdaHostException", initError.Json!["errorType"]!.GetValue<string>());
        Assert.Contains("MEETSTREAM_SESSIONS_TABLE", initError.Json!["errorMessage"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private Task<HostHarness> HostAsync(string functionName, IAmazonDynamoDB? dynamo = null) =>
        HostHarness.StartAsync(ct => MeetStreamPipeline.CreateFunctionAsync(functionName, Options(dynamo ?? _p.DynamoDb), ct));

    private MeetStreamPipelineOptions Options(IAmazonDynamoDB? dynamo, string? without = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["MEETSTREAM_API_KEY"] = TestClients.ApiKey,
            ["MEETSTREAM_API_URL"] = _p.MeetStream.BaseUrl.ToString(),
            ["MEETSTREAM_WEBHOOK_SECRET"] = "whsec_old_rotated_out, " + LambdaEvents.SigningSecret,
            ["MEETSTREAM_CALLBACK_TOKEN_SECRET"] = LambdaEvents.TokenSecret,
            ["MEETSTREAM_WEBHOOK_URL"] = "https://hooks.example.com/webhooks",
            ["MEETSTREAM_SESSIONS_TABLE"] = _p.SessionOptions.TableName,
            ["MEETSTREAM_IDEMPOTENCY_TABLE"] = _p.LedgerOptions.TableName,
            ["MEETSTREAM_TRANSCRIPTS_BUCKET"] = _p.Bucket,
        };
        if (without is not null)
        {
            environment.Remove(without);
        }

        return new MeetStreamPipelineOptions
        {
            GetEnvironmentVariable = name => environment.TryGetValue(name, out var value) ? value : null,
            DynamoDb = dynamo,
            S3 = _p.S3,
            TimeProvider = _p.Clock,
            ConfigureClient = o =>
            {
                o.TimeProvider = TimeProvider.System; // retry pauses are real (10 ms); the session clock stays fake
                o.Retry.UseJitter = false;
                o.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
            },
        };
    }

    /// <summary>Builds the DynamoDB Streams record (NEW_AND_OLD_IMAGES) the session's transition to pending produces.</summary>
    private async Task<JsonObject> StreamRecordOfAsync(string botId)
    {
        var item = (await _p.DynamoDb.GetItemAsync(new Amazon.DynamoDBv2.Model.GetItemRequest { TableName = _p.SessionOptions.TableName, Key = new() { ["bot_id"] = new Amazon.DynamoDBv2.Model.AttributeValue { S = botId } }, ConsistentRead = true }, Ct)).Item;
        var image = new JsonObject();
        foreach (var (name, value) in item)
        {
            image[name] = value.S is not null ? new JsonObject { ["S"] = value.S } : new JsonObject { ["N"] = value.N };
        }

        var old = (JsonObject)image.DeepClone();
        old["work_state"] = new JsonObject { ["S"] = "awaiting" };
        return new JsonObject
        {
            ["eventID"] = "7de3041dd709b024af6f29e4fa13d34c",
            ["eventName"] = "MODIFY",
            ["eventVersion"] = "1.1",
            ["eventSource"] = "aws:dynamodb",
            ["awsRegion"] = "us-east-1",
            ["dynamodb"] = new JsonObject
            {
                ["Keys"] = new JsonObject { ["bot_id"] = new JsonObject { ["S"] = botId } },
                ["NewImage"] = image,
                ["OldImage"] = old,
                ["SequenceNumber"] = "111100000000012345678901",
                ["StreamViewType"] = "NEW_AND_OLD_IMAGES",
            },
        };
    }
}
