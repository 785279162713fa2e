using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using MeetStream.Client.Lambda.Serialization;

namespace MeetStream.Client.Lambda;

/// <summary>
/// <see cref="IKeywordAlertQueue"/> on Amazon SQS (the low-level client; trimming and Native AOT safe). Each hit is one
/// JSON message (<see cref="KeywordAlertMessage"/>), sent with <c>SendMessageBatch</c>, ten per call, with the message
/// attributes <c>bot_id</c>, <c>category</c> and <c>keyword</c> (when present). On a FIFO queue (its URL ends in
/// <c>.fifo</c>) the message group is the bot id (hits of one meeting stay in order) and the deduplication id is the
/// message's <see cref="KeywordAlertMessage.AlertId"/>, so a repeated delivery within SQS's five-minute window is not
/// enqueued twice.
/// </summary>
public sealed class SqsKeywordAlertQueue : IKeywordAlertQueue
{
    /// <summary>The most entries SQS takes in one <c>SendMessageBatch</c>.</summary>
    public const int MaxBatchSize = 10;

    private readonly IAmazonSQS _sqs;

    /// <summary>Initializes the queue over an SQS client (build it once per execution environment).</summary>
    /// <param name="sqs">The SQS client.</param>
    /// <param name="queueUrl">The queue URL, e.g. <c>https://sqs.us-east-1.amazonaws.com/123456789012/keyword-alerts</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="queueUrl"/> is not an absolute http(s) URL.</exception>
    public SqsKeywordAlertQueue(IAmazonSQS sqs, string queueUrl)
    {
        ArgumentNullException.ThrowIfNull(sqs);
        ArgumentNullException.ThrowIfNull(queueUrl);
        if (!Uri.TryCreate(queueUrl, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"The queue URL must be an absolute http(s) URL such as https://sqs.us-east-1.amazonaws.com/123456789012/keyword-alerts (was '{queueUrl}').", nameof(queueUrl));
        }

        _sqs = sqs;
        QueueUrl = queueUrl;
        IsFifo = parsed.AbsolutePath.EndsWith(".fifo", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Gets the queue URL.</summary>
    public string QueueUrl { get; }

    /// <summary>Gets whether the queue is a FIFO queue (its name ends in <c>.fifo</c>).</summary>
    public bool IsFifo { get; }

    /// <inheritdoc />
    public async Task<IReadOnlyList<KeywordAlertFailure>> SendAsync(IReadOnlyList<KeywordAlertMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        List<KeywordAlertFailure>? failures = null;
        for (var offset = 0; offset < messages.Count; offset += MaxBatchSize)
        {
            var count = Math.Min(MaxBatchSize, messages.Count - offset);
            var request = new SendMessageBatchRequest { QueueUrl = QueueUrl, Entries = new List<SendMessageBatchRequestEntry>(count) };
            for (var i = 0; i < count; i++)
            {
                request.Entries.Add(Entry(i, messages[offset + i]));
            }

            SendMessageBatchResponse response;
            try
            {
                response = await _sqs.SendMessageBatchAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (AmazonServiceException ex)
            {
                throw new KeywordAlertQueueException(
                    $"SQS SendMessageBatch to {QueueUrl} failed: {ex.ErrorCode ?? ((int)ex.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)} ({ex.Message}). "
                    + ((int)ex.StatusCode >= 500 || ex.ErrorCode is "ThrottlingException" or "RequestThrottled" ? "SQS failed or throttled after the SDK's retries." : "Check the queue URL, its region and the function's sqs:SendMessage permission."),
                    ex.ErrorCode,
                    ex.StatusCode,
                    ex);
            }
            catch (Exception ex) when (ex is AmazonClientException or HttpRequestException or IOException)
            {
                throw new KeywordAlertQueueException($"SQS SendMessageBatch to {QueueUrl} could not be sent: {ex.Message}. Check the endpoint, network and credentials.", null, null, ex);
            }

            foreach (var failed in response.Failed ?? [])
            {
                if (int.TryParse(failed.Id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < count)
                {
                    (failures ??= []).Add(new KeywordAlertFailure(messages[offset + index], failed.Code, failed.Message, failed.SenderFault == true));
                }
            }
        }

        return failures ?? (IReadOnlyList<KeywordAlertFailure>)[];
    }

    private SendMessageBatchRequestEntry Entry(int index, KeywordAlertMessage message)
    {
        var entry = new SendMessageBatchRequestEntry
        {
            Id = index.ToString(System.Globalization.CultureInfo.InvariantCulture),
            MessageBody = JsonSerializer.Serialize(message, LambdaJsonContext.Default.KeywordAlertMessage),
            MessageAttributes = new Dictionary<string, MessageAttributeValue>(StringComparer.Ordinal),
        };
        AddAttribute(entry, "bot_id", message.BotId);
        AddAttribute(entry, "category", message.Category);
        AddAttribute(entry, "keyword", message.Keyword);
        if (IsFifo)
        {
            entry.MessageGroupId = GroupId(message.BotId);
            entry.MessageDeduplicationId = message.AlertId;
        }

        return entry;
    }

    private static void AddAttribute(SendMessageBatchRequestEntry entry, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            entry.MessageAttributes[name] = new MessageAttributeValue { DataType = "String", StringValue = value };
        }
    }

    // FIFO group ids are 1-128 characters from ASCII 33-126; anything else is hashed.
    private static string GroupId(string? botId)
    {
        if (string.IsNullOrEmpty(botId))
        {
            return "unknown-bot";
        }

        return botId.Length <= 128 && botId.All(c => c is >= '!' and <= '~')
            ? botId
            : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(botId)));
    }
}
