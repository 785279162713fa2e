using System.Net;
using System.Text.Json.Nodes;
using MeetStream.Client.Tests.Infrastructure;

namespace MeetStream.Client.Tests.TeamsLogins;

public sealed class TeamsLoginDomainsTests(WireMockServer wireMock)
{
    private static JsonNode DomainBody() => JsonNode.Parse("""
        {"domain":"bots.acme.com","name":"Acme Teams bots","login_mode":"always","login_count":0,"active_login_count":0,"created_at":"2026-09-01T09:00:00Z","updated_at":"2026-09-01T09:00:00Z"}
        """)!;

    [Fact]
    public async Task CreateDomainAsync_EveryField_PostsBodyAndParsesDomain()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", "/teams-login-domains", 201, DomainBody());
        using var client = TestClients.Create(scope);

        var result = await client.TeamsLogins.CreateDomainAsync(
            new CreateTeamsLoginDomainRequest { Domain = "bots.acme.com", Name = "Acme Teams bots", LoginMode = LoginMode.Always },
            TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("POST", received.Method);
        Assert.Equal("/teams-login-domains", received.Url);
        var body = received.Json!.AsObject();
        Assert.Equal(3, body.Count);
        Assert.Equal("bots.acme.com", body["domain"]!.GetValue<string>());
        Assert.Equal("Acme Teams bots", body["name"]!.GetValue<string>());
        Assert.Equal("always", body["login_mode"]!.GetValue<string>());
        Assert.Equal("bots.acme.com", result.Domain);
        Assert.Equal("Acme Teams bots", result.Name);
        Assert.Equal(LoginMode.Always, result.LoginMode);
        Assert.Equal(0, result.LoginCount);
        Assert.Equal(0, result.ActiveLoginCount);
        Assert.Equal("2026-09-01T09:00:00Z", result.CreatedAt);
        Assert.Equal("2026-09-01T09:00:00Z", result.UpdatedAt);
    }

    [Fact]
    public async Task CreateDomainAsync_DomainOnly_SendsOnlyDomain()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", "/teams-login-domains", 201, DomainBody());
        using var client = TestClients.Create(scope);

        await client.TeamsLogins.CreateDomainAsync(new CreateTeamsLoginDomainRequest { Domain = "bots.acme.com" }, TestContext.Current.CancellationToken);

