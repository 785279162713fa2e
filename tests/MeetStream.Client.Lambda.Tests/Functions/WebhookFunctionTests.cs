using System.Text.Json.Nodes;
using MeetStream.Client.Lambda.Tests.Infrastructure;
using MeetStream.Client.Tests.Infrastructure;
using static MeetStream.Client.Lambda.Tests.Infrastructure.MeetStreamSamples;

namespace MeetStream.Client.Lambda.Tests.Functions;

/// <summary>The webhook function: verification, parsing, deduplication and forward-only session updates on dynalite.</summary>
public sealed class WebhookFunctionTests(DynaliteServer dynalite, S3rverServer s3rver, WireMockServer wireMock) : IAsyncLifetime
{
    private PipelineHarness _p = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DateTimeOffset Now => _p.Clock.GetUtcNow();

    public async ValueTask InitializeAsync() => _p = await PipelineHarness.StartAsync(dynalite, s3rver, wireMock);

    public ValueTask DisposeAsync() => _p.DisposeAsync();

    [Fact]
    public async Task Invoke_SignedLifecycleEvent_AppliesStateAndAnswers200()
    {
        var (status, body) = await _p.DeliverAsync(_p.SignedDelivery(Lifecycle("bot-1", "bot.joining", "Joining", Now)), Ct);

        Assert.Equal(200, status);
        Assert.Equal("processed", body["status"]!.GetValue<string>());
        Assert.Equal("applied", body["effect"]!.GetValue<string>());
        Assert.Equal("bot.joining", body["event"]!.GetValue<string>());
        var session = await _p.Sessions.GetAsync("bot-1", Ct);
        Assert.Equal(BotStatus.Joining, session!.Status);
        Assert.Equal("bot.joining", session.LastEvent);
        Assert.Equal(Now, session.LastEventAt);
    }

    [Fact]
    public async Task Invoke_WrongSignature_Answers401AndWritesNothing()
    {
        var delivery = _p.SignedDelivery(Lifecycle("bot-2", "bot.joining", "Joining", Now));
        var tampered = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(delivery).Replace("bot-2", "bot-X", StringComparison.Ordinal));

        var (status, body) = await _p.DeliverAsync(tampered, Ct);

