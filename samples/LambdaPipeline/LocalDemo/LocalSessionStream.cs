using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace LambdaPipeline;

/// <summary>
/// A local stand-in for the sessions table's DynamoDB stream with the template's filter (<c>work_state = pending</c>):
/// dynalite has no streams, so after each change the demo asks for the record the stream would deliver, built from
/// the real item (NEW_AND_OLD_IMAGES), and only when the session has just turned pending.
/// </summary>
internal sealed class LocalSessionStream(IAmazonDynamoDB dynamoDb, string tableName)
{
    private readonly ConcurrentDictionary<string, string> _lastWorkState = new();
    private long _sequence = 100000000000;

    /// <summary>Reads the session and returns the stream event (<c>{"Records":[…]}</c>) when it just turned pending, else null.</summary>
    public async Task<JsonObject?> ChangedAsync(string botId, CancellationToken cancellationToken)
    {
        var item = (await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            Key = new() { ["bot_id"] = new AttributeValue { S = botId } },
            ConsistentRead = true,
        }, cancellationToken)).Item;
        if (item is null || item.Count == 0)
        {
            return null;
        }

        var workState = item.TryGetValue("work_state", out var state) ? state.S ?? string.Empty : string.Empty;
        var previous = _lastWorkState.TryGetValue(botId, out var seen) ? seen : string.Empty;
        _lastWorkState[botId] = workState;
        if (workState != "pending" || previous == "pending")
        {
            return null;
        }

        var newImage = ToStreamImage(item);
        var oldImage = (JsonObject)newImage.DeepClone();
        oldImage["work_state"] = new JsonObject { ["S"] = previous.Length == 0 ? "awaiting" : previous };
        var record = new JsonObject
        {
            ["eventID"] = Guid.NewGuid().ToString("N"),
            ["eventName"] = "MODIFY",
            ["eventVersion"] = "1.1",
            ["eventSource"] = "aws:dynamodb",
            ["awsRegion"] = "us-east-1",
            ["dynamodb"] = new JsonObject
            {
                ["Keys"] = new JsonObject { ["bot_id"] = new JsonObject { ["S"] = botId } },
                ["NewImage"] = newImage,
                ["OldImage"] = oldImage,
                ["SequenceNumber"] = Interlocked.Increment(ref _sequence).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["StreamViewType"] = "NEW_AND_OLD_IMAGES",
            },
        };
        return new JsonObject { ["Records"] = new JsonArray(record) };
    }

    private static JsonObject ToStreamImage(Dictionary<string, AttributeValue> item)
    {
        var image = new JsonObject();
        foreach (var (name, value) in item)
        {
            if (value.S is not null)
            {
                image[name] = new JsonObject { ["S"] = value.S };
            }
            else if (value.N is not null)
            {
                image[name] = new JsonObject { ["N"] = value.N };
            }
            else if (value.BOOL is { } flag)
            {
                image[name] = new JsonObject { ["BOOL"] = flag };
            }
        }

        return image;
    }
}
