using MeetStream.Client.Testing.Tests.Infrastructure;

namespace MeetStream.Client.Testing.Tests.Rest;

/// <summary>Custom storage, Google and Teams signed-in accounts, and the account leases a signed-in create_bot takes.</summary>
public sealed class StorageAndLoginTests : IAsyncLifetime
{
    private MeetStreamSimulator _sim = null!;
    private MeetStreamClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _sim = await Simulators.StartManualAsync();
        _client = Simulators.Client(_sim);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _sim.DisposeAsync();
    }

    [Fact]
    public async Task Storage_SetGetDelete_NeverReturnsCredentials()
    {
        var set = await _client.Storage.SetAsync(Bucket(StorageAccessMode.ReadWrite), cancellationToken: Ct);
        var config = await _client.Storage.GetAsync(Ct);
        var deleted = await _client.Storage.DeleteAsync(cancellationToken: Ct);

        Assert.NotNull(set.Message);
        ModelAssert.Complete(config);
        Assert.Equal("my-bucket", config.BucketName);
        Assert.Equal(StorageAccessMode.ReadWrite, config.AccessMode);
        Assert.DoesNotContain("secret", config.Json.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AKIA", config.Json.GetRawText(), StringComparison.Ordinal);
        Assert.NotNull(deleted.Message);
        await Assert.ThrowsAsync<MeetStreamNotFoundException>(() => _client.Storage.GetAsync(Ct));
        Assert.Equal("?config_type=storage", _sim.Journal.Requests[0].Query);
    }

    [Fact]
    public async Task Storage_WriteOnly_MediaFetchesAnswer403()
    {
        var bot = (await _client.Bots.CreateAsync(Simulators.Bot(), cancellationToken: Ct)).BotId!;
        await _sim.RunUntilEventAsync(bot, "bot.done", cancellationToken: Ct);

        await _client.Storage.SetAsync(Bucket(StorageAccessMode.WriteOnly), cancellationToken: Ct);

        await Assert.ThrowsAsync<MeetStreamPermissionDeniedException>(() => _client.Bots.GetAudioAsync(bot, Ct));
    }

    [Fact]
    public async Task GoogleLogins_DomainAndLoginLifecycle_CountsLoginsAndDeletes()
    {
        var domain = await _client.GoogleLogins.CreateDomainAsync(new CreateGoogleLoginDomainRequest { SsoWorkspaceDomain = "example.com", Name = "Example", LoginMode = LoginMode.Always }, Ct);
        var login = await _client.GoogleLogins.CreateAsync(new CreateGoogleLoginRequest { Domain = "example.com", Email = "bot1@example.com", SsoPrivateKeyPem = "-----BEGIN PRIVATE KEY-----", SsoCertPem = "-----BEGIN CERTIFICATE-----" }, Ct);
        var updated = await _client.GoogleLogins.UpdateAsync(login.LoginId!, new UpdateGoogleLoginRequest { IsActive = false }, Ct);
        var domains = await _client.GoogleLogins.ListDomainsAsync(Ct);
        var fetched = await _client.GoogleLogins.GetDomainAsync("example.com", Ct);
        var renamed = await _client.GoogleLogins.UpdateDomainAsync("example.com", new UpdateGoogleLoginDomainRequest { Name = "Renamed" }, Ct);
        var logins = await _client.GoogleLogins.ListAsync("example.com", Ct);

        ModelAssert.Complete(domain);
        ModelAssert.Complete(login);
        ModelAssert.Complete(domains);
        ModelAssert.Complete(renamed);
        Assert.False(updated.IsActive);
        Assert.Equal(1, fetched.LoginCount);
        Assert.Equal(0, fetched.ActiveLoginCount);
        Assert.Equal("Renamed", renamed.Domain!.Name);
        Assert.Single(logins.Logins!);

        await _client.GoogleLogins.DeleteAsync(login.LoginId!, "example.com", Ct);
        await _client.GoogleLogins.DeleteDomainAsync("example.com", Ct);
        await Assert.ThrowsAsync<MeetStreamNotFoundException>(() => _client.GoogleLogins.GetDomainAsync("example.com", Ct));
        await Assert.ThrowsAsync<MeetStreamConflictException>(async () =>
        {
            await _client.GoogleLogins.CreateDomainAsync(new CreateGoogleLoginDomainRequest { SsoWorkspaceDomain = "dup.com", Name = "Dup" }, Ct);
            await _client.GoogleLogins.CreateDomainAsync(new CreateGoogleLoginDomainRequest { SsoWorkspaceDomain = "dup.com", Name = "Dup" }, Ct);
        });
    }

    [Fact]
    public async Task TeamsLogins_DomainAndLoginLifecycle_PasswordNeverReturned()
    {
        var domain = await _client.TeamsLogins.CreateDomainAsync(new CreateTeamsLoginDomainRequest { Domain = "contoso.onmicrosoft.com", Name = "Contoso" }, Ct);
        var login = await _client.TeamsLogins.CreateAsync(new CreateTeamsLoginRequest { Domain = "contoso.onmicrosoft.com", Email = "bot@contoso.onmicrosoft.com", Password = "P@ssw0rd!" }, Ct);
        var fetched = await _client.TeamsLogins.GetAsync(login.LoginId!, Ct);
        var updated = await _client.TeamsLogins.UpdateAsync(login.LoginId!, new UpdateTeamsLoginRequest { IsActive = false }, Ct);
        var list = await _client.TeamsLogins.ListAsync("contoso.onmicrosoft.com", Ct);
        var domains = await _client.TeamsLogins.ListDomainsAsync(Ct);
        var renamed = await _client.TeamsLogins.UpdateDomainAsync("contoso.onmicrosoft.com", new UpdateTeamsLoginDomainRequest { Name = "Contoso Ltd" }, Ct);

        ModelAssert.Complete(domain);
        ModelAssert.Complete(fetched);
        ModelAssert.Complete(domains);
        Assert.Equal("available", fetched.LeaseStatus);
        Assert.False(updated.IsActive);
        Assert.Single(list.Logins!);
        Assert.Equal("Contoso Ltd", renamed.Name);
        Assert.DoesNotContain(_sim.Journal.Requests, r => r.ResponseBody.Contains("P@ssw0rd!", StringComparison.Ordinal));

        await _client.TeamsLogins.DeleteDomainAsync("contoso.onmicrosoft.com", Ct);
        await Assert.ThrowsAsync<MeetStreamNotFoundException>(() => _client.TeamsLogins.GetAsync(login.LoginId!, Ct));
    }

    [Fact]
    public async Task TeamsLogins_ListWithoutDomain_Answers400()
    {
        var response = await _client.SendAsync(HttpMethod.Get, "/teams-logins", cancellationToken: Ct);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SignedInTeamsBot_OneAccount_LeasedUntilTheBotLeavesThen429And409()
    {
        await _client.TeamsLogins.CreateDomainAsync(new CreateTeamsLoginDomainRequest { Domain = "contoso.com" }, Ct);
        var login = await _client.TeamsLogins.CreateAsync(new CreateTeamsLoginRequest { Domain = "contoso.com", Email = "bot@contoso.com", Password = "pw" }, Ct);
        CreateBotRequest Request(string? email) => new()
        {
            MeetingLink = "https://teams.microsoft.com/l/meetup-join/abc",
            BotName = "Ignored on signed-in Teams",
            Teams = new TeamsJoinConfig { LoginRequired = true, TeamsLoginDomain = "contoso.com", SignInEmail = email },
        };
        using var client = _sim.CreateClient(o => o.Retry.MaxRetries = 0);

        var first = (await client.Bots.CreateAsync(Request(null), cancellationToken: Ct)).BotId!;
        Assert.Equal("leased", (await client.TeamsLogins.GetAsync(login.LoginId!, Ct)).LeaseStatus);
        Assert.Equal("bot@contoso.com", (await client.Bots.GetDetailsAsync(first, Ct)).BotUsername);
        await Assert.ThrowsAsync<MeetStreamRateLimitException>(() => client.Bots.CreateAsync(Request(null), cancellationToken: Ct));
        await Assert.ThrowsAsync<MeetStreamConflictException>(() => client.Bots.CreateAsync(Request("bot@contoso.com"), cancellationToken: Ct));

        await _sim.RunUntilAsync(first, BotStatus.Stopped, cancellationToken: Ct);

        Assert.Equal("available", (await client.TeamsLogins.GetAsync(login.LoginId!, Ct)).LeaseStatus);
        await client.Bots.CreateAsync(Request("bot@contoso.com"), cancellationToken: Ct);
    }

    private static StorageConfigRequest Bucket(StorageAccessMode mode) => new()
    {
        Provider = StorageProvider.Aws,
        BucketName = "my-bucket",
        Region = "us-east-1",
        AccessKeyId = "AKIAEXAMPLE",
        SecretKey = "secret-value",
        AccessMode = mode,
    };
}
