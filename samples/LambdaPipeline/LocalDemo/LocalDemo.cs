using System.Diagnostics;
using System.Globalization;
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
    /// <param name="args">The command line: <c>--time-scale N</c> (how much faster than real time the meeting runs; default 10).</param>
    /// <returns>0 when the transcript is in S3 and the session is done; 1 on a failure; 2 on a bad argument or when Node.js or the servers are missing; 130 on Ctrl+C.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        if (!TryReadTimeScale(args, out var timeScale, out var problem))
        {
            Console.Error.WriteLine("error: " + problem);
            return 2;
        }

        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCtrlC = (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCtrlC;
        try
        {
            return await RunUntilStoppedAsync(timeScale, stop);
        }
        finally
        {
            Console.CancelKeyPress -= onCtrlC;
        }
    }

    private static async Task<int> RunUntilStoppedAsync(double timeScale, CancellationTokenSource stop)
    {
        try
        {
            await RunStoryAsync(timeScale, stop.Token);
            return 0;
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
            Console.WriteLine("Stopped (Ctrl+C).");
            return 130;
        }
        catch (LocalDemoException ex)
        {
            Console.Error.WriteLine("error: " + ex.Message);
            return 2;
        }
        catch (Exception ex) when (ex is LocalInvocationException or TimeoutException)
        {
            Console.Error.WriteLine("error: " + ex.Message);
            return 1;
        }
        catch (Exception ex)
        {
            // Anything else (a storage or MeetStream error, a taken port): one line, the type says where it came from.
            Console.Error.WriteLine($"error: {ex.GetType().Name}: {ex.Message}");
            return 1;
        }
    }

    private static async Task RunStoryAsync(double timeScale, CancellationToken cancellationToken)
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
        await DynamoDbBotSessionStore.CreateTableAsync(dynamoDb, new DynamoDbBotSessionStoreOptions { TableName = SessionsTable }, cancellationToken);
        await DynamoDbIdempotencyLedger.CreateTableAsync(dynamoDb, new DynamoDbIdempotencyLedgerOptions { TableName = IdempotencyTable }, cancellationToken);
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = Bucket }, cancellationToken);
        Line("setup", $"DynamoDB (dynalite) at {dynalite.Url}: tables {SessionsTable}, {IdempotencyTable}");
        Line("setup", $"S3 (s3rver) at {s3rver.Url}: bucket {Bucket}");

        // MeetStream on the laptop: the simulator plays a short meeting ten times faster than real time.
        await using var simulator = await MeetStreamSimulator.StartAsync(
            new MeetStreamSimulatorOptions
            {
                TimeScale = timeScale,
                Timings = { StageGap = TimeSpan.FromSeconds(3), MeetingDuration = TimeSpan.FromSeconds(30) },
                WebhookTimeout = TimeSpan.FromMinutes(1),
            },
            cancellationToken);
        Line("setup", $"MeetStream simulator at {simulator.BaseAddress} (a 30-second meeting, {timeScale.ToString(CultureInfo.InvariantCulture)}x real time)");

        // Lambda on the laptop: one Runtime API per function, and the HTTP API in front of the webhook function.
        await using var triggerApi = await LocalRuntimeApi.StartAsync(MeetStreamPipeline.CalendarTriggerFunctionName, TimeSpan.FromSeconds(30), cancellationToken);
        await using var webhookApi = await LocalRuntimeApi.StartAsync(MeetStreamPipeline.WebhookFunctionName, TimeSpan.FromSeconds(10), cancellationToken);
        await using var transcriptApi = await LocalRuntimeApi.StartAsync(MeetStreamPipeline.TranscriptFunctionName, TimeSpan.FromSeconds(120), cancellationToken);
        var story = new LocalStory(Bucket, new LocalSessionStream(dynamoDb, SessionsTable), transcriptApi, cancellationToken);
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

    private static async Task TellAsync(LocalStory story, LocalRuntimeApi triggerApi, AmazonS3Client s3, AmazonDynamoDBClient dynamoDb, Stopwatch watch, CancellationToken cancellationToken)
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
            await story.Finished.WaitAsync(guard.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The bot did not reach bot.done with its transcript in S3 within {StoryTimeout.TotalMinutes:0} minutes; see the lines above.");
        }

        // 4. The summary: the transcript object in S3 and the session record in DynamoDB.
        var sessions = new DynamoDbBotSessionStore(dynamoDb, new DynamoDbBotSessionStoreOptions { TableName = SessionsTable });
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

    private static bool TryReadTimeScale(string[] args, out double timeScale, out string problem)
    {
        const string Usage = "usage: dotnet run --project samples/LambdaPipeline [-- --time-scale N] (N from 1 = real time to 100; default 10)";
        timeScale = 10;
        problem = string.Empty;
        if (args.Length == 0)
        {
            return true;
        }

        if (args.Length == 2 && args[0] == "--time-scale")
        {
            if (double.TryParse(args[1], NumberStyles.Float, CultureInfo.InvariantCulture, out timeScale) && timeScale is >= 1 and <= 100)
            {
                return true;
            }

            problem = $"--time-scale must be a number from 1 to 100 (was '{args[1]}'). {Usage}";
            return false;
        }

        problem = $"unknown arguments '{string.Join(' ', args)}'. {Usage}";
        return false;
    }

    private static string Shorten(string text, int length) =>
        text.Length <= length ? text : text[..length] + "...";

    /// <summary>Prints one line of the story: who did it, then what.</summary>
    internal static void Line(string who, string what) => Console.WriteLine($"[{who}] {what}");
}
