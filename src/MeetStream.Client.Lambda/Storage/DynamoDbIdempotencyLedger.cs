using System.Security.Cryptography;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using MeetStream.Client.Lambda.Storage;
using static MeetStream.Client.Lambda.Storage.UpdateBuilder;

namespace MeetStream.Client.Lambda;

/// <summary>
/// <see cref="IIdempotencyLedger"/> on a DynamoDB table (partition key <c>idempotency_id</c>, string; TTL on
/// <c>expires_at</c>). Claims are conditional puts (<c>attribute_not_exists</c>) with a lease, so an operation whose
/// invocation crashed can be taken over once the lease ends. Keys are stored as SHA-256 hashes.
/// </summary>
public sealed class DynamoDbIdempotencyLedger : IIdempotencyLedger
{
    private const string IdempotencyId = "idempotency_id";
    private const string State = "claim_state";
    private const string LeaseUntil = "lease_until";
    private const string ExpiresAt = "expires_at";
    private const string Processing = "processing";
    private const string Completed = "completed";
    private readonly IAmazonDynamoDB _dynamo;
    private readonly DynamoDbIdempotencyLedgerOptions _options;

    /// <summary>Initializes the ledger over a DynamoDB client.</summary>
    /// <param name="dynamoDb">The DynamoDB client.</param>
    /// <param name="options">Table name, retention, lease and clock.</param>
    public DynamoDbIdempotencyLedger(IAmazonDynamoDB dynamoDb, DynamoDbIdempotencyLedgerOptions options)
    {
        ArgumentNullException.ThrowIfNull(dynamoDb);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.TableName))
        {
            throw new ArgumentException("DynamoDbIdempotencyLedgerOptions.TableName must name the idempotency table.", nameof(options));
        }

        _dynamo = dynamoDb;
        _options = options;
    }

    /// <inheritdoc />
    public async Task<IdempotencyClaim> TryBeginAsync(string key, CancellationToken cancellationToken = default)
    {
        var id = Hash(key);
        var now = _options.TimeProvider.GetUtcNow();
        var request = new PutItemRequest
        {
            TableName = _options.TableName,
            Item = new Dictionary<string, AttributeValue>
            {
                [IdempotencyId] = S(id),
                [State] = S(Processing),
                [LeaseUntil] = N((now + _options.Lease).ToUnixTimeMilliseconds()),
                [ExpiresAt] = N((now + _options.Retention).ToUnixTimeSeconds()),
                ["received_at"] = Time(now),
            },
            ConditionExpression = "attribute_not_exists(#id) OR (#state = :processing AND #lease < :now)",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#id"] = IdempotencyId, ["#state"] = State, ["#lease"] = LeaseUntil },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":processing"] = S(Processing), [":now"] = N(now.ToUnixTimeMilliseconds()) },
        };
        try
        {
            await AwsCall.RunAsync("DynamoDB", "PutItem", _options.TableName, () => _dynamo.PutItemAsync(request, cancellationToken)).ConfigureAwait(false);
            return IdempotencyClaim.Claimed;
        }
        catch (ConditionalCheckFailedException)
        {
            var existing = await AwsCall.RunAsync("DynamoDB", "GetItem", _options.TableName, () => _dynamo.GetItemAsync(
                new GetItemRequest { TableName = _options.TableName, Key = Key(id), ConsistentRead = true },
                cancellationToken)).ConfigureAwait(false);
            return existing.Item is { } item && item.TryGetValue(State, out var state) && state.S == Completed
                ? IdempotencyClaim.AlreadyProcessed
                : IdempotencyClaim.InProgress;
        }
    }

    /// <inheritdoc />
    public async Task CompleteAsync(string key, CancellationToken cancellationToken = default)
    {
        var id = Hash(key);
        var request = new UpdateItemRequest
        {
            TableName = _options.TableName,
            Key = Key(id),
            UpdateExpression = "SET #state = :completed, #completed_at = :now REMOVE #lease",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#state"] = State, ["#completed_at"] = "completed_at", ["#lease"] = LeaseUntil },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":completed"] = S(Completed), [":now"] = Time(_options.TimeProvider.GetUtcNow()) },
        };
        await AwsCall.RunAsync("DynamoDB", "UpdateItem", _options.TableName, () => _dynamo.UpdateItemAsync(request, cancellationToken)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task ReleaseAsync(string key, CancellationToken cancellationToken = default)
    {
        var request = new DeleteItemRequest
        {
            TableName = _options.TableName,
            Key = Key(Hash(key)),
            ConditionExpression = "#state = :processing",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#state"] = State },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":processing"] = S(Processing) },
        };
        try
        {
            await AwsCall.RunAsync("DynamoDB", "DeleteItem", _options.TableName, () => _dynamo.DeleteItemAsync(request, cancellationToken)).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException)
        {
            // Completed meanwhile or already gone: nothing to release.
        }
    }

    /// <summary>Creates the idempotency table (on-demand) and waits until it is active; for local development and tests.</summary>
    /// <param name="dynamoDb">The DynamoDB client.</param>
    /// <param name="options">The table name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the table is active.</returns>
    public static Task CreateTableAsync(IAmazonDynamoDB dynamoDb, DynamoDbIdempotencyLedgerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dynamoDb);
        ArgumentNullException.ThrowIfNull(options);
        return TableSetup.CreateAsync(
            dynamoDb,
            new CreateTableRequest
            {
                TableName = options.TableName,
                BillingMode = BillingMode.PAY_PER_REQUEST,
                AttributeDefinitions = [new AttributeDefinition(IdempotencyId, ScalarAttributeType.S)],
                KeySchema = [new KeySchemaElement(IdempotencyId, KeyType.HASH)],
            },
            ExpiresAt,
            cancellationToken);
    }

    private static Dictionary<string, AttributeValue> Key(string id) => new() { [IdempotencyId] = S(id) };

    private static string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0)
        {
            throw new ArgumentException("key must not be empty.", nameof(key));
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key))).ToLowerInvariant();
    }
}
