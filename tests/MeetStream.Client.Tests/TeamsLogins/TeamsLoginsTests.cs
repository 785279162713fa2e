using System.Text.Json.Nodes;
using MeetStream.Client.Tests.Infrastructure;

namespace MeetStream.Client.Tests.TeamsLogins;

public sealed class TeamsLoginsTests(WireMockServer wireMock)
{
    private const string Password = "Tr0ub4dor&3-teams-password";

    private static JsonNode LoginBody() => JsonNode.Parse("""
        {"login_id":"tl_1","domain":"bots.acme.com","email":"bot1@bots.acme.com","is_active":true,"lease_status":"free","last_session_result":null,
         "last_login_error":null,"created_at":"2026-09-01T09:05:00Z","updated_at":"2026-09-01T09:05:00Z","display_name":"Acme Bot 1"}
        """)!;

    [Fact]
    public async Task CreateAsync_EveryField_PostsBodyAndParsesLogin()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", "/teams-logins", 201, LoginBody());
        using var client = TestClients.Create(scope);

        var result = await client.TeamsLogins.CreateAsync(
            new CreateTeamsLoginRequest { Domain = "bots.acme.com", Email = "bot1@bots.acme.com", Password = Password, IsActive = false },
            TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("POST", received.Method);
        Assert.Equal("/teams-logins", received.Url);
        var body = received.Json!.AsObject();
        Assert.Equal(4, body.Count);
        Assert.Equal("bots.acme.com", body["domain"]!.GetValue<string>());
        Assert.Equal("bot1@bots.acme.com", body["email"]!.GetValue<string>());
        Assert.Equal(Password, body["password"]!.GetValue<string>());
        Assert.False(body["is_active"]!.GetValue<bool>());
        Assert.Equal("tl_1", result.LoginId);
        Assert.Equal("bots.acme.com", result.Domain);
        Assert.Equal("bot1@bots.acme.com", result.Email);
        Assert.True(result.IsActive);
        Assert.Equal("free", result.LeaseStatus);
        Assert.Null(result.LastSessionResult);
        Assert.Null(result.LastLoginError);
        Assert.Equal("2026-09-01T09:05:00Z", result.CreatedAt);
        Assert.Equal("2026-09-01T09:05:00Z", result.UpdatedAt);
        Assert.Equal("Acme Bot 1", result.AdditionalProperties!["display_name"].GetString());
    }

