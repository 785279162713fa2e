using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.S3;
using MeetStream.Client.Tests.Infrastructure;
using MeetStream.Client.Webhooks;

namespace MeetStream.Client.Lambda.Tests.Infrastructure;

/// <summary>
/// One test's pipeline on real servers: its own dynalite tables, s3rver bucket and WireMock scope (playing MeetStream),
/// a fake clock, the stores and the three functions wired as production wires them.
/// </summary>
public sealed class PipelineHarness : IAsyncDisposable
{
    private PipelineHarness()
    {
    }

    public FakeTimeProvider Clock { get; } = new();

    public WireMockScope MeetStream { get; private set; } = null!;

    public MeetStreamClient Client { get; private set; } = null!;

    public AmazonDynamoDBClient DynamoDb { get; private set; } = null!;

    public AmazonS3Client S3 { get; private set; } = null!;

    public DynamoDbBotSessionStoreOptions SessionOptions { get; private set; } = null!;

    public DynamoDbIdempotencyLedgerOptions LedgerOptions { get; private set; } = null!;

    public string Bucket { get; private set; } = null!;

    public DynamoDbBotSessionStore Sessions { get; private set; } = null!;

    public DynamoDbIdempotencyLedger Ledger { get; private set; } = null!;

    public S3TranscriptStore Transcripts { get; private set; } = null!;

    public WebhookValidator Validator { get; private set; } = null!;

    public WebhookFunction Webhook { get; private set; } = null!;

    public CalendarTriggerFunction Trigger { get; private set; } = null!;

    public TranscriptFunction Transcript { get; set; } = null!;

    public Uri WebhookUrl { get; } = new("https://hooks.example.com/webhooks");

    public static async Task<PipelineHarness> StartAsync(DynaliteServer dynalite, S3rverServer s3rver, WireMockServer wireMock)
    {
        var harness = new PipelineHarness();
        (harness.SessionOptions, harness.LedgerOptions) = await dynalite.CreateTablesAsync(harness.Clock);
        harness.Bucket = await s3rver.CreateBucketAsync();
        harness.MeetStream = wireMock.CreateScope();
        harness.Client = TestClients.Create(harness.MeetStream);
        harness.DynamoDb = dynalite.CreateClient();
        harness.S3 = s3rver.CreateClient();
        harness.Sessions = new DynamoDbBotSessionStore(harness.DynamoDb, harness.SessionOptions);
        harness.Ledger = new DynamoDbIdempotencyLedger(harness.DynamoDb, harness.LedgerOptions);
        harness.Transcripts = new S3TranscriptStore(harness.S3, new S3TranscriptStoreOptions { BucketName = harness.Bucket, TimeProvider = harness.Clock });
        var validatorOptions = new WebhookValidatorOptions { TimeProvider = harness.Clock };
        validatorOptions.SigningSecrets.Add(LambdaEvents.SigningSecret);
        validatorOptions.CallbackTokenSecrets.Add(LambdaEvents.TokenSecret);
        harness.Validator = new WebhookValidator(validatorOptions);
        harness.Webhook = new WebhookFunction(harness.Validator, harness.Sessions, harness.Ledger, new WebhookFunctionOptions { TimeProvider = harness.Clock });
        harness.Trigger = harness.CreateTrigger(harness.Sessions, harness.Ledger);
        harness.Transcript = new TranscriptFunction(harness.Client, harness.Sessions, harness.Transcripts, new TranscriptFunctionOptions { TimeProvider = harness.Clock });
        return harness;
    }

    public CalendarTriggerFunction CreateTrigger(IBotSessionStore sessions, IIdempotencyLedger ledger) =>
        new(Client, sessions, ledger, new CalendarTriggerOptions { CallbackUrl = WebhookUrl, CallbackTokenIssuer = Validator, TimeProvider = Clock });

    public LambdaContext Context() => new("req-" + Guid.NewGuid().ToString("N")[..8], Clock.GetUtcNow().AddSeconds(30), Clock);

