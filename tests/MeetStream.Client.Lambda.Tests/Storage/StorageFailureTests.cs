using MeetStream.Client.Lambda.Tests.Infrastructure;

namespace MeetStream.Client.Lambda.Tests.Storage;

/// <summary>Throttling and 5xx from AWS (after the SDK's retries) surface as <see cref="LambdaStorageException"/>.</summary>
public sealed class StorageFailureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ApplyStateAsync_DynamoDbThrottles_ThrowsThrottlingStorageExceptionAfterSdkRetry()
    {
        await using var aws = await FailingAwsEndpoint.StartAsync(400, "ProvisionedThroughputExceededException", "The level of configured provisioned throughput for the table was exceeded.");
        using var client = aws.CreateDynamoDbClient();
        var store = new DynamoDbBotSessionStore(client, new DynamoDbBotSessionStoreOptions { TableName = "sessions" });

        var error = await Assert.ThrowsAsync<LambdaStorageException>(() => store.ApplyStateAsync("bot-1", new SessionStateChange { Status = BotStatus.Joining, Stage = BotLifecycleStage.Joining, Event = "bot.joining", OccurredAt = DateTimeOffset.UtcNow }, Ct));

        Assert.True(error.IsThrottling);
        Assert.Equal("DynamoDB", error.Service);
        Assert.Equal("UpdateItem", error.Operation);
        Assert.Equal("ProvisionedThroughputExceededException", error.ErrorCode);
        Assert.Contains("throttled", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, aws.Requests);
    }

    [Fact]
    public async Task TryBeginAsync_DynamoDb500_ThrowsServerStorageException()
    {
        await using var aws = await FailingAwsEndpoint.StartAsync(500, "InternalServerError");
        using var client = aws.CreateDynamoDbClient();
        var ledger = new DynamoDbIdempotencyLedger(client, new DynamoDbIdempotencyLedgerOptions { TableName = "idempotency" });

        var error = await Assert.ThrowsAsync<LambdaStorageException>(() => ledger.TryBeginAsync("key", Ct));

        Assert.False(error.IsThrottling);
        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Contains("server error", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutAsync_S3SlowDown_ThrowsThrottlingStorageException()
    {
        await using var aws = await FailingAwsEndpoint.StartAsync(503, "SlowDown", "Please reduce your request rate.");
        using var client = aws.CreateS3Client();
        var store = new S3TranscriptStore(client, new S3TranscriptStoreOptions { BucketName = "bucket" });

        var error = await Assert.ThrowsAsync<LambdaStorageException>(() => store.PutAsync("bot", "tr", "[]"u8.ToArray(), Ct));

        Assert.True(error.IsThrottling);
        Assert.Equal("SlowDown", error.ErrorCode);
    }
}
