using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.S3;
using Amazon.SQS;
using MeetStream.Client.Keywords;
using MeetStream.Client.Lambda.Functions;
using MeetStream.Client.Webhooks;

namespace MeetStream.Client.Lambda;

/// <summary>
/// Builds the pipeline's functions from environment variables, creating only the clients each function needs (the
/// webhook function never builds a MeetStream or S3 client), once per execution environment. One executable can host
/// all four: choose with <c>MEETSTREAM_FUNCTION</c> (or a <c>_HANDLER</c> equal to a function name).
/// </summary>
/// <remarks>
/// <para>Environment variables:</para>
/// <list type="table">
/// <item><term><c>MEETSTREAM_FUNCTION</c></term><description><c>webhook</c>, <c>calendar-trigger</c>, <c>transcript</c> or <c>keyword-alerts</c>.</description></item>
/// <item><term><c>MEETSTREAM_SESSIONS_TABLE</c></term><description>The sessions table (webhook, calendar trigger, transcript).</description></item>
/// <item><term><c>MEETSTREAM_IDEMPOTENCY_TABLE</c></term><description>The idempotency table (webhook, calendar trigger).</description></item>
/// <item><term><c>MEETSTREAM_TRANSCRIPTS_BUCKET</c></term><description>The transcripts bucket (transcript function).</description></item>
/// <item><term><c>MEETSTREAM_API_KEY</c></term><description>Secret (or <c>_SECRET_ID</c>/<c>_PARAMETER</c>); calendar trigger and transcript function. <c>MEETSTREAM_API_URL</c> overrides the base URL.</description></item>
/// <item><term><c>MEETSTREAM_WEBHOOK_SECRET</c></term><description>Secret: workspace webhook signing secrets, comma-separated for rotation.</description></item>
/// <item><term><c>MEETSTREAM_CALLBACK_TOKEN_SECRET</c></term><description>Secret: callback URL token secrets, comma-separated (the first issues new tokens).</description></item>
/// <item><term><c>MEETSTREAM_ALLOW_UNSIGNED_WEBHOOKS</c></term><description><c>true</c> to accept deliveries with neither (not recommended).</description></item>
/// <item><term><c>MEETSTREAM_WEBHOOK_URL</c></term><description>The public URL of <c>POST /webhooks</c>, given to bots as <c>callback_url</c>.</description></item>
/// <item><term><c>MEETSTREAM_BOT_NAME</c></term><description>The default bot name.</description></item>
/// <item><term><c>MEETSTREAM_TRANSCRIPT_STALE_AFTER_MINUTES</c>, <c>MEETSTREAM_TRANSCRIPT_MAX_ATTEMPTS</c></term><description>The stale-session sweep's patience.</description></item>
/// <item><term><c>MEETSTREAM_KEYWORD_QUEUE_URL</c></term><description>The SQS queue keyword hits are sent to (keyword alerts; a <c>.fifo</c> URL is a FIFO queue).</description></item>
/// <item><term><c>MEETSTREAM_KEYWORDS</c>, <c>MEETSTREAM_KEYWORDS_FILE</c></term><description>The keywords (keyword alerts): comma-separated <c>phrase</c> or <c>category:phrase</c>, and/or a JSON file of <c>{"phrase","category","id","match_plurals"}</c> objects.</description></item>
/// <item><term><c>AWS_ENDPOINT_URL_DYNAMODB</c>, <c>AWS_ENDPOINT_URL_S3</c>, <c>AWS_ENDPOINT_URL_SQS</c></term><description>Endpoint overrides for local emulators.</description></item>
/// </list>
/// </remarks>
public static class MeetStreamPipeline
{
    /// <summary>The webhook function's name.</summary>
    public const string WebhookFunctionName = "webhook";

    /// <summary>The calendar trigger function's name.</summary>
    public const string CalendarTriggerFunctionName = "calendar-trigger";

    /// <summary>The transcript function's name.</summary>
    public const string TranscriptFunctionName = "transcript";

    /// <summary>The keyword-alert function's name.</summary>
    public const string KeywordAlertsFunctionName = "keyword-alerts";

    /// <summary>The environment variable that chooses the function.</summary>
    public const string FunctionEnvironmentVariable = "MEETSTREAM_FUNCTION";

