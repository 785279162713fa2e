using Amazon.DynamoDBv2.Model;
using MeetStream.Client.Lambda.Tests.Infrastructure;
using MeetStream.Client.Tests.Infrastructure;

namespace MeetStream.Client.Lambda.Tests.Storage;

/// <summary>Delivery deduplication with conditional puts against real dynalite.</summary>
public sealed class DynamoDbIdempotencyLedgerTests(DynaliteServer dynalite) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new();
    private Amazon.DynamoDBv2.AmazonDynamoDBClient _client = null!;
    private DynamoDbIdempotencyLedgerOptions _options = null!;
    private DynamoDbIdempotencyLedger _ledger = null!;

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        (_, _options) = await dynalite.CreateTablesAsync(_clock);
        _client = dynalite.CreateClient();
        _ledger = new DynamoDbIdempotencyLedger(_client, _options);
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task TryBeginAsync_FirstTime_ClaimsAndStoresHashedKeyWithTtl()
    {
        var claim = await _ledger.TryBeginAsync("bot-1|bot.joining|bot.joining|2026-11-21T12:00:00Z", Ct);

        Assert.Equal(IdempotencyClaim.Claimed, claim);
        var items = (await _client.ScanAsync(new ScanRequest { TableName = _options.TableName }, Ct)).Items;
        var item = Assert.Single(items);
        Assert.Matches("^[0-9a-f]{64}$", item["idempotency_id"].S);
        Assert.Equal("processing", item["claim_state"].S);
        Assert.Equal(_clock.GetUtcNow().AddDays(7).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), item["expires_at"].N);
    }

    [Fact]
    public async Task TryBeginAsync_WhileTheFirstIsProcessing_IsInProgress()
    {
        await _ledger.TryBeginAsync("key-1", Ct);

        Assert.Equal(IdempotencyClaim.InProgress, await _ledger.TryBeginAsync("key-1", Ct));
    }

    [Fact]
    public async Task TryBeginAsync_AfterComplete_IsAlreadyProcessed()
    {
        await _ledger.TryBeginAsync("key-2", Ct);
        await _ledger.CompleteAsync("key-2", Ct);

        Assert.Equal(IdempotencyClaim.AlreadyProcessed, await _ledger.TryBeginAsync("key-2", Ct));
    }

    [Fact]
    public async Task TryBeginAsync_AfterCompleteAndLeaseTime_StaysAlreadyProcessed()
    {
        await _ledger.TryBeginAsync("key-3", Ct);
        await _ledger.CompleteAsync("key-3", Ct);
        _clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(IdempotencyClaim.AlreadyProcessed, await _ledger.TryBeginAsync("key-3", Ct));
    }

    [Fact]
    public async Task TryBeginAsync_AfterRelease_ClaimsAgain()
    {
        await _ledger.TryBeginAsync("key-4", Ct);
        await _ledger.ReleaseAsync("key-4", Ct);

        Assert.Equal(IdempotencyClaim.Claimed, await _ledger.TryBeginAsync("key-4", Ct));
    }

    [Fact]
    public async Task TryBeginAsync_ClaimLeaseExpired_TakesTheDeliveryOver()
    {
        await _ledger.TryBeginAsync("key-5", Ct);
        _clock.Advance(TimeSpan.FromSeconds(31));

        Assert.Equal(IdempotencyClaim.Claimed, await _ledger.TryBeginAsync("key-5", Ct));
    }

    [Fact]
    public async Task ReleaseAsync_AfterComplete_KeepsItProcessed()
    {
        await _ledger.TryBeginAsync("key-6", Ct);
        await _ledger.CompleteAsync("key-6", Ct);

        await _ledger.ReleaseAsync("key-6", Ct);

        Assert.Equal(IdempotencyClaim.AlreadyProcessed, await _ledger.TryBeginAsync("key-6", Ct));
    }

    [Fact]
    public async Task TryBeginAsync_EmptyKey_ThrowsArgumentException()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _ledger.TryBeginAsync(string.Empty, Ct));

        Assert.Equal("key", error.ParamName);
    }
}
