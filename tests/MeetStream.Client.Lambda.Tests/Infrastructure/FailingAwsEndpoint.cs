using System.Net;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using MeetStream.Client.TestSupport.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeetStream.Client.Lambda.Tests.Infrastructure;

/// <summary>
/// A Kestrel endpoint on loopback that answers every AWS call with the same error (throttling, 5xx), the way DynamoDB
/// or S3 do, so tests can see how the pipeline surfaces AWS failures after the SDK's retries.
/// </summary>
public sealed class FailingAwsEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private FailingAwsEndpoint(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Starts an endpoint answering <paramref name="status"/> with a DynamoDB-style JSON error of <paramref name="errorType"/>.</summary>
    public static async Task<FailingAwsEndpoint> StartAsync(int status, string errorType, string message = "Injected failure")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        LoopbackKestrel.Listen(builder);
        var app = builder.Build();
        var endpoint = new FailingAwsEndpoint(app);
        app.Run(async context =>
        {
            Interlocked.Increment(ref endpoint._requests);
            using var drain = new MemoryStream();
            await context.Request.Body.CopyToAsync(drain);
            context.Response.StatusCode = status;
            context.Response.Headers["x-amzn-RequestId"] = "REQ" + endpoint.Requests;
            context.Response.Headers["x-amzn-ErrorType"] = errorType;
            if (context.Request.Headers.ContainsKey("X-Amz-Target"))
            {
                context.Response.ContentType = "application/x-amz-json-1.0";
                await context.Response.WriteAsync($"{{\"__type\":\"com.amazonaws.dynamodb.v20120810#{errorType}\",\"message\":\"{message}\"}}");
            }
            else
            {
                context.Response.ContentType = "application/xml";
                await context.Response.WriteAsync($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{errorType}</Code><Message>{message}</Message><RequestId>REQ</RequestId></Error>");
            }
        });
        await app.StartAsync();
        endpoint.Url = LoopbackKestrel.Address(app);
        return endpoint;
    }

    /// <summary>A DynamoDB client aimed at this endpoint with one SDK retry (kept small so tests stay fast).</summary>
    public AmazonDynamoDBClient CreateDynamoDbClient() =>
        new(new BasicAWSCredentials("dummy", "dummy"), new AmazonDynamoDBConfig { ServiceURL = Url.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 1 });

    /// <summary>An S3 client aimed at this endpoint with one SDK retry.</summary>
    public AmazonS3Client CreateS3Client() =>
        new(new BasicAWSCredentials("S3RVER", "S3RVER"), new AmazonS3Config { ServiceURL = Url.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1", MaxErrorRetry = 1 });

    /// <summary>An SQS client aimed at this endpoint with one SDK retry.</summary>
    public Amazon.SQS.AmazonSQSClient CreateSqsClient() =>
        new(new BasicAWSCredentials("dummy", "dummy"), new Amazon.SQS.AmazonSQSConfig { ServiceURL = Url.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 1 });

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
    }
}