    /// <summary>Reads which function to run: <c>MEETSTREAM_FUNCTION</c>, else <c>_HANDLER</c> when it names a function.</summary>
    /// <param name="getEnvironmentVariable">How to read the environment; <see langword="null"/> for the process environment.</param>
    /// <returns>The function name.</returns>
    /// <exception cref="LambdaHostException">Neither names a function.</exception>
    public static string ResolveFunctionName(Func<string, string?>? getEnvironmentVariable = null)
    {
        getEnvironmentVariable ??= Environment.GetEnvironmentVariable;
        foreach (var candidate in new[] { getEnvironmentVariable(FunctionEnvironmentVariable), getEnvironmentVariable("_HANDLER") })
        {
            var name = candidate?.Trim().ToLowerInvariant();
            if (name is WebhookFunctionName or CalendarTriggerFunctionName or TranscriptFunctionName or KeywordAlertsFunctionName)
            {
                return name;
            }
        }

        throw new LambdaHostException($"Set {FunctionEnvironmentVariable} to '{WebhookFunctionName}', '{CalendarTriggerFunctionName}', '{TranscriptFunctionName}' or '{KeywordAlertsFunctionName}' to choose the function this executable runs (was '{getEnvironmentVariable(FunctionEnvironmentVariable)}', _HANDLER '{getEnvironmentVariable("_HANDLER")}').");
    }

    /// <summary>Builds one function from the environment (the init phase).</summary>
    /// <param name="functionName"><c>webhook</c>, <c>calendar-trigger</c>, <c>transcript</c> or <c>keyword-alerts</c>.</param>
    /// <param name="options">Code-level settings; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels secret reads.</param>
    /// <returns>The function.</returns>
    /// <exception cref="ArgumentException">The name is not one of the four.</exception>
    /// <exception cref="LambdaHostException">A required setting is missing.</exception>
    /// <exception cref="LambdaSecretException">A secret could not be read.</exception>
    public static async Task<ILambdaFunction> CreateFunctionAsync(string functionName, MeetStreamPipelineOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(functionName);
        options ??= new MeetStreamPipelineOptions();
        var env = options.GetEnvironmentVariable;
        var ownsSecrets = options.Secrets is null;
        var secrets = options.Secrets ?? new LambdaSecretProvider(new LambdaSecretProviderOptions { GetEnvironmentVariable = env, TimeProvider = options.TimeProvider });
        try
        {
            switch (functionName.Trim().ToLowerInvariant())
            {
                case WebhookFunctionName:
                {
                    var (sessionsTable, idempotencyTable) = (Required(env, "MEETSTREAM_SESSIONS_TABLE"), Required(env, "MEETSTREAM_IDEMPOTENCY_TABLE"));
                    var validator = await CreateValidatorAsync(secrets, env, options.TimeProvider, required: true, cancellationToken).ConfigureAwait(false);
                    var dynamo = options.DynamoDb ?? CreateDynamoDb(env);
                    options.Webhook.TimeProvider = options.TimeProvider;
                    return new WebhookFunction(validator!, Sessions(dynamo, sessionsTable, options.TimeProvider), Ledger(dynamo, idempotencyTable, options.TimeProvider), options.Webhook);
                }

                case CalendarTriggerFunctionName:
                {
                    var (sessionsTable, idempotencyTable) = (Required(env, "MEETSTREAM_SESSIONS_TABLE"), Required(env, "MEETSTREAM_IDEMPOTENCY_TABLE"));
                    var client = options.Client ?? await CreateClientAsync(secrets, env, options, cancellationToken).ConfigureAwait(false);
                    var dynamo = options.DynamoDb ?? CreateDynamoDb(env);
                    var trigger = options.CalendarTrigger;
                    trigger.TimeProvider = options.TimeProvider;
                    if (trigger.CallbackUrl is null && env("MEETSTREAM_WEBHOOK_URL") is { Length: > 0 } url)
                    {
                        trigger.CallbackUrl = Uri.TryCreate(url, UriKind.Absolute, out var parsed)
                            ? parsed
                            : throw new LambdaHostException($"MEETSTREAM_WEBHOOK_URL must be an absolute URL (was '{url}').");
                    }

                    trigger.CallbackTokenIssuer ??= await CreateValidatorAsync(secrets, env, options.TimeProvider, required: false, cancellationToken).ConfigureAwait(false);
                    if (env("MEETSTREAM_BOT_NAME") is { Length: > 0 } botName)
                    {
                        trigger.DefaultBotName = botName;
                    }

                    return new CalendarTriggerFunction(client, Sessions(dynamo, sessionsTable, options.TimeProvider), Ledger(dynamo, idempotencyTable, options.TimeProvider), trigger);
                }

                case TranscriptFunctionName:
                {
                    var (sessionsTable, bucket) = (Required(env, "MEETSTREAM_SESSIONS_TABLE"), Required(env, "MEETSTREAM_TRANSCRIPTS_BUCKET"));
                    var client = options.Client ?? await CreateClientAsync(secrets, env, options, cancellationToken).ConfigureAwait(false);
                    var dynamo = options.DynamoDb ?? CreateDynamoDb(env);
                    var s3 = options.S3 ?? CreateS3(env);
                    var transcript = options.Transcript;
                    transcript.TimeProvider = options.TimeProvider;
                    if (Number(env, "MEETSTREAM_TRANSCRIPT_STALE_AFTER_MINUTES") is { } minutes)
                    {
                        transcript.StaleAfter = TimeSpan.FromMinutes(minutes);
                    }

                    if (Number(env, "MEETSTREAM_TRANSCRIPT_MAX_ATTEMPTS") is { } attempts)
                    {
                        transcript.MaxAttempts = attempts;
                    }

                    if (transcript.Analytics is null && env("MEETSTREAM_BOT_NAME") is { Length: > 0 } analyticsBotName)
                    {
                        transcript.Analytics = new Analytics.TalkTimeOptions { BotName = analyticsBotName };
                    }

                    var store = new S3TranscriptStore(s3, new S3TranscriptStoreOptions { BucketName = bucket, TimeProvider = options.TimeProvider });
                    return new TranscriptFunction(client, Sessions(dynamo, sessionsTable, options.TimeProvider), store, transcript);
                }

                case KeywordAlertsFunctionName:
                {
                    var queueUrl = Required(env, "MEETSTREAM_KEYWORD_QUEUE_URL");
                    var spotter = options.KeywordSpotter ?? new KeywordSpotter(
                        KeywordConfiguration.Read(env),
                        new KeywordSpotterOptions { BotName = env("MEETSTREAM_BOT_NAME") is { Length: > 0 } spotterBotName ? spotterBotName : null });
                    var validator = await CreateTokenValidatorAsync(secrets, env, options.TimeProvider, cancellationToken).ConfigureAwait(false);
                    var sqs = options.Sqs ?? CreateSqs(env);
                    return new KeywordAlertFunction(validator, spotter, new SqsKeywordAlertQueue(sqs, queueUrl), options.KeywordAlerts);
                }

                default:
                    throw new ArgumentException($"'{functionName}' is not a pipeline function; use '{WebhookFunctionName}', '{CalendarTriggerFunctionName}', '{TranscriptFunctionName}' or '{KeywordAlertsFunctionName}'.", nameof(functionName));
            }
        }
        finally
        {
            if (ownsSecrets)
            {
                secrets.Dispose();
            }
        }
    }

