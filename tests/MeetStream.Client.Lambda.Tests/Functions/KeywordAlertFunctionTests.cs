using System.Text.Json.Nodes;
using Amazon.SQS.Model;
using MeetStream.Client.Keywords;
using MeetStream.Client.Lambda.Tests.Infrastructure;
using MeetStream.Client.Webhooks;

namespace MeetStream.Client.Lambda.Tests.Functions;

/// <summary>
/// The keyword-alert function on fauxqs (SQS): live transcript chunks in, exactly the expected messages out of the
/// queue; phrases across chunks, repeated deliveries, bad bodies and a failing queue.
/// </summary>
public sealed class KeywordAlertFunctionTests(FauxqsServer fauxqs)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Chunks_WithKeywords_SendOneMessagePerHitWithBodyAndAttributes()
    {
        var h = await KeywordAlertHarness.StartAsync(fauxqs);
        var function = h.CreateFunction();

        var first = await h.DeliverAsync(function, h.Delivery(h.Chunk("bot-k1", "Dana Buyer", "Before we go on, what does the pricing look like?", 0, endOfTurn: true)), Ct);
        var none = await h.DeliverAsync(function, h.Delivery(h.Chunk("bot-k1", "Sam Seller", "Happy to walk you through it.", 5, endOfTurn: true)), Ct);
        var second = await h.DeliverAsync(function, h.Delivery(h.Chunk("bot-k1", "Dana Buyer", "We may need to escalate unless there is a discount.", 9, endOfTurn: true)), Ct);

        Assert.Equal((200, "processed", 1, 1), Describe(first));
        Assert.Equal((200, "processed", 0, 0), Describe(none));
        Assert.Equal((200, "processed", 2, 2), Describe(second));
        var messages = await h.ReceiveAllAsync();
        Assert.Equal(["discount", "escalate", "pricing"], KeywordsOf(messages));
        var pricing = messages.Single(m => KeywordAlertHarness.BodyOf(m)["keyword"]!.GetValue<string>() == "pricing");
        var body = KeywordAlertHarness.BodyOf(pricing);
        Assert.Equal("keyword.hit", body["type"]!.GetValue<string>());
        Assert.Equal("bot-k1", body["bot_id"]!.GetValue<string>());
        Assert.Equal("Dana Buyer", body["speaker"]!.GetValue<string>());
        Assert.Equal("sales", body["category"]!.GetValue<string>());
        Assert.Equal("pricing", body["matched_text"]!.GetValue<string>());
        Assert.Contains("pricing", body["context"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(h.Clock.GetUtcNow(), body["timestamp"]!.GetValue<DateTimeOffset>());
        Assert.Equal("D-7", body["custom_attributes"]!["deal"]!.GetValue<string>());
        Assert.Matches("^[0-9a-f]{64}$", body["alert_id"]!.GetValue<string>());
        Assert.Equal("bot-k1", pricing.MessageAttributes["bot_id"].StringValue);
        Assert.Equal("sales", pricing.MessageAttributes["category"].StringValue);
        Assert.Equal("pricing", pricing.MessageAttributes["keyword"].StringValue);
        Assert.Equal("support", messages.Single(m => KeywordAlertHarness.BodyOf(m)["keyword"]!.GetValue<string>() == "escalate").MessageAttributes["category"].StringValue);
        Assert.Equal(3, function.Sent);
    }

    [Fact]
    public async Task PhraseStraddlingTwoChunksOfOneSpeaker_IsSentOnce()
    {
        var h = await KeywordAlertHarness.StartAsync(fauxqs);
        var function = h.CreateFunction();

        var head = await h.DeliverAsync(function, h.Delivery(h.Chunk("bot-k2", "Dana Buyer", "Honestly we are also talking to Acme", 0)), Ct);
        var tail = await h.DeliverAsync(function, h.Delivery(h.Chunk("bot-k2", "Dana Buyer", "Corp about the same rollout", 2)), Ct);
        var more = await h.DeliverAsync(function, h.Delivery(h.Chunk("bot-k2", "Dana Buyer", "and the timeline matters to us", 4)), Ct);

        Assert.Equal(0, head.Body["hits"]!.GetValue<int>());
        Assert.Equal(1, tail.Body["hits"]!.GetValue<int>());
        Assert.Equal(0, more.Body["hits"]!.GetValue<int>());
        var message = Assert.Single(await h.ReceiveAllAsync());
        var body = KeywordAlertHarness.BodyOf(message);
        Assert.Equal("Acme Corp", body["keyword"]!.GetValue<string>());
        Assert.Equal("kw-acme", body["keyword_id"]!.GetValue<string>());
        Assert.Equal("competitor", message.MessageAttributes["category"].StringValue);
    }

    [Fact]
    public async Task SameChunkDeliveredTwice_IsNotEnqueuedAgain()
    {
        var h = await KeywordAlertHarness.StartAsync(fauxqs);
        var function = h.CreateFunction();
        var delivery = h.Delivery(h.Chunk("bot-k3", "Dana Buyer", "Can you share the pricing today?", 0));

        var once = await h.DeliverAsync(function, delivery, Ct);
        var again = await h.DeliverAsync(function, delivery, Ct);

        Assert.Equal((200, "processed", 1, 1), Describe(once));
        Assert.Equal((200, "processed", 0, 0), Describe(again));
        Assert.Single(await h.ReceiveAllAsync());
    }

    [Fact]
    public async Task FifoQueue_SameChunkOnTwoExecutionEnvironments_IsEnqueuedOnceInTheBotsGroup()
    {
        var h = await KeywordAlertHarness.StartAsync(fauxqs, fifo: true);
        var firstInstance = h.CreateFunction();
        var secondInstance = h.CreateFunction();
        var delivery = h.Delivery(h.Chunk("bot-k4", "Dana Buyer", "Any discount if we sign this quarter?", 0, withWords: true));

        var first = await h.DeliverAsync(firstInstance, delivery, Ct);
        var retried = await h.DeliverAsync(secondInstance, delivery, Ct);

        Assert.Equal((200, "processed", 1, 1), Describe(first));
        Assert.Equal((200, "processed", 1, 1), Describe(retried)); // a fresh spotter spots it again; SQS drops the copy
        var message = Assert.Single(await h.ReceiveAllAsync());
        Assert.Equal("bot-k4", message.Attributes["MessageGroupId"]);
        var body = KeywordAlertHarness.BodyOf(message);
        Assert.Equal(body["alert_id"]!.GetValue<string>(), message.Attributes["MessageDeduplicationId"]);
        Assert.Equal("discount", body["keyword"]!.GetValue<string>());
    }

    [Fact]
    public async Task ChunkWithTwelveHits_IsSentInTwoBatchesAndAllArrive()
    {
        var h = await KeywordAlertHarness.StartAsync(fauxqs);
        var function = h.CreateFunction();
        var text = string.Join(", ", Enumerable.Repeat("pricing and discount", 6)) + ".";

        var (status, body) = await h.DeliverAsync(function, h.Delivery(h.Chunk("bot-k5", "Dana Buyer", text, 0)), Ct);

        Assert.Equal(200, status);
        Assert.Equal(12, body["hits"]!.GetValue<int>());
        Assert.Equal(12, body["sent"]!.GetValue<int>());
        var messages = await h.ReceiveAllAsync();
        Assert.Equal(12, messages.Count);
        Assert.Equal(12, messages.Select(m => KeywordAlertHarness.BodyOf(m)["alert_id"]!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public async Task BotsOwnSpeech_IsNotSpotted()
    {
        var h = await KeywordAlertHarness.StartAsync(fauxqs);
        var function = h.CreateFunction();

        var (status, body) = await h.DeliverAsync(function, h.Delivery(h.Chunk("bot-k6", "Acme Notetaker", "I noted the pricing question.", 0)), Ct);

        Assert.Equal((200, "processed", 0, 0), Describe((status, body)));
        Assert.Empty(await h.ReceiveAllAsync());
    }

    [Theory]
    [InlineData("{\"bot_id\":\"bot-k7\",\"new_text\":", "InvalidJson")]
    [InlineData("[1,2,3]", "NotAnObject")]
    [InlineData("{}", "MissingEventType")]
    public async Task BadBody_Answers400WithTheParseErrorAndSendsNothing(string json, string error)
    {
        var h = await KeywordAlertHarness.StartAsync(fauxqs);
        var function = h.CreateFunction();

        var (status, body) = await h.DeliverAsync(function, KeywordAlertHarness.RawDelivery(json, "meetstream_token=" + h.Token), Ct);

        Assert.Equal(400, status);
        Assert.Equal("invalid", body["status"]!.GetValue<string>());
        Assert.StartsWith(error + ":", body["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(await h.ReceiveAllAsync());
    }

    [Theory]
    [InlineData("", "MissingCallbackToken")]
    [InlineData("meetstream_token=v1.AAAAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB", "InvalidCallbackToken")]
    public async Task MissingOrForgedToken_Answers401AndSendsNothing(string rawQuery, string failure)
    {
        var h = await KeywordAlertHarness.StartAsync(fauxqs);
        var function = h.CreateFunction();

        var (status, body) = await h.DeliverAsync(function, h.Delivery(h.Chunk("bot-k8", "Dana Buyer", "What about pricing?", 0), rawQuery), Ct);

        Assert.Equal(401, status);
        Assert.StartsWith(failure, body["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(await h.ReceiveAllAsync());
    }

    [Fact]
    public async Task NotALiveTranscriptChunk_IsIgnored()
    {
        var h = await KeywordAlertHarness.StartAsync(fauxqs);
        var function = h.CreateFunction();

        var (status, body) = await h.DeliverAsync(function, h.Delivery(MeetStreamSamples.Lifecycle("bot-k9", "bot.joining", "Joining", h.Clock.GetUtcNow())), Ct);

        Assert.Equal(200, status);
        Assert.Equal("ignored", body["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetRequest_Answers405()
    {
        var h = await KeywordAlertHarness.StartAsync(fauxqs);
        var function = h.CreateFunction();
        var get = LambdaEvents.HttpApiEvent(string.Empty, new JsonObject(), "meetstream_token=" + h.Token, method: "GET");

        var (status, _) = await h.DeliverAsync(function, get, Ct);

        Assert.Equal(405, status);
    }

    [Fact]
    public async Task SqsFails_Answers503_KeepsTheHits_AndTheNextInvocationSendsThemOnce()
    {
        var h = await KeywordAlertHarness.StartAsync(fauxqs);
        await using var broken = await FailingAwsEndpoint.StartAsync(500, "InternalError", "We encountered an internal error.");
        var queue = new SwitchableQueue(new SqsKeywordAlertQueue(broken.CreateSqsClient(), h.QueueUrl));
        var function = h.CreateFunction(queue);

        var (failedStatus, failedBody) = await h.DeliverAsync(function, h.Delivery(h.Chunk("bot-k10", "Dana Buyer", "Send me the pricing and escalate it.", 0)), Ct);

        Assert.Equal(503, failedStatus);
        Assert.Equal("queue_failed", failedBody["status"]!.GetValue<string>());
        Assert.Equal(2, failedBody["hits"]!.GetValue<int>());
        Assert.Equal(2, failedBody["pending"]!.GetValue<int>());
        Assert.Contains("InternalError", failedBody["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, broken.Requests); // the call and the SDK's one retry
        Assert.Equal(2, function.Pending);
        Assert.Empty(await h.ReceiveAllAsync());

        queue.Inner = new SqsKeywordAlertQueue(fauxqs.CreateClient(), h.QueueUrl);
        var (status, body) = await h.DeliverAsync(function, h.Delivery(h.Chunk("bot-k10", "Dana Buyer", "Thanks, and any discount too?", 6)), Ct);

        Assert.Equal((200, "processed", 1, 3), Describe((status, body)));
        Assert.Equal(0, function.Pending);
        Assert.Equal(["discount", "escalate", "pricing"], KeywordsOf(await h.ReceiveAllAsync()));
    }

    [Fact]
    public async Task SqsUnreachable_Answers503WithATypedError()
    {
        var h = await KeywordAlertHarness.StartAsync(fauxqs);
        var closedPort = new Uri("http://127.0.0.1:" + ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var client = new Amazon.SQS.AmazonSQSClient(new Amazon.Runtime.BasicAWSCredentials("dummy", "dummy"), new Amazon.SQS.AmazonSQSConfig { ServiceURL = closedPort.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
        var queue = new SqsKeywordAlertQueue(client, h.QueueUrl);
        var function = h.CreateFunction(queue);

        var error = await Assert.ThrowsAsync<KeywordAlertQueueException>(() => queue.SendAsync([new KeywordAlertMessage { Keyword = "pricing", MatchedText = "pricing", AlertId = "a" }], Ct));
        var (status, body) = await h.DeliverAsync(function, h.Delivery(h.Chunk("bot-k11", "Dana Buyer", "What is the pricing?", 0)), Ct);

        Assert.Null(error.StatusCode);
        Assert.Contains(h.QueueUrl, error.Message, StringComparison.Ordinal);
        Assert.Equal(503, status);
        Assert.Equal("queue_failed", body["status"]!.GetValue<string>());
        Assert.Equal(1, body["pending"]!.GetValue<int>());
    }

    [Fact]
    public async Task PendingHits_BeyondTheLimit_DropTheOldest()
    {
        var h = await KeywordAlertHarness.StartAsync(fauxqs);
        await using var broken = await FailingAwsEndpoint.StartAsync(500, "InternalError");
        var function = h.CreateFunction(new SqsKeywordAlertQueue(broken.CreateSqsClient(), h.QueueUrl), new KeywordAlertFunctionOptions { MaxPendingAlerts = 2 });

        await h.DeliverAsync(function, h.Delivery(h.Chunk("bot-k12", "Dana Buyer", "pricing, discount and escalate", 0)), Ct);

        Assert.Equal(2, function.Pending);
        Assert.Equal(1, function.Dropped);
    }

    [Fact]
    public void CreateAlertId_IsStableAndDependsOnBotSpeakerKeywordAndOccurrence()
    {
        var keyword = new KeywordDefinition("pricing", "sales");
        var at = new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
        KeywordHit Hit(string bot = "b", string speaker = "s", TimeSpan? offset = null, DateTimeOffset? timestamp = null) =>
            new() { Keyword = keyword, MatchedText = "pricing", BotId = bot, Speaker = speaker, Offset = offset, Timestamp = timestamp ?? at, Context = "the pricing", IsLive = true };

        var id = KeywordAlertFunction.CreateAlertId(Hit());

        Assert.Equal(id, KeywordAlertFunction.CreateAlertId(Hit()));
        Assert.Matches("^[0-9a-f]{64}$", id);
        Assert.NotEqual(id, KeywordAlertFunction.CreateAlertId(Hit(bot: "c")));
        Assert.NotEqual(id, KeywordAlertFunction.CreateAlertId(Hit(speaker: "t")));
        Assert.NotEqual(id, KeywordAlertFunction.CreateAlertId(Hit(), ordinal: 1));
        Assert.NotEqual(id, KeywordAlertFunction.CreateAlertId(Hit(timestamp: at.AddSeconds(1))));
        Assert.Equal(KeywordAlertFunction.CreateAlertId(Hit(offset: TimeSpan.FromSeconds(3))), KeywordAlertFunction.CreateAlertId(Hit(offset: TimeSpan.FromSeconds(3), timestamp: at.AddSeconds(9)), ordinal: 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => KeywordAlertFunction.CreateAlertId(Hit(), ordinal: -1));
    }

    [Fact]
    public void Constructors_RejectBadArguments()
    {
        var validator = new WebhookValidator(new WebhookValidatorOptions { AllowUnsignedDeliveries = true });
        var spotter = new KeywordSpotter(KeywordAlertHarness.Keywords);
        using var client = fauxqs.CreateClient();

        Assert.Equal("queueUrl", Assert.Throws<ArgumentException>(() => new SqsKeywordAlertQueue(client, "keyword-alerts")).ParamName);
        Assert.True(new SqsKeywordAlertQueue(client, "https://sqs.us-east-1.amazonaws.com/123456789012/alerts.fifo").IsFifo);
        Assert.False(new SqsKeywordAlertQueue(client, "https://sqs.us-east-1.amazonaws.com/123456789012/alerts").IsFifo);
        Assert.Equal("options", Assert.Throws<ArgumentOutOfRangeException>(() => new KeywordAlertFunction(validator, spotter, new SwitchableQueue(null!), new KeywordAlertFunctionOptions { MaxBodyBytes = 0 })).ParamName);
        Assert.Equal("queue", Assert.Throws<ArgumentNullException>(() => new KeywordAlertFunction(validator, spotter, null!)).ParamName);
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static (int Status, string State, int Hits, int Sent) Describe((int Status, JsonNode Body) answer) =>
        (answer.Status, answer.Body["status"]!.GetValue<string>(), answer.Body["hits"]?.GetValue<int>() ?? 0, answer.Body["sent"]?.GetValue<int>() ?? 0);

    // Standard queues do not promise order: compare the keywords sorted.
    private static string[] KeywordsOf(IEnumerable<Message> messages) =>
        messages.Select(m => KeywordAlertHarness.BodyOf(m)["keyword"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToArray();

    /// <summary>An SQS queue whose endpoint the test switches (a failing one, then fauxqs), as a queue recovering would.</summary>
    private sealed class SwitchableQueue(IKeywordAlertQueue inner) : IKeywordAlertQueue
    {
        public IKeywordAlertQueue Inner { get; set; } = inner;

        public Task<IReadOnlyList<KeywordAlertFailure>> SendAsync(IReadOnlyList<KeywordAlertMessage> messages, CancellationToken cancellationToken = default) =>
            Inner.SendAsync(messages, cancellationToken);
    }
}
