using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace MeetStream.Client.Lambda.Storage;

/// <summary>Creates a table, waits until it is active and enables TTL where the endpoint supports it.</summary>
internal static class TableSetup
{
    public static async Task CreateAsync(IAmazonDynamoDB dynamoDb, CreateTableRequest request, string ttlAttribute, CancellationToken cancellationToken)
    {
        try
        {
            await AwsCall.RunAsync("DynamoDB", "CreateTable", request.TableName, () => dynamoDb.CreateTableAsync(request, cancellationToken)).ConfigureAwait(false);
        }
        catch (LambdaStorageException ex) when (ex.ErrorCode == "ResourceInUseException")
        {
            // Already there: fine, wait for it below.
        }

        for (var attempt = 0; ; attempt++)
        {
            var described = await AwsCall.RunAsync("DynamoDB", "DescribeTable", request.TableName, () => dynamoDb.DescribeTableAsync(new DescribeTableRequest { TableName = request.TableName }, cancellationToken)).ConfigureAwait(false);
            if (described.Table.TableStatus == TableStatus.ACTIVE)
            {
                break;
            }

            if (attempt > 600)
            {
                throw new LambdaStorageException($"DynamoDB table {request.TableName} did not become active within a minute.", "DynamoDB", "DescribeTable", null, null, null);
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await dynamoDb.UpdateTimeToLiveAsync(
                new UpdateTimeToLiveRequest
                {
                    TableName = request.TableName,
                    TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = ttlAttribute, Enabled = true },
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonDynamoDBException ex) when (ex.ErrorCode is "UnknownOperationException" or "ValidationException")
        {
            // Emulators such as dynalite do not implement TTL; tables created by a template enable it there.
        }
    }
}
