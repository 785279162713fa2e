using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace MeetStream.Client.Lambda.Tests.Infrastructure;

/// <summary>dynalite 4.0.0 (an in-memory DynamoDB API) for the whole test assembly; tests use their own tables.</summary>
public sealed class DynaliteServer : NodeServer
{
    protected override string Name => "dynalite";

    protected override string Script => Path.Combine("dynalite", "cli.js");

    protected override IEnumerable<string> Arguments(int port) =>
        ["--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"];

    /// <summary>Creates a client for this server (dummy credentials; dynalite does not check them).</summary>
    public AmazonDynamoDBClient CreateClient() =>
        new(new BasicAWSCredentials("dummy", "dummy"), new AmazonDynamoDBConfig { ServiceURL = Url.ToString(), AuthenticationRegion = "us-east-1" });

    /// <summary>Creates the sessions and idempotency tables under fresh names and returns their options.</summary>
    public async Task<(DynamoDbBotSessionStoreOptions Sessions, DynamoDbIdempotencyLedgerOptions Idempotency)> CreateTablesAsync(TimeProvider clock)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var sessions = new DynamoDbBotSessionStoreOptions { TableName = "sessions-" + suffix, TimeProvider = clock };
        var idempotency = new DynamoDbIdempotencyLedgerOptions { TableName = "idempotency-" + suffix, TimeProvider = clock };
        using var client = CreateClient();
        await DynamoDbBotSessionStore.CreateTableAsync(client, sessions);
        await DynamoDbIdempotencyLedger.CreateTableAsync(client, idempotency);
        return (sessions, idempotency);
    }
}
