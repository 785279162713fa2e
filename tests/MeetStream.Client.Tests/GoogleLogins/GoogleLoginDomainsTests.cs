using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using MeetStream.Client.Tests.Infrastructure;

namespace MeetStream.Client.Tests.GoogleLogins;

public sealed class GoogleLoginDomainsTests(WireMockServer wireMock)
{
    private static JsonNode DomainBody() => JsonNode.Parse("""
        {"sso_workspace_domain":"acme.com","name":"Acme Workspace","login_mode":"if_required","max_concurrent_per_login":20,"created_at":"2026-08-01T12:00:00Z"}
        """)!;

    [Fact]
    public async Task CreateDomainAsync_CliShape_SendsOnlySetFieldsAndParsesDomain()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", "/google-login-domains", 201, DomainBody());
        using var client = TestClients.Create(scope);

        var result = await client.GoogleLogins.CreateDomainAsync(
            new CreateGoogleLoginDomainRequest { SsoWorkspaceDomain = "acme.com", Name = "Acme Workspace", LoginMode = LoginMode.IfRequired },
            TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("POST", received.Method);
        Assert.Equal("/google-login-domains", received.Url);
        var body = received.Json!.AsObject();
        Assert.Equal(3, body.Count);
        Assert.Equal("acme.com", body["sso_workspace_domain"]!.GetValue<string>());
        Assert.Equal("Acme Workspace", body["name"]!.GetValue<string>());
        Assert.Equal("if_required", body["login_mode"]!.GetValue<string>());
        Assert.Equal("acme.com", result.SsoWorkspaceDomain);
        Assert.Equal("Acme Workspace", result.Name);
        Assert.Equal(LoginMode.IfRequired, result.LoginMode);
        Assert.Equal(20, result.MaxConcurrentPerLogin);
        Assert.Equal("2026-08-01T12:00:00Z", result.CreatedAt);
    }

    [Fact]
    public async Task CreateDomainAsync_ApiReferenceShape_SendsUserIdNameAndMode()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", "/google-login-domains", 201, DomainBody());
        using var client = TestClients.Create(scope);

        await client.GoogleLogins.CreateDomainAsync(
            new CreateGoogleLoginDomainRequest { UserId = "usr_42", Name = "Acme Workspace", LoginMode = LoginMode.Always },
            TestContext.Current.CancellationToken);

