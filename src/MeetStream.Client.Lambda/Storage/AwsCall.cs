using Amazon.Runtime;

namespace MeetStream.Client.Lambda.Storage;

/// <summary>Runs an AWS SDK call and turns its failures (after the SDK's retries) into <see cref="LambdaStorageException"/>.</summary>
internal static class AwsCall
{
    public static async Task<T> RunAsync<T>(string service, string operation, string target, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (AmazonServiceException ex) when (ex is not Amazon.DynamoDBv2.Model.ConditionalCheckFailedException)
        {
            var throttled = ex.ErrorCode is "ProvisionedThroughputExceededException" or "ThrottlingException" or "RequestLimitExceeded" or "SlowDown";
            var advice = throttled
                ? "AWS throttled the call even after the SDK's retries; Lambda retries the event, or raise the capacity."
                : (int)ex.StatusCode >= 500 ? "AWS had a server error; Lambda retries the event." : "Check the table or bucket name, its region and the function's IAM permissions.";
            throw new LambdaStorageException($"{service} {operation} on {target} failed: {ex.ErrorCode ?? ((int)ex.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)} ({ex.Message}). {advice}", service, operation, ex.ErrorCode, ex.StatusCode, ex);
        }
        catch (AmazonClientException ex)
        {
            throw new LambdaStorageException($"{service} {operation} on {target} could not be sent: {ex.Message}. Check the endpoint, network and credentials.", service, operation, null, null, ex);
        }
    }
}