    [Fact]
    public async Task CreateAsync_EmptyPassword_ThrowsBeforeSending()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.TeamsLogins.CreateAsync(
            new CreateTeamsLoginRequest { Domain = "bots.acme.com", Email = "bot1@bots.acme.com", Password = "" },
            TestContext.Current.CancellationToken));

        Assert.Contains("Password (password)", error.Message, StringComparison.Ordinal);
        Assert.Empty(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task CreateAsync_AlreadyRegistered_ThrowsConflictWithoutLeakingPassword()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", "/teams-logins", 409, JsonNode.Parse("""{"message":"Login already exists for bot1@bots.acme.com"}"""));
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<MeetStreamConflictException>(() => client.TeamsLogins.CreateAsync(
            new CreateTeamsLoginRequest { Domain = "bots.acme.com", Email = "bot1@bots.acme.com", Password = Password },
            TestContext.Current.CancellationToken));

        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CreateTeamsLoginRequest_ToString_NeverShowsPassword()
    {
        var text = new CreateTeamsLoginRequest { Domain = "bots.acme.com", Email = "bot1@bots.acme.com", Password = Password, IsActive = true }.ToString();

        Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
        Assert.Contains("Password = ***", text, StringComparison.Ordinal);
        Assert.Contains("bot1@bots.acme.com", text, StringComparison.Ordinal);
    }

    [Fact]
    public void UpdateTeamsLoginRequest_ToString_NeverShowsPassword()
    {
        var text = new UpdateTeamsLoginRequest { Password = Password }.ToString();

        Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
        Assert.Contains("Password = ***", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_Domain_SendsRequiredDomainQueryAndParsesLogins()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/teams-logins", 200, JsonNode.Parse("""
            {"logins":[
              {"login_id":"tl_1","domain":"bots.acme.com","email":"bot1@bots.acme.com","is_active":true,"lease_status":"leased","last_session_result":"success"},
              {"login_id":"tl_2","domain":"bots.acme.com","email":"bot2@bots.acme.com","is_active":true,"lease_status":"free","last_session_result":"success"}
            ]}
            """));
        using var client = TestClients.Create(scope);

        var result = await client.TeamsLogins.ListAsync("bots.acme.com", TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("GET", received.Method);
        Assert.Equal("/teams-logins?domain=bots.acme.com", received.Url);
        Assert.Equal(2, result.Logins!.Count);
        Assert.Equal("leased", result.Logins[0].LeaseStatus);
        Assert.Equal("bot2@bots.acme.com", result.Logins[1].Email);
    }

    [Fact]
    public async Task ListAsync_DomainNeedingEncoding_EncodesQuery()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/teams-logins", 200, JsonNode.Parse("""{"logins":[]}"""));
        using var client = TestClients.Create(scope);

        await client.TeamsLogins.ListAsync("bots&x=1", TestContext.Current.CancellationToken);

        Assert.Equal("/teams-logins?domain=bots%26x%3D1", (await scope.SingleReceivedAsync()).Url);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task ListAsync_MissingDomain_ThrowsBeforeSending(string domain)
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.TeamsLogins.ListAsync(domain, TestContext.Current.CancellationToken));

        Assert.Equal("domain", error.ParamName);
        Assert.Contains("required", error.Message, StringComparison.Ordinal);
        Assert.Empty(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task ListAsync_NullDomain_ThrowsArgumentNullException()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<ArgumentNullException>(() => client.TeamsLogins.ListAsync(null!, TestContext.Current.CancellationToken));

        Assert.Equal("domain", error.ParamName);
        Assert.Empty(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task GetAsync_Existing_GetsLoginAndParsesEveryField()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/teams-logins/tl_2", 200, JsonNode.Parse("""
            {"login_id":"tl_2","domain":"bots.acme.com","email":"bot2@bots.acme.com","is_active":false,"lease_status":"free","last_session_result":"login_failed",
             "last_login_error":"More information required","created_at":"2026-09-01T09:06:00Z","updated_at":"2026-09-01T12:00:00Z"}
            """));
        using var client = TestClients.Create(scope);

        var result = await client.TeamsLogins.GetAsync("tl_2", TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("GET", received.Method);
        Assert.Equal("/teams-logins/tl_2", received.Url);
        Assert.Equal("tl_2", result.LoginId);
        Assert.Equal("bots.acme.com", result.Domain);
        Assert.Equal("bot2@bots.acme.com", result.Email);
        Assert.False(result.IsActive);
        Assert.Equal("free", result.LeaseStatus);
        Assert.Equal("login_failed", result.LastSessionResult);
        Assert.Equal("More information required", result.LastLoginError);
        Assert.Equal("2026-09-01T09:06:00Z", result.CreatedAt);
        Assert.Equal("2026-09-01T12:00:00Z", result.UpdatedAt);
    }

    [Fact]
    public async Task GetAsync_Unknown_ThrowsNotFound()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/teams-logins/tl_x", 404, JsonNode.Parse("""{"message":"Login not found"}"""));
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<MeetStreamNotFoundException>(() => client.TeamsLogins.GetAsync("tl_x", TestContext.Current.CancellationToken));

        Assert.Contains("login id 'tl_x'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateAsync_NewPassword_SendsOnlyPasswordAndParsesLogin()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("PATCH", "/teams-logins/tl_2", 200, JsonNode.Parse("""{"login_id":"tl_2","email":"bot2@bots.acme.com","is_active":true,"last_login_error":null}"""));
        using var client = TestClients.Create(scope);

        var result = await client.TeamsLogins.UpdateAsync("tl_2", new UpdateTeamsLoginRequest { Password = Password }, TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("PATCH", received.Method);
        Assert.Equal("/teams-logins/tl_2", received.Url);
        var body = received.Json!.AsObject();
        Assert.Single(body);
        Assert.Equal(Password, body["password"]!.GetValue<string>());
        Assert.True(result.IsActive);
    }

    [Fact]
    public async Task UpdateAsync_Disable_SendsOnlyIsActive()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("PATCH", "/teams-logins/tl_1", 200, LoginBody());
        using var client = TestClients.Create(scope);

        await client.TeamsLogins.UpdateAsync("tl_1", new UpdateTeamsLoginRequest { IsActive = false }, TestContext.Current.CancellationToken);

        Assert.Equal("""{"is_active":false}""", (await scope.SingleReceivedAsync()).Body);
    }

    [Fact]
    public async Task UpdateAsync_NothingSet_ThrowsBeforeSending()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.TeamsLogins.UpdateAsync("tl_1", new UpdateTeamsLoginRequest(), TestContext.Current.CancellationToken));

        Assert.Contains("Nothing to update", error.Message, StringComparison.Ordinal);
        Assert.Empty(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task DeleteAsync_Existing_SendsDelete()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("DELETE", "/teams-logins/tl_1", 204);
        using var client = TestClients.Create(scope);

        await client.TeamsLogins.DeleteAsync("tl_1", TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("DELETE", received.Method);
        Assert.Equal("/teams-logins/tl_1", received.Url);
        Assert.Equal(string.Empty, received.Body);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public async Task GetAsync_EmptyLoginId_ThrowsBeforeSending(string loginId)
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.TeamsLogins.GetAsync(loginId, TestContext.Current.CancellationToken));

        Assert.Equal("loginId", error.ParamName);
        Assert.Empty(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task DeleteAsync_NullLoginId_ThrowsArgumentNullException()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<ArgumentNullException>(() => client.TeamsLogins.DeleteAsync(null!, TestContext.Current.CancellationToken));

        Assert.Equal("loginId", error.ParamName);
    }
}