        Assert.Equal("""{"domain":"bots.acme.com"}""", (await scope.SingleReceivedAsync()).Body);
    }

    [Fact]
    public async Task CreateDomainAsync_EmptyDomain_ThrowsBeforeSending()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.TeamsLogins.CreateDomainAsync(new CreateTeamsLoginDomainRequest { Domain = "" }, TestContext.Current.CancellationToken));

        Assert.Contains("Domain (domain)", error.Message, StringComparison.Ordinal);
        Assert.Empty(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task ListDomainsAsync_ParsesDomainsWithCounts()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/teams-login-domains", 200, JsonNode.Parse("""
            {"domains":[{"domain":"bots.acme.com","name":"Acme Teams bots","login_mode":"always","login_count":5,"active_login_count":4,"created_at":"2026-09-01T09:00:00Z"}]}
            """));
        using var client = TestClients.Create(scope);

        var result = await client.TeamsLogins.ListDomainsAsync(TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("GET", received.Method);
        Assert.Equal("/teams-login-domains", received.Url);
        var domain = Assert.Single(result.Domains!);
        Assert.Equal("bots.acme.com", domain.Domain);
        Assert.Equal(5, domain.LoginCount);
        Assert.Equal(4, domain.ActiveLoginCount);
        Assert.Equal(LoginMode.Always, domain.LoginMode);
    }

    [Fact]
    public async Task GetDomainAsync_Registered_ParsesDomainAndLoginsWithoutPasswords()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/teams-login-domains/bots.acme.com", 200, JsonNode.Parse("""
            {"domain":"bots.acme.com","name":"Acme Teams bots","login_mode":"always","login_count":2,"active_login_count":1,
             "logins":[
               {"login_id":"tl_1","domain":"bots.acme.com","email":"bot1@bots.acme.com","is_active":true,"lease_status":"leased","last_session_result":"success","last_login_error":null,"updated_at":"2026-09-01T10:00:00Z"},
               {"login_id":"tl_2","domain":"bots.acme.com","email":"bot2@bots.acme.com","is_active":false,"lease_status":"free","last_session_result":"login_failed","last_login_error":"AADSTS50126: invalid username or password","updated_at":"2026-09-01T11:00:00Z"}
             ],
             "created_at":"2026-09-01T09:00:00Z","updated_at":"2026-09-01T11:00:00Z","max_concurrent":2}
            """));
        using var client = TestClients.Create(scope);

        var result = await client.TeamsLogins.GetDomainAsync("bots.acme.com", TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("GET", received.Method);
        Assert.Equal("/teams-login-domains/bots.acme.com", received.Url);
        Assert.Equal(2, result.Logins!.Count);
        Assert.Equal("leased", result.Logins[0].LeaseStatus);
        Assert.Equal("AADSTS50126: invalid username or password", result.Logins[1].LastLoginError);
        Assert.Equal(2, result.AdditionalProperties!["max_concurrent"].GetInt32());
    }

    [Fact]
    public async Task GetDomainAsync_DomainWithReservedCharacters_EscapesThePath()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/teams-login-domains/bots%20acme%23x", 200, DomainBody());
        using var client = TestClients.Create(scope);

        await client.TeamsLogins.GetDomainAsync("bots acme#x", TestContext.Current.CancellationToken);

        Assert.Equal("/teams-login-domains/bots%20acme%23x", (await scope.SingleReceivedAsync()).Url);
    }

    [Fact]
    public async Task UpdateDomainAsync_Name_SendsPatchAndParsesDomain()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("PATCH", "/teams-login-domains/bots.acme.com", 200, JsonNode.Parse("""
            {"domain":"bots.acme.com","name":"New label","login_mode":"always","login_count":5,"active_login_count":4,"updated_at":"2026-09-02T09:00:00Z"}
            """));
        using var client = TestClients.Create(scope);

        var result = await client.TeamsLogins.UpdateDomainAsync("bots.acme.com", new UpdateTeamsLoginDomainRequest { Name = "New label" }, TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("PATCH", received.Method);
        Assert.Equal("/teams-login-domains/bots.acme.com", received.Url);
        Assert.Equal("""{"name":"New label"}""", received.Body);
        Assert.Equal("New label", result.Name);
        Assert.Equal("2026-09-02T09:00:00Z", result.UpdatedAt);
    }

    [Fact]
    public async Task UpdateDomainAsync_LoginMode_SendsMode()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("PATCH", "/teams-login-domains/bots.acme.com", 200, DomainBody());
        using var client = TestClients.Create(scope);

        await client.TeamsLogins.UpdateDomainAsync("bots.acme.com", new UpdateTeamsLoginDomainRequest { LoginMode = LoginMode.Always }, TestContext.Current.CancellationToken);

        Assert.Equal("""{"login_mode":"always"}""", (await scope.SingleReceivedAsync()).Body);
    }

    [Fact]
    public async Task UpdateDomainAsync_NothingSet_ThrowsBeforeSending()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.TeamsLogins.UpdateDomainAsync("bots.acme.com", new UpdateTeamsLoginDomainRequest(), TestContext.Current.CancellationToken));

        Assert.Contains("Nothing to update", error.Message, StringComparison.Ordinal);
        Assert.Empty(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task DeleteDomainAsync_Registered_SendsDelete()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("DELETE", "/teams-login-domains/bots.acme.com", 200, JsonNode.Parse("""{"message":"Domain and 5 logins deleted"}"""));
        using var client = TestClients.Create(scope);

        await client.TeamsLogins.DeleteDomainAsync("bots.acme.com", TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("DELETE", received.Method);
        Assert.Equal("/teams-login-domains/bots.acme.com", received.Url);
        Assert.Equal(string.Empty, received.Body);
    }

    [Fact]
    public async Task DeleteDomainAsync_OtherAccountsDomain_ThrowsPermissionDenied()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("DELETE", "/teams-login-domains/bots.acme.com", 403, JsonNode.Parse("""{"message":"Domain belongs to another account"}"""));
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<MeetStreamPermissionDeniedException>(() => client.TeamsLogins.DeleteDomainAsync("bots.acme.com", TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public async Task DeleteDomainAsync_EmptyDomain_ThrowsBeforeSending(string domain)
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.TeamsLogins.DeleteDomainAsync(domain, TestContext.Current.CancellationToken));

        Assert.Equal("domain", error.ParamName);
        Assert.Empty(await scope.ReceivedAsync());
    }
}