    private static DynamoDbBotSessionStore Sessions(IAmazonDynamoDB dynamo, string table, TimeProvider time) =>
        new(dynamo, new DynamoDbBotSessionStoreOptions { TableName = table, TimeProvider = time });

    private static DynamoDbIdempotencyLedger Ledger(IAmazonDynamoDB dynamo, string table, TimeProvider time) =>
        new(dynamo, new DynamoDbIdempotencyLedgerOptions { TableName = table, TimeProvider = time });

    private static async Task<IMeetStreamClient> CreateClientAsync(LambdaSecretProvider secrets, Func<string, string?> env, MeetStreamPipelineOptions options, CancellationToken cancellationToken)
    {
        var clientOptions = new MeetStreamClientOptions
        {
            ApiKey = await secrets.GetRequiredAsync(MeetStreamClientOptions.ApiKeyEnvironmentVariable, cancellationToken).ConfigureAwait(false),
            TimeProvider = options.TimeProvider,
            ApplicationName = "meetstream-lambda",
        };
        if (env(MeetStreamClientOptions.BaseUrlEnvironmentVariable) is { Length: > 0 } baseUrl)
        {
            clientOptions.BaseUrl = Uri.TryCreate(baseUrl, UriKind.Absolute, out var parsed)
                ? parsed
                : throw new LambdaHostException($"{MeetStreamClientOptions.BaseUrlEnvironmentVariable} must be an absolute URL (was '{baseUrl}').");
        }

        options.ConfigureClient?.Invoke(clientOptions);
        return new MeetStreamClient(clientOptions);
    }

