using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using MeetStream.Client;
using MeetStream.Client.Lambda;
using MeetStream.Client.Testing;
using MeetStream.Client.Webhooks;

namespace LambdaPipeline;

/// <summary>
/// The local demo (<c>dotnet run</c> without <c>AWS_LAMBDA_RUNTIME_API</c>): the three functions, built by
/// <see cref="MeetStreamPipeline"/> from the same settings the SAM template gives them, each served by its own
/// <see cref="LambdaHost"/> from a <see cref="LocalRuntimeApi"/>, against dynalite (DynamoDB), s3rver (S3) and the
/// MeetStream simulator. A calendar event fires, the bot goes through its meeting, the webhooks arrive through a local
/// HTTP API, the session's turn to <c>pending</c> is delivered as a stream record, and the transcript lands in S3.
/// </summary>
internal static class LocalDemo
{
    private const string SessionsTable = "meetstream-sessions";
    private const string IdempotencyTable = "meetstream-idempotency";
    private const string Bucket = "meetstream-transcripts";
    private const string CalendarEventId = "cal-weekly-planning";

    /// <summary>A hang guard, not a pacing: the story takes about ten seconds on an idle laptop.</summary>
    private static readonly TimeSpan StoryTimeout = TimeSpan.FromMinutes(3);

    /// <summary>Gets whether to run the demo: not inside Lambda (no <c>AWS_LAMBDA_RUNTIME_API</c>).</summary>
    public static bool ShouldRun() => string.IsNullOrEmpty(Environment.GetEnvironmentVariable(LambdaHostOptions.RuntimeApiEnvironmentVariable));

    /// <summary>Runs the demo to its summary; Ctrl+C stops it at any point.</summary>
    /// <returns>0 when the transcript is in S3 and the session is done; 1 on a failure; 2 when Node.js or the servers are missing; 130 on Ctrl+C.</returns>
    public static async Task<int> RunAsync()
    {
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        try
        {
            await RunStoryAsync(stop.Token);
            return 0;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Console.WriteLine("Stopped (Ctrl+C).");
            return 130;
        }
        catch (LocalDemoException ex)
        {
            Console.Error.WriteLine("error: " + ex.Message);
            return 2;
        }
        catch (Exception ex) when (ex is LocalInvocationException or TimeoutException or AmazonServiceException or MeetStreamException)
        {
            Console.Error.WriteLine("error: " + ex.Message);
            return 1;
        }
    }