    /// <summary>Builds a signed HTTP API 2.0 delivery of <paramref name="body"/> (headers lower-cased as HTTP APIs send them).</summary>
    public byte[] SignedDelivery(JsonObject body, bool base64 = false)
    {
        var text = body.ToJsonString();
        var headers = new JsonObject
        {
            ["content-type"] = "application/json",
            ["user-agent"] = "MeetStream-Webhooks/1.0",
            ["x-meetstream-signature"] = WebhookValidator.ComputeSignature(text, LambdaEvents.SigningSecret),
            ["x-meetstream-timestamp"] = Clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        };
        return LambdaEvents.HttpApiEvent(text, headers, rawQuery: string.Empty, base64);
    }

    /// <summary>Builds an unsigned REST (payload 1.0) delivery to a callback URL carrying <paramref name="token"/>.</summary>
    public static byte[] CallbackDelivery(JsonObject body, string token)
    {
        var e = new JsonObject
        {
            ["resource"] = "/webhooks",
            ["path"] = "/webhooks",
            ["httpMethod"] = "POST",
            ["headers"] = new JsonObject { ["Content-Type"] = "application/json", ["User-Agent"] = "MeetStream-Webhooks/1.0" },
            ["multiValueHeaders"] = new JsonObject { ["Content-Type"] = new JsonArray("application/json"), ["User-Agent"] = new JsonArray("MeetStream-Webhooks/1.0") },
            ["queryStringParameters"] = new JsonObject { ["meetstream_token"] = token },
            ["multiValueQueryStringParameters"] = new JsonObject { ["meetstream_token"] = new JsonArray(token) },
            ["pathParameters"] = null,
            ["stageVariables"] = null,
            ["requestContext"] = new JsonObject { ["requestId"] = "rest-" + Guid.NewGuid().ToString("N")[..8], ["stage"] = "prod", ["httpMethod"] = "POST", ["path"] = "/prod/webhooks", ["identity"] = new JsonObject { ["sourceIp"] = "203.0.113.7" } },
            ["body"] = body.ToJsonString(),
            ["isBase64Encoded"] = false,
        };
        return Encoding.UTF8.GetBytes(e.ToJsonString());
    }

    /// <summary>Invokes the webhook function and returns the HTTP status and parsed JSON body.</summary>
    public async Task<(int Status, JsonNode Body)> DeliverAsync(byte[] httpEvent, CancellationToken cancellationToken)
    {
        var response = JsonNode.Parse((await Webhook.InvokeAsync(httpEvent, Context(), cancellationToken)).Span)!;
        return (response["statusCode"]!.GetValue<int>(), JsonNode.Parse(response["body"]!.GetValue<string>())!);
    }

    public async Task<CalendarTriggerResult> TriggerAsync(JsonObject calendarEvent, CancellationToken cancellationToken)
    {
        var output = await Trigger.InvokeAsync(Encoding.UTF8.GetBytes(calendarEvent.ToJsonString()), Context(), cancellationToken);
        return System.Text.Json.JsonSerializer.Deserialize<CalendarTriggerResult>(output.Span)!;
    }

    public async Task<JsonNode> RunTranscriptAsync(JsonNode input, CancellationToken cancellationToken)
    {
        var output = await Transcript.InvokeAsync(Encoding.UTF8.GetBytes(input.ToJsonString()), Context(), cancellationToken);
        return JsonNode.Parse(output.Span)!;
    }

    public static JsonObject CalendarEvent(string calendarEventId = "cal-42", string? occurrence = null, DateTimeOffset? joinAt = null) => new()
    {
        ["meeting_url"] = MeetStreamSamples.MeetingUrl,
        ["calendar_event_id"] = calendarEventId,
        ["user_id"] = "user-7",
        ["join_at"] = (joinAt ?? new DateTimeOffset(2026, 11, 21, 12, 30, 0, TimeSpan.Zero)).ToString("O", CultureInfo.InvariantCulture),
        ["occurrence_id"] = occurrence,
        ["bot_name"] = "Acme Notetaker",
        ["title"] = "Weekly planning",
        ["custom_attributes"] = new JsonObject { ["team"] = "platform" },
    };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        DynamoDb.Dispose();
        S3.Dispose();
        await Task.CompletedTask;
    }
}