        Assert.Equal(401, status);
        Assert.Equal("unauthorized", body["status"]!.GetValue<string>());
        Assert.StartsWith("SignatureMismatch", body["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(await _p.Sessions.GetAsync("bot-X", Ct));
    }

    [Fact]
    public async Task Invoke_NoSignatureNoToken_Answers401()
    {
        var delivery = LambdaEvents.HttpApiEvent(Lifecycle("bot-3", "bot.joining", "Joining", Now).ToJsonString(), new JsonObject { ["content-type"] = "application/json" }, string.Empty);

        var (status, body) = await _p.DeliverAsync(delivery, Ct);

        Assert.Equal(401, status);
        Assert.StartsWith("MissingSignature", body["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_CallbackUrlTokenOnRestEvent_IsAccepted()
    {
        var token = new Uri(_p.Validator.CreateCallbackUrl("https://hooks.example.com/webhooks")).Query.Split('=')[1];

        var (status, body) = await _p.DeliverAsync(PipelineHarness.CallbackDelivery(Lifecycle("bot-4", "bot.inmeeting", "InMeeting", Now), token), Ct);

        Assert.Equal(200, status);
        Assert.Equal("processed", body["status"]!.GetValue<string>());
        Assert.Equal(BotStatus.InMeeting, (await _p.Sessions.GetAsync("bot-4", Ct))!.Status);
    }

    [Fact]
    public async Task Invoke_ForgedCallbackToken_Answers401()
    {
        var (status, body) = await _p.DeliverAsync(PipelineHarness.CallbackDelivery(Lifecycle("bot-5", "bot.inmeeting", "InMeeting", Now), "v1.AAAAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB"), Ct);

        Assert.Equal(401, status);
        Assert.StartsWith("InvalidCallbackToken", body["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_Base64FunctionUrlBody_VerifiesOverTheDecodedBytes()
    {
        var (status, body) = await _p.DeliverAsync(_p.SignedDelivery(Lifecycle("bot-6", "bot.recording", "Recording", Now, message: "Bot started recording — café"), base64: true), Ct);

        Assert.Equal(200, status);
        Assert.Equal("processed", body["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invoke_SameDeliveryTwice_SecondIsADuplicateAndChangesNothing()
    {
        var delivery = _p.SignedDelivery(Lifecycle("bot-7", "bot.joining", "Joining", Now));
        await _p.DeliverAsync(delivery, Ct);
        var version = (await _p.Sessions.GetAsync("bot-7", Ct))!.Version;

        var (status, body) = await _p.DeliverAsync(delivery, Ct);

        Assert.Equal(200, status);
        Assert.Equal("duplicate", body["status"]!.GetValue<string>());
        Assert.Equal(version, (await _p.Sessions.GetAsync("bot-7", Ct))!.Version);
    }

    [Fact]
    public async Task Invoke_OlderEventArrivingLate_IsStaleAndStateStays()
    {
        var joinedAt = Now;
        await _p.DeliverAsync(_p.SignedDelivery(Lifecycle("bot-8", "bot.inmeeting", "InMeeting", joinedAt.AddSeconds(20))), Ct);

        var (status, body) = await _p.DeliverAsync(_p.SignedDelivery(Lifecycle("bot-8", "bot.joining", "Joining", joinedAt)), Ct);

        Assert.Equal(200, status);
        Assert.Equal("stale", body["effect"]!.GetValue<string>());
        var session = await _p.Sessions.GetAsync("bot-8", Ct);
        Assert.Equal(BotStatus.InMeeting, session!.Status);
        Assert.Equal("bot.inmeeting", session.LastEvent);
    }

    [Fact]
    public async Task Invoke_StoppedWithKickReason_RecordsReasonAndStopTime()
    {
        var at = Now.AddMinutes(45);

        await _p.DeliverAsync(_p.SignedDelivery(Lifecycle("bot-9", "bot.kicked", "Stopped", at, genericEvent: "bot.stopped")), Ct);

        var session = await _p.Sessions.GetAsync("bot-9", Ct);
        Assert.Equal(BotStatus.Stopped, session!.Status);
        Assert.Equal("bot.kicked", session.StopReason);
        Assert.Equal(at, session.StoppedAt);
        Assert.Equal(BotLifecycleStage.Stopped, session.Stage);
    }

    [Fact]
    public async Task Invoke_NotAllowed_StoresTheFailureStatus()
    {
        await _p.DeliverAsync(_p.SignedDelivery(Lifecycle("bot-10", "bot.notallowed", "NotAllowed", Now, genericEvent: "bot.stopped", statusCode: 500)), Ct);

        var session = await _p.Sessions.GetAsync("bot-10", Ct);
        Assert.Equal(BotStatus.NotAllowed, session!.Status);
        Assert.Equal("bot.notallowed", session.StopReason);
    }

    [Fact]
    public async Task Invoke_TranscriptionProcessed_MarksTranscriptPendingAndDueNow()
    {
        var (_, body) = await _p.DeliverAsync(_p.SignedDelivery(TranscriptionProcessed("bot-11", Now)), Ct);

        Assert.Equal("applied", body["effect"]!.GetValue<string>());
        var session = await _p.Sessions.GetAsync("bot-11", Ct);
        Assert.Equal(TranscriptProgress.Pending, session!.Transcript);
        Assert.Equal(Now, session.WorkDue);
    }

    [Fact]
    public async Task Invoke_TranscriptionFailed_ClosesAsFailedWithTheMessage()
    {
        await _p.DeliverAsync(_p.SignedDelivery(TranscriptionFailed("bot-12", Now)), Ct);

        var session = await _p.Sessions.GetAsync("bot-12", Ct);
        Assert.Equal(TranscriptProgress.Failed, session!.Transcript);
        Assert.Contains("Deepgram API error: 401", session.TranscriptNote, StringComparison.Ordinal);
        Assert.Null(session.WorkDue);
    }

    [Fact]
    public async Task Invoke_ProcessedAfterFailed_MovesToPending()
    {
        await _p.DeliverAsync(_p.SignedDelivery(TranscriptionFailed("bot-13", Now)), Ct);

        var (_, body) = await _p.DeliverAsync(_p.SignedDelivery(TranscriptionProcessed("bot-13", Now.AddMinutes(5))), Ct);

        Assert.Equal("applied", body["effect"]!.GetValue<string>());
        Assert.Equal(TranscriptProgress.Pending, (await _p.Sessions.GetAsync("bot-13", Ct))!.Transcript);
    }

    [Fact]
    public async Task Invoke_AudioProcessed_RecordsTheArtifact()
    {
        var (_, body) = await _p.DeliverAsync(_p.SignedDelivery(AudioProcessed("bot-14", Now)), Ct);

        Assert.Equal("recorded", body["effect"]!.GetValue<string>());
        Assert.NotNull(await _p.Sessions.GetAsync("bot-14", Ct));
    }

    [Fact]
    public async Task Invoke_BotError_IsIgnoredWithoutTouchingTheSession()
    {
        var error = new JsonObject { ["event"] = "bot.error", ["bot_event"] = "bot.error", ["bot_id"] = "bot-15", ["bot_status"] = "InMeeting", ["message"] = "Deepgram streaming failed: insufficient funds" };

        var (status, body) = await _p.DeliverAsync(_p.SignedDelivery(error), Ct);

        Assert.Equal(200, status);
        Assert.Equal("ignored", body["status"]!.GetValue<string>());
        Assert.Null(await _p.Sessions.GetAsync("bot-15", Ct));
    }

    [Fact]
    public async Task Invoke_GetRequest_Answers405WithAllowHeader()
    {
        var response = JsonNode.Parse((await _p.Webhook.InvokeAsync(LambdaEvents.HttpApiEvent(string.Empty, new JsonObject(), string.Empty, method: "GET"), _p.Context(), Ct)).Span)!;

        Assert.Equal(405, response["statusCode"]!.GetValue<int>());
        Assert.Equal("POST", response["headers"]!["Allow"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invoke_SignedButNotJson_Answers400()
    {
        var text = "this is not json";
        var headers = new JsonObject { ["x-meetstream-signature"] = MeetStream.Client.Webhooks.WebhookValidator.ComputeSignature(text, LambdaEvents.SigningSecret) };

        var (status, body) = await _p.DeliverAsync(LambdaEvents.HttpApiEvent(text, headers, string.Empty), Ct);

        Assert.Equal(400, status);
        Assert.Equal("invalid", body["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"event":null}""")]
    [InlineData("""{"bot_id":"bot-envelope","bot_status":"InMeeting","status_code":200}""")]
    [InlineData("""{"event":"","bot_event":null,"bot_id":"bot-envelope","bot_status":"Stopped"}""")]
    public async Task Invoke_SignedObjectNamingNoEvent_Answers400MissingEventTypeAndWritesNothing(string json)
    {
        var (status, body) = await _p.DeliverAsync(_p.SignedDelivery(JsonNode.Parse(json)!.AsObject()), Ct);

        Assert.Equal(400, status);
        Assert.Equal("invalid", body["status"]!.GetValue<string>());
        Assert.StartsWith("MissingEventType: ", body["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("'bot_event'", body["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(await _p.Sessions.GetAsync("bot-envelope", Ct));
    }

    [Fact]
    public async Task Invoke_DynamoDbThrottles_FailsTheInvocationAndReleasesTheDelivery()
    {
        await using var aws = await FailingAwsEndpoint.StartAsync(400, "ProvisionedThroughputExceededException");
        using var failing = aws.CreateDynamoDbClient();
        var function = new WebhookFunction(_p.Validator, new DynamoDbBotSessionStore(failing, _p.SessionOptions), _p.Ledger, new WebhookFunctionOptions { TimeProvider = _p.Clock });
        var delivery = _p.SignedDelivery(Lifecycle("bot-16", "bot.joining", "Joining", Now));

        var error = await Assert.ThrowsAsync<LambdaStorageException>(() => function.InvokeAsync(delivery, _p.Context(), Ct));
        var (_, retried) = await _p.DeliverAsync(delivery, Ct);

        Assert.True(error.IsThrottling);
        Assert.Equal("processed", retried["status"]!.GetValue<string>());
        Assert.Equal(BotStatus.Joining, (await _p.Sessions.GetAsync("bot-16", Ct))!.Status);
    }
}
