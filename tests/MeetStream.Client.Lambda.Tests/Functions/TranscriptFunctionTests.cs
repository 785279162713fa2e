using System.Text.Json.Nodes;
using MeetStream.Client.Lambda.Tests.Infrastructure;
using MeetStream.Client.Tests.Infrastructure;
using static MeetStream.Client.Lambda.Tests.Infrastructure.MeetStreamSamples;

namespace MeetStream.Client.Lambda.Tests.Functions;

/// <summary>The transcript function against WireMock (MeetStream), dynalite and s3rver.</summary>
public sealed class TranscriptFunctionTests(DynaliteServer dynalite, S3rverServer s3rver, WireMockServer wireMock) : IAsyncLifetime
{
    private PipelineHarness _p = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DateTimeOffset Now => _p.Clock.GetUtcNow();

    public async ValueTask InitializeAsync() => _p = await PipelineHarness.StartAsync(dynalite, s3rver, wireMock);

    public ValueTask DisposeAsync() => _p.DisposeAsync();

    [Fact]
    public async Task Direct_PendingSession_FetchesIntoS3AndStoresTheKey()
    {
        await ScheduleAsync("bot-1");
        await _p.Sessions.MarkTranscriptPendingAsync("bot-1", Ct);
        await _p.MeetStream.StubAsync("GET", "/bots/bot-1/detail", 200, Details("bot-1", "tr-1"));
        await _p.MeetStream.StubAsync("GET", "/transcript/tr-1/get_transcript", 200, Transcript());

        var output = await _p.RunTranscriptAsync(new JsonObject { ["bot_id"] = "bot-1" }, Ct);

        var result = output["results"]![0]!;
        Assert.Equal("stored", result["outcome"]!.GetValue<string>());
        Assert.Equal("transcripts/bot-1/tr-1.json", result["s3_key"]!.GetValue<string>());
        var stored = await _p.Transcripts.GetAsync("transcripts/bot-1/tr-1.json", Ct);
        Assert.True(JsonNode.DeepEquals(Transcript(), JsonNode.Parse(stored!)));
        var session = await _p.Sessions.GetAsync("bot-1", Ct);
        Assert.Equal(TranscriptProgress.Stored, session!.Transcript);
        Assert.Equal("transcripts/bot-1/tr-1.json", session.TranscriptS3Key);
        Assert.Equal("tr-1", session.TranscriptId);
        var requests = await _p.MeetStream.ReceivedAsync();
        Assert.Equal(["/bots/bot-1/detail", "/transcript/tr-1/get_transcript?raw=false"], requests.Select(r => r.Url));
        Assert.All(requests, r => Assert.Equal("Token " + TestClients.ApiKey, r.Headers["Authorization"]));
    }

    [Fact]
    public async Task Direct_DetailsWithoutTranscriptId_UsesTheNewestSuccessfulRun()
    {
        await ScheduleAsync("bot-2");
        await _p.MeetStream.StubAsync("GET", "/bots/bot-2/detail", 200, Details("bot-2", null));
        await _p.MeetStream.StubAsync("GET", "/bots/bot-2/transcriptions", 200, Transcriptions("bot-2", ("tr-old", "Success", "2026-11-21T12:50:00Z"), ("tr-new", "Success", "2026-11-21T13:10:00Z"), ("tr-running", "Processing", "2026-11-21T13:20:00Z")));
        await _p.MeetStream.StubAsync("GET", "/transcript/tr-new/get_transcript", 200, Transcript());

        var output = await _p.RunTranscriptAsync(new JsonObject { ["bot_id"] = "bot-2" }, Ct);

        Assert.Equal("tr-new", output["results"]![0]!["transcript_id"]!.GetValue<string>());
        Assert.Equal("transcripts/bot-2/tr-new.json", (await _p.Sessions.GetAsync("bot-2", Ct))!.TranscriptS3Key);
    }

    [Fact]
    public async Task Direct_TranscriptStillProcessing_SchedulesARetryAndReleasesTheClaim()
    {
        await ScheduleAsync("bot-3");
        await _p.Sessions.MarkTranscriptPendingAsync("bot-3", Ct);
        await _p.MeetStream.StubAsync("GET", "/bots/bot-3/detail", 200, Details("bot-3", "tr-3"));
        await _p.MeetStream.StubAsync("GET", "/transcript/tr-3/get_transcript", 202, new JsonObject { ["message"] = "Transcript is still being processed. Current status: Processing" });

        var output = await _p.RunTranscriptAsync(new JsonObject { ["bot_id"] = "bot-3" }, Ct);

        Assert.Equal("not_ready", output["results"]![0]!["outcome"]!.GetValue<string>());
        var session = await _p.Sessions.GetAsync("bot-3", Ct);
        Assert.Equal(1, session!.TranscriptAttempts);
        Assert.Equal(Now.AddMinutes(15), session.WorkDue);
        Assert.Equal(TranscriptProgress.Pending, session.Transcript);
        Assert.True(await _p.Sessions.TryClaimTranscriptFetchAsync("bot-3", TimeSpan.FromMinutes(1), Ct));
    }