        var body = (await scope.SingleReceivedAsync()).Json!.AsObject();
        Assert.Equal(3, body.Count);
        Assert.Equal("usr_42", body["user_id"]!.GetValue<string>());
        Assert.Equal("Acme Workspace", body["name"]!.GetValue<string>());
        Assert.Equal("always", body["login_mode"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateDomainAsync_NoDomainOrUser_ThrowsBeforeSending()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.GoogleLogins.CreateDomainAsync(new CreateGoogleLoginDomainRequest { Name = "x" }, TestContext.Current.CancellationToken));

        Assert.Contains("sso_workspace_domain", error.Message, StringComparison.Ordinal);
        Assert.Equal("request", error.ParamName);
        Assert.Empty(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task CreateDomainAsync_AlreadyRegistered_ThrowsConflict()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", "/google-login-domains", 409, JsonNode.Parse("""{"message":"Domain already registered"}"""));
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<MeetStreamConflictException>(() => client.GoogleLogins.CreateDomainAsync(new CreateGoogleLoginDomainRequest { SsoWorkspaceDomain = "acme.com" }, TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
    }

    [Fact]
    public async Task ListDomainsAsync_ParsesDomainsWithCounts()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/google-login-domains", 200, JsonNode.Parse("""
            {"domains":[
              {"sso_workspace_domain":"acme.com","name":"Acme Workspace","login_mode":"always","max_concurrent_per_login":20,"created_at":"2026-08-01T12:00:00Z","login_count":3,"active_login_count":2},
              {"sso_workspace_domain":"labs.acme.com","name":"Labs","login_mode":"if_required","max_concurrent_per_login":20,"created_at":"2026-08-02T12:00:00Z","login_count":0,"active_login_count":0}
            ]}
            """));
        using var client = TestClients.Create(scope);

        var result = await client.GoogleLogins.ListDomainsAsync(TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("GET", received.Method);
        Assert.Equal("/google-login-domains", received.Url);
        Assert.Equal(2, result.Domains!.Count);
        var first = result.Domains[0];
        Assert.Equal("acme.com", first.SsoWorkspaceDomain);
        Assert.Equal("Acme Workspace", first.Name);
        Assert.Equal(LoginMode.Always, first.LoginMode);
        Assert.Equal(20, first.MaxConcurrentPerLogin);
        Assert.Equal(3, first.LoginCount);
        Assert.Equal(2, first.ActiveLoginCount);
        Assert.Equal(LoginMode.IfRequired, result.Domains[1].LoginMode);
    }

    [Fact]
    public async Task GetDomainAsync_Registered_ParsesDomainAndLogins()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/google-login-domains/acme.com", 200, JsonNode.Parse("""
            {"sso_workspace_domain":"acme.com","name":"Acme Workspace","login_mode":"always","max_concurrent_per_login":20,
             "logins":[
               {"login_id":"gl_1","email":"bot1@acme.com","is_active":true,"active_sessions":4,"last_test_status":"success","last_tested_at":"2026-09-01T08:00:00Z"},
               {"login_id":"gl_2","email":"bot2@acme.com","is_active":false,"active_sessions":0,"last_test_status":"failed","last_tested_at":null}
             ],
             "created_at":"2026-08-01T12:00:00Z","updated_at":"2026-08-15T12:00:00Z","sso_profile_id":"C01abc"}
            """));
        using var client = TestClients.Create(scope);

        var result = await client.GoogleLogins.GetDomainAsync("acme.com", TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("GET", received.Method);
        Assert.Equal("/google-login-domains/acme.com", received.Url);
        Assert.Equal("acme.com", result.SsoWorkspaceDomain);
        Assert.Equal("2026-08-15T12:00:00Z", result.UpdatedAt);
        Assert.Equal(2, result.Logins!.Count);
        var login = result.Logins[0];
        Assert.Equal("gl_1", login.LoginId);
        Assert.Equal("bot1@acme.com", login.Email);
        Assert.True(login.IsActive);
        Assert.Equal(4, login.ActiveSessions);
        Assert.Equal("success", login.LastTestStatus);
        Assert.Equal("2026-09-01T08:00:00Z", login.LastTestedAt);
        Assert.False(result.Logins[1].IsActive);
        Assert.Null(result.Logins[1].LastTestedAt);
        Assert.Equal("C01abc", result.AdditionalProperties!["sso_profile_id"].GetString());
    }

    [Fact]
    public async Task GetDomainAsync_DomainWithReservedCharacters_EscapesThePath()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/google-login-domains/acme.com%2Fx%3Fy", 200, DomainBody());
        using var client = TestClients.Create(scope);

        await client.GoogleLogins.GetDomainAsync("acme.com/x?y", TestContext.Current.CancellationToken);

        Assert.Equal("/google-login-domains/acme.com%2Fx%3Fy", (await scope.SingleReceivedAsync()).Url);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public async Task GetDomainAsync_EmptyDomain_ThrowsBeforeSending(string domain)
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.GoogleLogins.GetDomainAsync(domain, TestContext.Current.CancellationToken));

        Assert.Equal("domain", error.ParamName);
        Assert.Empty(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task GetDomainAsync_Unregistered_ThrowsNotFound()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/google-login-domains/nope.com", 404, JsonNode.Parse("""{"message":"Domain not found"}"""));
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<MeetStreamNotFoundException>(() => client.GoogleLogins.GetDomainAsync("nope.com", TestContext.Current.CancellationToken));

        Assert.Contains("domain 'nope.com'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateDomainAsync_NameAndMode_SendsPatchAndParsesSuccessAndDomain()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("PATCH", "/google-login-domains/acme.com", 200, JsonNode.Parse("""
            {"success":true,"domain":{"sso_workspace_domain":"acme.com","name":"Acme (renamed)","login_mode":"if_required","max_concurrent_per_login":20,"created_at":"2026-08-01T12:00:00Z","updated_at":"2026-09-01T12:00:00Z"}}
            """));
        using var client = TestClients.Create(scope);

        var result = await client.GoogleLogins.UpdateDomainAsync("acme.com", new UpdateGoogleLoginDomainRequest { Name = "Acme (renamed)", LoginMode = LoginMode.IfRequired }, TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("PATCH", received.Method);
        Assert.Equal("/google-login-domains/acme.com", received.Url);
        var body = received.Json!.AsObject();
        Assert.Equal(2, body.Count);
        Assert.Equal("Acme (renamed)", body["name"]!.GetValue<string>());
        Assert.Equal("if_required", body["login_mode"]!.GetValue<string>());
        Assert.True(result.Success);
        Assert.Equal("Acme (renamed)", result.Domain!.Name);
        Assert.Equal(LoginMode.IfRequired, result.Domain.LoginMode);
        Assert.Equal("2026-09-01T12:00:00Z", result.Domain.UpdatedAt);
    }

    [Fact]
    public async Task UpdateDomainAsync_NothingSet_ThrowsBeforeSending()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.GoogleLogins.UpdateDomainAsync("acme.com", new UpdateGoogleLoginDomainRequest(), TestContext.Current.CancellationToken));

        Assert.Contains("Nothing to update", error.Message, StringComparison.Ordinal);
        Assert.Empty(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task DeleteDomainAsync_EmptyResponse_SendsDeleteAndCompletes()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("DELETE", "/google-login-domains/acme.com", 204);
        using var client = TestClients.Create(scope);

        await client.GoogleLogins.DeleteDomainAsync("acme.com", TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("DELETE", received.Method);
        Assert.Equal("/google-login-domains/acme.com", received.Url);
        Assert.Equal(string.Empty, received.Body);
    }

    [Fact]
    public async Task DeleteDomainAsync_ActiveLogins_ThrowsBadRequest()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("DELETE", "/google-login-domains/acme.com", 400, JsonNode.Parse("""{"message":"Deactivate all logins first"}"""));
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<MeetStreamBadRequestException>(() => client.GoogleLogins.DeleteDomainAsync("acme.com", TestContext.Current.CancellationToken));

        Assert.Equal("Deactivate all logins first", error.ApiMessage);
    }

    [Fact]
    public async Task CreateDomainAsync_ExtensionData_IsSentAlongside()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", "/google-login-domains", 201, DomainBody());
        using var client = TestClients.Create(scope);

        await client.GoogleLogins.CreateDomainAsync(
            new CreateGoogleLoginDomainRequest { SsoWorkspaceDomain = "acme.com", AdditionalProperties = new Dictionary<string, JsonElement> { ["max_concurrent_per_login"] = JsonSerializer.SerializeToElement(10) } },
            TestContext.Current.CancellationToken);

        var body = (await scope.SingleReceivedAsync()).Json!.AsObject();
        Assert.Equal(10, body["max_concurrent_per_login"]!.GetValue<int>());
        Assert.Equal("acme.com", body["sso_workspace_domain"]!.GetValue<string>());
    }
}