    private static async Task RunStoryAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        Console.WriteLine("LambdaPipeline local demo: the three Lambda functions on local Runtime APIs, with dynalite (DynamoDB), s3rver (S3) and the MeetStream simulator. Ctrl+C stops it.");
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(MeetStreamClientOptions.ApiKeyEnvironmentVariable)))
        {
            Console.WriteLine("MEETSTREAM_API_KEY is set but not used: MeetStream cannot reach webhooks on your laptop, so the local demo always plays MeetStream with the simulator (deploy with SAM to use your key).");
        }

        // AWS on the laptop: dynalite and s3rver from tests/servers, with the template's tables and bucket.
        await using var dynalite = await LocalNodeServer.StartDynaliteAsync(cancellationToken);
        await using var s3rver = await LocalNodeServer.StartS3rverAsync(cancellationToken);
        using var dynamoDb = new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), new AmazonDynamoDBConfig { ServiceURL = dynalite.Url.ToString(), AuthenticationRegion = "us-east-1" });
        using var s3 = new AmazonS3Client(new BasicAWSCredentials("S3RVER", "S3RVER"), new AmazonS3Config { ServiceURL = s3rver.Url.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
        await DynamoDbBotSessionStore.CreateTableAsync(dynamoDb, new DynamoDbSessionStoreOptions { TableName = SessionsTable }, cancellationToken);
        await DynamoDbIdempotencyLedger.CreateTableAsync(dynamoDb, new DynamoDbIdempotencyLedgerOptions { TableName = IdempotencyTable }, cancellationToken);
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = Bucket }, cancellationToken);
        Line("setup", $"DynamoDB (dynalite) at {dynalite.Url}: tables {SessionsTable}, {IdempotencyTable}");
        Line("setup", $"S3 (s3rver) at {s3rver.Url}: bucket {Bucket}");

        // MeetStream on the laptop: the simulator plays a short meeting ten times faster than real time.
        await using var simulator = await MeetStreamSimulator.StartAsync(
            new MeetStreamSimulatorOptions
            {
                TimeScale = 10,
                Timings = { StageGap = TimeSpan.FromSeconds(3), MeetingDuration = TimeSpan.FromSeconds(30) },
                WebhookTimeout = TimeSpan.FromMinutes(1),
            },
            cancellationToken);
        Line("setup", $"MeetStream simulator at {simulator.BaseAddress} (a 30-second meeting at 10x)");

        // Lambda on the laptop: one Runtime API per function, and the HTTP API in front of the webhook function.
        await using var triggerApi = await LocalRuntimeApi.StartAsync(MeetStreamPipeline.CalendarTriggerFunctionName, TimeSpan.FromSeconds(30), cancellationToken);
        await using var webhookApi = await LocalRuntimeApi.StartAsync(MeetStreamPipeline.WebhookFunctionName, TimeSpan.FromSeconds(10), cancellationToken);
        await using var transcriptApi = await LocalRuntimeApi.StartAsync(MeetStreamPipeline.TranscriptFunctionName, TimeSpan.FromSeconds(120), cancellationToken);
        var story = new Story(new LocalSessionStream(dynamoDb, SessionsTable), transcriptApi, cancellationToken);
        await using var httpApi = await LocalHttpApi.StartAsync(webhookApi, story.OnWebhookAnsweredAsync, cancellationToken);
        Line("setup", $"HTTP API: POST {httpApi.WebhookUrl} -> webhook function");

        var environment = new Dictionary<string, string>
        {
            ["MEETSTREAM_SESSIONS_TABLE"] = SessionsTable,
            ["MEETSTREAM_IDEMPOTENCY_TABLE"] = IdempotencyTable,
            ["MEETSTREAM_TRANSCRIPTS_BUCKET"] = Bucket,
            ["MEETSTREAM_API_KEY"] = simulator.ApiKey,
            ["MEETSTREAM_API_URL"] = simulator.BaseAddress.ToString(),
            ["MEETSTREAM_CALLBACK_TOKEN_SECRET"] = WebhookValidator.GenerateSecret(),
            ["MEETSTREAM_WEBHOOK_URL"] = httpApi.WebhookUrl.ToString(),
            ["MEETSTREAM_BOT_NAME"] = "Acme Notetaker",
        };
        using var stopHosts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var hosts = new[] { triggerApi, webhookApi, transcriptApi }
            .Select(api => LambdaHost.RunAsync(
                ct => MeetStreamPipeline.CreateFunctionAsync(
                    api.FunctionName,
                    new MeetStreamPipelineOptions { GetEnvironmentVariable = name => environment.GetValueOrDefault(name), DynamoDb = dynamoDb, S3 = s3 },
                    ct),
                new LambdaHostOptions { RuntimeApi = api.Address, SetTraceIdEnvironmentVariable = false, ApplyFunctionMemoryLimit = false },
                stopHosts.Token))
            .ToArray();
        Line("setup", $"Lambda Runtime APIs: calendar-trigger {triggerApi.Address}, webhook {webhookApi.Address}, transcript {transcriptApi.Address}");

        try
        {
            await TellAsync(story, triggerApi, s3, dynamoDb, watch, cancellationToken);
        }
        finally
        {
            await stopHosts.CancelAsync();
            await Task.WhenAll(hosts).WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
        }
    }

    private static async Task TellAsync(Story story, LocalRuntimeApi triggerApi, AmazonS3Client s3, AmazonDynamoDBClient dynamoDb, Stopwatch watch, CancellationToken cancellationToken)
    {
        // 1. EventBridge Scheduler fires the calendar event: the trigger creates the bot and records the session.
        var calendarEvent = new JsonObject
        {
            ["meeting_url"] = "https://meet.google.com/abc-defg-hij",
            ["calendar_event_id"] = CalendarEventId,
            ["user_id"] = "user-7",
            ["title"] = "Weekly planning",
        };
        Line("calendar-trigger", $"calendar event {CalendarEventId} fired (as EventBridge Scheduler invokes it)");
        var created = JsonNode.Parse(await triggerApi.InvokeAsync(calendarEvent, cancellationToken))!;
        var botId = created["bot_id"]!.GetValue<string>();
        Line("calendar-trigger", $"bot created: {botId} (transcript {created["transcript_id"]}, Idempotency-Key {created["idempotency_key"]})");

        // 2. EventBridge fires it again (a retry): the same bot, no second create.
        var repeated = JsonNode.Parse(await triggerApi.InvokeAsync(calendarEvent, cancellationToken))!;
        Line("calendar-trigger", $"fired again (a retry): same bot {repeated["bot_id"]}, replayed = {repeated["replayed"]}");

        // 3. The meeting plays out: webhooks, the stream, the transcript (printed by the story as they happen).
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        guard.CancelAfter(StoryTimeout);
        try
        {
            await story.Finished(botId).WaitAsync(guard.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The bot did not reach bot.done with its transcript in S3 within {StoryTimeout.TotalMinutes:0} minutes; see the lines above.");
        }

        // 4. The summary: the transcript object in S3 and the session record in DynamoDB.
        var sessions = new DynamoDbBotSessionStore(dynamoDb, new DynamoDbSessionStoreOptions { TableName = SessionsTable });
        var session = (await sessions.GetAsync(botId, cancellationToken))!;
        using var transcriptObject = await s3.GetObjectAsync(Bucket, session.TranscriptS3Key, cancellationToken);
        using var reader = new StreamReader(transcriptObject.ResponseStream, Encoding.UTF8);
        var transcriptJson = await reader.ReadToEndAsync(cancellationToken);
        Console.WriteLine();
        Console.WriteLine("Summary");
        Line("S3", $"s3://{Bucket}/{session.TranscriptS3Key} ({Encoding.UTF8.GetByteCount(transcriptJson)} bytes, {transcriptObject.Headers.ContentType})");
        Line("S3", "begins: " + Shorten(transcriptJson, 100));
        Line("DynamoDB", $"{SessionsTable}[bot_id = {session.BotId}]: bot_status {session.Status}, last_event {session.LastEvent}, stop_reason {session.StopReason}, calendar_event_id {session.CalendarEventId}, transcript {session.Transcript}, transcript_s3_key {session.TranscriptS3Key}");
        Line("webhooks", $"{story.Delivered} delivered: {story.Processed} processed, {story.Other} duplicate or ignored, {story.Refused} refused");
        Console.WriteLine($"Done in {watch.Elapsed.TotalSeconds:0.0} s: calendar event -> bot -> webhooks -> transcript in S3, all on this machine.");
    }

    private static string Shorten(string text, int length) =>
        text.Length <= length ? text : text[..length] + "...";

    /// <summary>Prints one line of the story: who did it, then what.</summary>
    internal static void Line(string who, string what) => Console.WriteLine($"[{who}] {what}");

    /// <summary>What happens after the bot is created, as it happens: webhooks answered, stream records, transcript runs.</summary>
    private sealed class Story(LocalSessionStream stream, LocalRuntimeApi transcriptApi, CancellationToken cancellationToken)
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _stored = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _delivered;
        private int _processed;
        private int _refused;

        public int Delivered => Volatile.Read(ref _delivered);

        public int Processed => Volatile.Read(ref _processed);

        public int Refused => Volatile.Read(ref _refused);

        public int Other => Delivered - Processed - Refused;

        /// <summary>Completes when the session reached <c>bot.done</c> and its transcript is in S3; fails on a refused delivery or a failed fetch.</summary>
        public Task Finished(string botId) => Task.WhenAll(_done.Task, _stored.Task);

        public async Task OnWebhookAnsweredAsync(WebhookAnswer answer)
        {
            Interlocked.Increment(ref _delivered);
            var body = answer.Body;
            var eventName = body?["event"]?.GetValue<string>() ?? "(unreadable)";
            var status = body?["status"]?.GetValue<string>() ?? "error";
            var effect = body?["effect"]?.GetValue<string>() is { } e ? $" ({e})" : string.Empty;
            Line("webhook", $"{eventName} -> {answer.StatusCode} {status}{effect}{(answer.Error is null ? string.Empty : ": " + answer.Error)}");
            if (answer.StatusCode != 200)
            {
                Interlocked.Increment(ref _refused);
                _done.TrySetException(new LocalInvocationException($"The webhook function answered {answer.StatusCode} to {eventName}: {answer.Error ?? body?["error"]?.ToString()}"));
                return;
            }

            if (status == "processed")
            {
                Interlocked.Increment(ref _processed);
            }

            if (eventName == "bot.done")
            {
                _done.TrySetResult();
            }

            if (body?["bot_id"]?.GetValue<string>() is { } botId && await stream.ChangedAsync(botId, cancellationToken) is { } record)
            {
                Line("stream", $"session {botId}: work_state -> pending; the DynamoDB stream invokes the transcript function");
                _ = FetchTranscriptAsync(record);
            }
        }

        private async Task FetchTranscriptAsync(JsonObject record)
        {
            try
            {
                var result = JsonNode.Parse(await transcriptApi.InvokeAsync(record, cancellationToken))!;
                foreach (var session in result["results"]!.AsArray())
                {
                    var outcome = session!["outcome"]!.GetValue<string>();
                    Line("transcript", outcome == "stored"
                        ? $"transcript {session["transcript_id"]} fetched from MeetStream and stored: s3://{Bucket}/{session["s3_key"]}"
                        : $"{session["bot_id"]}: {outcome} {session["note"]}");
                    if (outcome == "stored")
                    {
                        _stored.TrySetResult();
                    }
                    else
                    {
                        _stored.TrySetException(new LocalInvocationException($"The transcript function answered {outcome}: {session["note"]}"));
                    }
                }
            }
            catch (Exception ex)
            {
                _stored.TrySetException(ex);
            }
        }
    }
}