    [Fact]
    public async Task Direct_LastAllowedAttemptFails_FlagsTheSession()
    {
        await ScheduleAsync("bot-4");
        for (var i = 0; i < 3; i++)
        {
            await _p.Sessions.RescheduleAsync("bot-4", Now, countAttempt: true, Ct);
        }

        await _p.MeetStream.StubAsync("GET", "/bots/bot-4/detail", 200, Details("bot-4", null));
        await _p.MeetStream.StubAsync("GET", "/bots/bot-4/transcriptions", 200, Transcriptions("bot-4"));

        var output = await _p.RunTranscriptAsync(new JsonObject { ["bot_id"] = "bot-4" }, Ct);

        Assert.Equal("flagged", output["results"]![0]!["outcome"]!.GetValue<string>());
        var session = await _p.Sessions.GetAsync("bot-4", Ct);
        Assert.Equal(TranscriptProgress.Flagged, session!.Transcript);
        Assert.StartsWith("No transcript after 4 attempts", session.TranscriptNote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_RecordThatTurnedPending_IsFetched_OthersSkipped()
    {
        await ScheduleAsync("bot-5");
        await _p.Sessions.MarkTranscriptPendingAsync("bot-5", Ct);
        await _p.MeetStream.StubAsync("GET", "/bots/bot-5/detail", 200, Details("bot-5", "tr-5"));
        await _p.MeetStream.StubAsync("GET", "/transcript/tr-5/get_transcript", 200, Transcript());
        var batch = new JsonObject
        {
            ["Records"] = new JsonArray
            {
                StreamRecord("bot-5", "1000", newWork: "pending", oldWork: "awaiting"),
                StreamRecord("bot-5", "1001", newWork: "pending", oldWork: "pending"),
                StreamRecord("bot-other", "1002", newWork: "awaiting", oldWork: null),
            },
        };

        var output = await _p.RunTranscriptAsync(batch, Ct);

        var result = Assert.Single(output["results"]!.AsArray());
        Assert.Equal("bot-5", result!["bot_id"]!.GetValue<string>());
        Assert.Equal("stored", result["outcome"]!.GetValue<string>());
        Assert.Empty(output["batchItemFailures"]!.AsArray());
    }

    [Fact]
    public async Task Stream_MeetStreamFails_ReportsTheRecordAsABatchItemFailure()
    {
        await ScheduleAsync("bot-6");
        await _p.Sessions.MarkTranscriptPendingAsync("bot-6", Ct);
        await _p.MeetStream.StubAsync("GET", "/bots/bot-6/detail", 500, new JsonObject { ["message"] = "Internal Server Error" });

        var output = await _p.RunTranscriptAsync(new JsonObject { ["Records"] = new JsonArray { StreamRecord("bot-6", "2000", "pending", "awaiting") } }, Ct);

        Assert.Equal("2000", output["batchItemFailures"]![0]!["itemIdentifier"]!.GetValue<string>());
        Assert.Equal("failed", output["results"]![0]!["outcome"]!.GetValue<string>());
        var session = await _p.Sessions.GetAsync("bot-6", Ct);
        Assert.Equal(TranscriptProgress.Pending, session!.Transcript);
        Assert.True(await _p.Sessions.TryClaimTranscriptFetchAsync("bot-6", TimeSpan.FromMinutes(1), Ct));
    }

    [Fact]
    public async Task Schedule_RunningBot_ReconcilesThroughStatusAndChecksAgainLater()
    {
        await ScheduleAsync("bot-7", firstCheck: Now.AddMinutes(-1));
        await _p.MeetStream.StubAsync("GET", "/bots/bot-7/status", 200, Status("bot-7", "InMeeting"));

        var output = await _p.RunTranscriptAsync(ScheduledEvent(), Ct);

        Assert.Equal("still_running", output["results"]![0]!["outcome"]!.GetValue<string>());
        var session = await _p.Sessions.GetAsync("bot-7", Ct);
        Assert.Equal(BotStatus.InMeeting, session!.Status);
        Assert.Equal("status.reconciled", session.LastEvent);
        Assert.Equal(Now.AddMinutes(30), session.WorkDue);
    }

    [Fact]
    public async Task Schedule_BotStoppedRecently_WaitsUntilStale()
    {
        await ScheduleAsync("bot-8", firstCheck: Now.AddMinutes(-1));
        await _p.Sessions.ApplyStateAsync("bot-8", new SessionStateChange { Status = BotStatus.Stopped, Stage = BotLifecycleStage.Stopped, Event = "bot.stopped", OccurredAt = Now.AddMinutes(-30) }, Ct);

        var output = await _p.RunTranscriptAsync(ScheduledEvent(), Ct);

        Assert.Equal("waiting", output["results"]![0]!["outcome"]!.GetValue<string>());
        Assert.Equal(Now.AddMinutes(90), (await _p.Sessions.GetAsync("bot-8", Ct))!.WorkDue);
        Assert.Empty(await _p.MeetStream.ReceivedAsync());
    }

    [Fact]
    public async Task Schedule_StaleStoppedSessionWithLostWebhook_FindsAndStoresTheTranscript()
    {
        await ScheduleAsync("bot-9", firstCheck: Now.AddMinutes(-1));
        await _p.Sessions.ApplyStateAsync("bot-9", new SessionStateChange { Status = BotStatus.Stopped, Stage = BotLifecycleStage.Stopped, Event = "bot.stopped", OccurredAt = Now.AddHours(-3) }, Ct);
        await _p.MeetStream.StubAsync("GET", "/bots/bot-9/detail", 200, Details("bot-9", "tr-9"));
        await _p.MeetStream.StubAsync("GET", "/transcript/tr-9/get_transcript", 200, Transcript());

        var output = await _p.RunTranscriptAsync(ScheduledEvent(), Ct);

        Assert.Equal("stored", output["results"]![0]!["outcome"]!.GetValue<string>());
        Assert.NotNull(await _p.Transcripts.GetAsync("transcripts/bot-9/tr-9.json", Ct));
    }

    [Fact]
    public async Task Schedule_BotNeverAdmitted_IsFlaggedAtOnce()
    {
        await ScheduleAsync("bot-10", firstCheck: Now.AddMinutes(-1));
        await _p.MeetStream.StubAsync("GET", "/bots/bot-10/status", 200, Status("bot-10", "NotAllowed"));

        var output = await _p.RunTranscriptAsync(ScheduledEvent(), Ct);

        Assert.Equal("flagged", output["results"]![0]!["outcome"]!.GetValue<string>());
        var session = await _p.Sessions.GetAsync("bot-10", Ct);
        Assert.Equal(TranscriptProgress.Flagged, session!.Transcript);
        Assert.Equal(BotStatus.NotAllowed, session.Status);
        Assert.Contains("never admitted", session.TranscriptNote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_OneSessionFails_ProcessesTheOthersThenFailsTheRun()
    {
        await ScheduleAsync("bot-11", firstCheck: Now.AddMinutes(-1));
        await _p.Sessions.MarkTranscriptPendingAsync("bot-11", Ct);
        await ScheduleAsync("bot-12", firstCheck: Now.AddMinutes(-1));
        await _p.Sessions.MarkTranscriptPendingAsync("bot-12", Ct);
        await _p.MeetStream.StubAsync("GET", "/bots/bot-11/detail", 200, Details("bot-11", "tr-11"));
        await _p.MeetStream.StubAsync("GET", "/transcript/tr-11/get_transcript", 503, new JsonObject { ["message"] = "Service Unavailable" });
        await _p.MeetStream.StubAsync("GET", "/bots/bot-12/detail", 200, Details("bot-12", "tr-12"));
        await _p.MeetStream.StubAsync("GET", "/transcript/tr-12/get_transcript", 200, Transcript());

        var error = await Assert.ThrowsAsync<TranscriptRunException>(() => _p.RunTranscriptAsync(ScheduledEvent(), Ct));

        Assert.Contains("1 of 2 sessions failed", error.Message, StringComparison.Ordinal);
        Assert.IsType<MeetStreamServerException>(error.InnerException);
        Assert.Equal(TranscriptProgress.Stored, (await _p.Sessions.GetAsync("bot-12", Ct))!.Transcript);
        var failed = await _p.Sessions.GetAsync("bot-11", Ct);
        Assert.Equal(TranscriptProgress.Pending, failed!.Transcript);
        Assert.Null(await _p.Transcripts.GetAsync("transcripts/bot-11/tr-11.json", Ct));
    }

    [Fact]
    public async Task Direct_AlreadyStored_DoesNotCallMeetStream()
    {
        await ScheduleAsync("bot-13");
        await _p.Sessions.MarkTranscriptStoredAsync("bot-13", "tr-13", "transcripts/bot-13/tr-13.json", Ct);

        var output = await _p.RunTranscriptAsync(new JsonObject { ["bot_id"] = "bot-13" }, Ct);

        Assert.Equal("already_final", output["results"]![0]!["outcome"]!.GetValue<string>());
        Assert.Empty(await _p.MeetStream.ReceivedAsync());
    }

    [Fact]
    public async Task Direct_ClaimedByAnotherInvocation_LeavesItAlone()
    {
        await ScheduleAsync("bot-14");
        await _p.Sessions.TryClaimTranscriptFetchAsync("bot-14", TimeSpan.FromMinutes(2), Ct);

        var output = await _p.RunTranscriptAsync(new JsonObject { ["bot_id"] = "bot-14" }, Ct);

        Assert.Equal("claimed_elsewhere", output["results"]![0]!["outcome"]!.GetValue<string>());
        Assert.Empty(await _p.MeetStream.ReceivedAsync());
    }

    [Fact]
    public async Task Direct_UnknownBot_ReportsUnknownSession()
    {
        var output = await _p.RunTranscriptAsync(new JsonObject { ["bot_id"] = "bot-nope" }, Ct);

        Assert.Equal("unknown_session", output["results"]![0]!["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task Direct_S3Throttles_FailsWithoutMarkingStored()
    {
        await ScheduleAsync("bot-15");
        await _p.MeetStream.StubAsync("GET", "/bots/bot-15/detail", 200, Details("bot-15", "tr-15"));
        await _p.MeetStream.StubAsync("GET", "/transcript/tr-15/get_transcript", 200, Transcript());
        await using var aws = await FailingAwsEndpoint.StartAsync(503, "SlowDown");
        using var failingS3 = aws.CreateS3Client();
        var function = new TranscriptFunction(_p.Client, _p.Sessions, new S3TranscriptStore(failingS3, new S3TranscriptStoreOptions { BucketName = _p.Bucket }), new TranscriptFunctionOptions { TimeProvider = _p.Clock });

        var error = await Assert.ThrowsAsync<LambdaStorageException>(() => function.InvokeAsync(System.Text.Encoding.UTF8.GetBytes("{\"bot_id\":\"bot-15\"}"), _p.Context(), Ct));

        Assert.True(error.IsThrottling);
        var session = await _p.Sessions.GetAsync("bot-15", Ct);
        Assert.NotEqual(TranscriptProgress.Stored, session!.Transcript);
        Assert.Null(session.TranscriptS3Key);
    }

    private Task<BotSessionRecord> ScheduleAsync(string botId, DateTimeOffset? firstCheck = null) =>
        _p.Sessions.RecordScheduledAsync(
            new ScheduledBotSession
            {
                BotId = botId,
                CalendarEventId = "cal-" + botId,
                MeetingUrl = MeetingUrl,
                Status = BotStatus.Active,
                TranscriptId = "tr-from-create",
                FirstCheckAt = firstCheck ?? Now.AddHours(1),
            },
            Ct);

    private static JsonObject ScheduledEvent() => new()
    {
        ["version"] = "0",
        ["id"] = "53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa",
        ["detail-type"] = "Scheduled Event",
        ["source"] = "aws.events",
        ["time"] = "2026-11-21T12:00:00Z",
        ["region"] = "us-east-1",
        ["resources"] = new JsonArray("arn:aws:events:us-east-1:123456789012:rule/meetstream-transcript-sweep"),
        ["detail"] = new JsonObject(),
    };

    private static JsonObject StreamRecord(string botId, string sequence, string newWork, string? oldWork)
    {
        var change = new JsonObject
        {
            ["ApproximateCreationDateTime"] = 1795262400,
            ["Keys"] = new JsonObject { ["bot_id"] = new JsonObject { ["S"] = botId } },
            ["NewImage"] = new JsonObject { ["bot_id"] = new JsonObject { ["S"] = botId }, ["work_state"] = new JsonObject { ["S"] = newWork }, ["transcript_rank"] = new JsonObject { ["N"] = "20" } },
            ["SequenceNumber"] = sequence,
            ["SizeBytes"] = 120,
            ["StreamViewType"] = "NEW_AND_OLD_IMAGES",
        };
        if (oldWork is not null)
        {
            change["OldImage"] = new JsonObject { ["bot_id"] = new JsonObject { ["S"] = botId }, ["work_state"] = new JsonObject { ["S"] = oldWork } };
        }

        return new JsonObject
        {
            ["eventID"] = "e" + sequence,
            ["eventName"] = oldWork is null ? "INSERT" : "MODIFY",
            ["eventVersion"] = "1.1",
            ["eventSource"] = "aws:dynamodb",
            ["awsRegion"] = "us-east-1",
            ["dynamodb"] = change,
            ["eventSourceARN"] = "arn:aws:dynamodb:us-east-1:123456789012:table/meetstream-sessions/stream/2026-11-21T00:00:00.000",
        };
    }
}
