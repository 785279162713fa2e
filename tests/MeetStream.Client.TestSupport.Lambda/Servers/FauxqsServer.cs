using System.Globalization;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace MeetStream.Client.Lambda.Tests.Infrastructure;

/// <summary>
/// fauxqs 1.9.2 (an in-memory SQS API speaking the JSON protocol of the AWS SDK v4) for the whole test assembly; tests
/// use their own queues. Its port comes from <c>FAUXQS_PORT</c> (it has no port argument); it binds every interface,
/// and the tests only talk to it on loopback. 2.x needs Node 22, so it stays at 1.9.2.
/// </summary>
public sealed class FauxqsServer : NodeServer
{
    protected override string Name => "fauxqs";

    protected override string Script => Path.Combine("fauxqs", "dist", "cli.js");

    protected override IEnumerable<string> Arguments(int port) => [];

    protected override IEnumerable<KeyValuePair<string, string>> EnvironmentVariables(int port) =>
    [
        new("FAUXQS_PORT", port.ToString(CultureInfo.InvariantCulture)),
        new("FAUXQS_LOGGER", "false"),
        new("FAUXQS_DEFAULT_REGION", "us-east-1"),
    ];

    /// <summary>Creates a client for this server (dummy credentials; fauxqs does not check them).</summary>
    public AmazonSQSClient CreateClient() =>
        new(new BasicAWSCredentials("dummy", "dummy"), new AmazonSQSConfig { ServiceURL = Url.ToString(), AuthenticationRegion = "us-east-1" });

    /// <summary>Creates a queue with a fresh name (a FIFO queue when asked) and returns its URL.</summary>
    /// <param name="fifo">Whether to create a FIFO queue (name ending in <c>.fifo</c>, no content-based deduplication).</param>
    public async Task<string> CreateQueueAsync(bool fifo = false)
    {
        var name = "keyword-alerts-" + Guid.NewGuid().ToString("N")[..12] + (fifo ? ".fifo" : string.Empty);
        using var client = CreateClient();
        var request = new CreateQueueRequest { QueueName = name };
        if (fifo)
        {
            request.Attributes = new Dictionary<string, string> { ["FifoQueue"] = "true" };
        }

        var response = await client.CreateQueueAsync(request);
        return response.QueueUrl;
    }

    /// <summary>Receives every message now in a queue (repeated short receives until one comes back empty), deleting them.</summary>
    /// <param name="queueUrl">The queue URL.</param>
    public async Task<List<Message>> DrainAsync(string queueUrl)
    {
        using var client = CreateClient();
        var all = new List<Message>();
        while (true)
        {
            var response = await client.ReceiveMessageAsync(new ReceiveMessageRequest
            {
                QueueUrl = queueUrl,
                MaxNumberOfMessages = 10,
                WaitTimeSeconds = 0,
                MessageAttributeNames = ["All"],
                MessageSystemAttributeNames = ["All"],
            });
            if (response.Messages is not { Count: > 0 } messages)
            {
                return all;
            }

            all.AddRange(messages);
            foreach (var message in messages)
            {
                await client.DeleteMessageAsync(queueUrl, message.ReceiptHandle);
            }
        }
    }
}