    private static async Task<WebhookValidator?> CreateValidatorAsync(LambdaSecretProvider secrets, Func<string, string?> env, TimeProvider time, bool required, CancellationToken cancellationToken)
    {
        var validatorOptions = new WebhookValidatorOptions
        {
            AllowUnsignedDeliveries = string.Equals(env("MEETSTREAM_ALLOW_UNSIGNED_WEBHOOKS"), "true", StringComparison.OrdinalIgnoreCase),
            TimeProvider = time,
        };
        foreach (var secret in Split(await secrets.GetAsync("MEETSTREAM_WEBHOOK_SECRET", cancellationToken).ConfigureAwait(false)))
        {
            validatorOptions.SigningSecrets.Add(secret);
        }

        foreach (var secret in Split(await secrets.GetAsync("MEETSTREAM_CALLBACK_TOKEN_SECRET", cancellationToken).ConfigureAwait(false)))
        {
            validatorOptions.CallbackTokenSecrets.Add(secret);
        }

        if (validatorOptions.SigningSecrets.Count == 0 && validatorOptions.CallbackTokenSecrets.Count == 0 && !validatorOptions.AllowUnsignedDeliveries)
        {
            return required
                ? throw new LambdaHostException("The webhook function has no way to verify deliveries: set MEETSTREAM_WEBHOOK_SECRET (workspace webhooks) and/or MEETSTREAM_CALLBACK_TOKEN_SECRET (per-bot callback URLs), directly or through _SECRET_ID/_PARAMETER.")
                : null;
        }

        return new WebhookValidator(validatorOptions);
    }

    // Live transcript deliveries are never signed: only the URL token (or, explicitly, nothing) can authenticate them.
    private static async Task<WebhookValidator> CreateTokenValidatorAsync(LambdaSecretProvider secrets, Func<string, string?> env, TimeProvider time, CancellationToken cancellationToken)
    {
        var validatorOptions = new WebhookValidatorOptions
        {
            AllowUnsignedDeliveries = string.Equals(env("MEETSTREAM_ALLOW_UNSIGNED_WEBHOOKS"), "true", StringComparison.OrdinalIgnoreCase),
            TimeProvider = time,
        };
        foreach (var secret in Split(await secrets.GetAsync("MEETSTREAM_CALLBACK_TOKEN_SECRET", cancellationToken).ConfigureAwait(false)))
        {
            validatorOptions.CallbackTokenSecrets.Add(secret);
        }

        if (validatorOptions.CallbackTokenSecrets.Count == 0 && !validatorOptions.AllowUnsignedDeliveries)
        {
            throw new LambdaHostException("The keyword-alerts function has no way to check deliveries: live transcripts are not signed, so set MEETSTREAM_CALLBACK_TOKEN_SECRET (directly or through _SECRET_ID/_PARAMETER) and give bots a live transcription URL made with WebhookValidator.CreateCallbackUrl.");
        }

        return new WebhookValidator(validatorOptions);
    }

    private static AmazonSQSClient CreateSqs(Func<string, string?> env)
    {
        var endpoint = env("AWS_ENDPOINT_URL_SQS") ?? env("AWS_ENDPOINT_URL");
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return new AmazonSQSClient();
        }

        return new AmazonSQSClient(new AmazonSQSConfig { ServiceURL = endpoint, AuthenticationRegion = env("AWS_REGION") ?? "us-east-1" });
    }

    private static AmazonDynamoDBClient CreateDynamoDb(Func<string, string?> env)
    {
        var endpoint = env("AWS_ENDPOINT_URL_DYNAMODB") ?? env("AWS_ENDPOINT_URL");
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return new AmazonDynamoDBClient();
        }

        return new AmazonDynamoDBClient(new AmazonDynamoDBConfig { ServiceURL = endpoint, AuthenticationRegion = env("AWS_REGION") ?? "us-east-1" });
    }

    private static AmazonS3Client CreateS3(Func<string, string?> env)
    {
        var endpoint = env("AWS_ENDPOINT_URL_S3") ?? env("AWS_ENDPOINT_URL");
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return new AmazonS3Client();
        }

        return new AmazonS3Client(new AmazonS3Config { ServiceURL = endpoint, ForcePathStyle = true, AuthenticationRegion = env("AWS_REGION") ?? "us-east-1" });
    }

    private static string Required(Func<string, string?> env, string name) =>
        env(name) is { Length: > 0 } value ? value : throw new LambdaHostException($"The environment variable {name} is not set; the pipeline needs it (see the SAM template in samples/LambdaPipeline).");

    private static int? Number(Func<string, string?> env, string name) =>
        env(name) is { Length: > 0 } text
            ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : throw new LambdaHostException($"{name} must be a positive whole number (was '{text}').")
            : null;

    private static IEnumerable<string> Split(string? value) =>
        (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
