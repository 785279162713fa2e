using Amazon.DynamoDBv2;
using Amazon.S3;
using Amazon.SQS;
using MeetStream.Client.Keywords;

namespace MeetStream.Client.Lambda;

/// <summary>
/// Code-level settings of <see cref="MeetStreamPipeline"/>. Everything else comes from environment variables (see
/// <see cref="MeetStreamPipeline"/>); set a client here to replace the one built from the environment.
/// </summary>
public sealed class MeetStreamPipelineOptions
{
    /// <summary>Gets or sets how environment variables are read; default the process environment.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; set; } = Environment.GetEnvironmentVariable;

    /// <summary>Gets or sets the secret provider; <see langword="null"/> builds one over <see cref="GetEnvironmentVariable"/>.</summary>
    public LambdaSecretProvider? Secrets { get; set; }

    /// <summary>Gets or sets the DynamoDB client; <see langword="null"/> builds one (default credentials and region, or <c>AWS_ENDPOINT_URL_DYNAMODB</c>).</summary>
    public IAmazonDynamoDB? DynamoDb { get; set; }

    /// <summary>Gets or sets the S3 client; <see langword="null"/> builds one (default credentials and region, or <c>AWS_ENDPOINT_URL_S3</c> with path-style URLs).</summary>
    public IAmazonS3? S3 { get; set; }

    /// <summary>Gets or sets the SQS client of the keyword-alert function; <see langword="null"/> builds one (default credentials and region, or <c>AWS_ENDPOINT_URL_SQS</c>).</summary>
    public IAmazonSQS? Sqs { get; set; }

    /// <summary>
    /// Gets or sets the keyword-alert function's spotter; <see langword="null"/> builds one from <c>MEETSTREAM_KEYWORDS</c>
    /// and/or <c>MEETSTREAM_KEYWORDS_FILE</c>, ignoring the speech of <c>MEETSTREAM_BOT_NAME</c>.
    /// </summary>
    public KeywordSpotter? KeywordSpotter { get; set; }

    /// <summary>Gets or sets the MeetStream client; <see langword="null"/> builds one from <c>MEETSTREAM_API_KEY</c> and <c>MEETSTREAM_API_URL</c>.</summary>
    public IMeetStreamClient? Client { get; set; }

    /// <summary>Gets or sets a last change to the MeetStream client options built from the environment (timeouts, retries).</summary>
    public Action<MeetStreamClientOptions>? ConfigureClient { get; set; }

    /// <summary>Gets the calendar trigger's settings (the callback URL and token issuer are filled from the environment when unset).</summary>
    public CalendarTriggerOptions CalendarTrigger { get; } = new();

    /// <summary>Gets the transcript function's settings.</summary>
    public TranscriptFunctionOptions Transcript { get; } = new();

    /// <summary>Gets the keyword-alert function's settings.</summary>
    public KeywordAlertFunctionOptions KeywordAlerts { get; } = new();

    /// <summary>Gets the webhook function's settings.</summary>
    public WebhookFunctionOptions Webhook { get; } = new();

    /// <summary>Gets or sets the clock for every part of the pipeline; default the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
