using System.Text.Json.Serialization;

namespace MeetStream.Client.Lambda.Functions;

/// <summary>A DynamoDB Streams batch as Lambda delivers it (the members the transcript function reads).</summary>
internal sealed class DynamoDbStreamEvent
{
    [JsonPropertyName("Records")]
    public IReadOnlyList<DynamoDbStreamRecord>? Records { get; init; }
}

/// <summary>One stream record.</summary>
internal sealed class DynamoDbStreamRecord
{
    [JsonPropertyName("eventID")]
    public string? EventId { get; init; }

    [JsonPropertyName("eventName")]
    public string? EventName { get; init; }

    [JsonPropertyName("eventSource")]
    public string? EventSource { get; init; }

    [JsonPropertyName("dynamodb")]
    public DynamoDbStreamChange? Dynamodb { get; init; }
}

/// <summary>The change inside a stream record; images use DynamoDB's JSON (<c>{"S": "..."}</c>).</summary>
internal sealed class DynamoDbStreamChange
{
    [JsonPropertyName("Keys")]
    public IReadOnlyDictionary<string, DynamoDbStreamAttribute>? Keys { get; init; }

    [JsonPropertyName("NewImage")]
    public IReadOnlyDictionary<string, DynamoDbStreamAttribute>? NewImage { get; init; }

    [JsonPropertyName("OldImage")]
    public IReadOnlyDictionary<string, DynamoDbStreamAttribute>? OldImage { get; init; }

    [JsonPropertyName("SequenceNumber")]
    public string? SequenceNumber { get; init; }
}

/// <summary>A scalar attribute in DynamoDB JSON (other types are ignored).</summary>
internal sealed class DynamoDbStreamAttribute
{
    [JsonPropertyName("S")]
    public string? S { get; init; }

    [JsonPropertyName("N")]
    public string? N { get; init; }
}
