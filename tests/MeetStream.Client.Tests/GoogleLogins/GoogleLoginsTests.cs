using System.Text.Json.Nodes;
using MeetStream.Client.Tests.Infrastructure;

namespace MeetStream.Client.Tests.GoogleLogins;

public sealed class GoogleLoginsTests(WireMockServer wireMock)
{
    private const string PrivateKey = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC-secret-key-body\n-----END PRIVATE KEY-----\n";
    private const string Certificate = "-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIE-cert-body\n-----END CERTIFICATE-----\n";

    private static JsonNode LoginBody() => JsonNode.Parse("""
        {"login_id":"gl_1","email":"bot1@acme.com","is_active":true,"active_sessions":0,"last_test_status":"pending","last_tested_at":null,"domain":"acme.com"}
        """)!;

    private static CreateGoogleLoginRequest CreateRequest() => new()
    {
        Domain = "acme.com",
        Email = "bot1@acme.com",
        SsoPrivateKeyPem = PrivateKey,
        SsoCertPem = Certificate,
        IsActive = true,
    };

    [Fact]
    public async Task CreateAsync_EveryField_PostsBodyAndParsesLogin()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", "/google-logins", 201, LoginBody());
        using var client = TestClients.Create(scope);

        var result = await client.GoogleLogins.CreateAsync(CreateRequest(), TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("POST", received.Method);
        Assert.Equal("/google-logins", received.Url);
        var body = received.Json!.AsObject();
        Assert.Equal(5, body.Count);
        Assert.Equal("acme.com", body["domain"]!.GetValue<string>());
        Assert.Equal("bot1@acme.com", body["email"]!.GetValue<string>());
        Assert.Equal(PrivateKey, body["sso_private_key_pem"]!.GetValue<string>());
        Assert.Equal(Certificate, body["sso_cert_pem"]!.GetValue<string>());
        Assert.True(body["is_active"]!.GetValue<bool>());
        Assert.Equal("gl_1", result.LoginId);
        Assert.Equal("bot1@acme.com", result.Email);
        Assert.True(result.IsActive);
        Assert.Equal(0, result.ActiveSessions);
        Assert.Equal("pending", result.LastTestStatus);
        Assert.Null(result.LastTestedAt);
        Assert.Equal("acme.com", result.AdditionalProperties!["domain"].GetString());
    }

    [Fact]
    public async Task CreateAsync_EmailWithoutAt_ThrowsBeforeSending()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);
        var request = new CreateGoogleLoginRequest { Domain = "acme.com", Email = "bot1", SsoPrivateKeyPem = PrivateKey, SsoCertPem = Certificate };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.GoogleLogins.CreateAsync(request, TestContext.Current.CancellationToken));

        Assert.Contains("email", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-key-body", error.Message, StringComparison.Ordinal);
        Assert.Empty(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task CreateAsync_EmptyPrivateKey_ThrowsBeforeSending()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);
        var request = new CreateGoogleLoginRequest { Domain = "acme.com", Email = "bot1@acme.com", SsoPrivateKeyPem = "", SsoCertPem = Certificate };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.GoogleLogins.CreateAsync(request, TestContext.Current.CancellationToken));

        Assert.Contains("sso_private_key_pem", error.Message, StringComparison.Ordinal);
        Assert.Empty(await scope.ReceivedAsync());
    }

    [Fact]
    public void CreateGoogleLoginRequest_ToString_MasksPrivateKey()
    {
        var text = CreateRequest().ToString();

        Assert.DoesNotContain("secret-key-body", text, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", text, StringComparison.Ordinal);
        Assert.Contains("SsoPrivateKeyPem = ***", text, StringComparison.Ordinal);
        Assert.Contains("bot1@acme.com", text, StringComparison.Ordinal);
    }

    [Fact]
    public void UpdateGoogleLoginRequest_ToString_MasksPrivateKey()
    {
        var text = new UpdateGoogleLoginRequest { Domain = "acme.com", SsoPrivateKeyPem = PrivateKey, SsoCertPem = Certificate }.ToString();

        Assert.DoesNotContain("secret-key-body", text, StringComparison.Ordinal);
        Assert.Contains("SsoPrivateKeyPem = ***", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_WithDomain_SendsDomainQueryAndParsesLogins()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/google-logins", 200, JsonNode.Parse("""
            {"logins":[
              {"login_id":"gl_1","email":"bot1@acme.com","is_active":true,"active_sessions":3,"last_test_status":"success","last_tested_at":"2026-09-01T08:00:00Z"},
              {"login_id":"gl_2","email":"bot2@acme.com","is_active":false,"active_sessions":0,"last_test_status":"failed","last_tested_at":"2026-09-01T08:05:00Z"}
            ],"total":2}
            """));
        using var client = TestClients.Create(scope);

        var result = await client.GoogleLogins.ListAsync("acme.com", TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("GET", received.Method);
        Assert.Equal("/google-logins?domain=acme.com", received.Url);
        Assert.Equal(2, result.Logins!.Count);
        Assert.Equal("gl_1", result.Logins[0].LoginId);
        Assert.Equal(3, result.Logins[0].ActiveSessions);
        Assert.Equal("failed", result.Logins[1].LastTestStatus);
        Assert.Equal(2, result.AdditionalProperties!["total"].GetInt32());
    }

    [Fact]
    public async Task ListAsync_NoDomain_SendsNoQuery()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/google-logins", 200, JsonNode.Parse("""{"logins":[]}"""));
        using var client = TestClients.Create(scope);

        await client.GoogleLogins.ListAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("/google-logins", (await scope.SingleReceivedAsync()).Url);
    }

    [Fact]
    public async Task ListAsync_BlankDomain_ThrowsBeforeSending()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.GoogleLogins.ListAsync(" ", TestContext.Current.CancellationToken));

        Assert.Equal("domain", error.ParamName);
        Assert.Empty(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task UpdateAsync_Deactivate_SendsPatchWithDomainAndFlag()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("PATCH", "/google-logins/gl_1", 200, JsonNode.Parse("""{"login_id":"gl_1","email":"bot1@acme.com","is_active":false,"active_sessions":0}"""));
        using var client = TestClients.Create(scope);

        var result = await client.GoogleLogins.UpdateAsync("gl_1", new UpdateGoogleLoginRequest { Domain = "acme.com", IsActive = false }, TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("PATCH", received.Method);
        Assert.Equal("/google-logins/gl_1", received.Url);
        var body = received.Json!.AsObject();
        Assert.Equal(2, body.Count);
        Assert.Equal("acme.com", body["domain"]!.GetValue<string>());
        Assert.False(body["is_active"]!.GetValue<bool>());
        Assert.Equal("gl_1", result.LoginId);
        Assert.False(result.IsActive);
    }

    [Fact]
    public async Task UpdateAsync_NewKeyAndCertificate_SendsBothPems()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("PATCH", "/google-logins/gl_1", 200, LoginBody());
        using var client = TestClients.Create(scope);

        await client.GoogleLogins.UpdateAsync("gl_1", new UpdateGoogleLoginRequest { SsoPrivateKeyPem = PrivateKey, SsoCertPem = Certificate }, TestContext.Current.CancellationToken);

        var body = (await scope.SingleReceivedAsync()).Json!.AsObject();
        Assert.Equal(2, body.Count);
        Assert.Equal(PrivateKey, body["sso_private_key_pem"]!.GetValue<string>());
        Assert.Equal(Certificate, body["sso_cert_pem"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateAsync_NothingSet_ThrowsBeforeSending()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.GoogleLogins.UpdateAsync("gl_1", new UpdateGoogleLoginRequest { Domain = "acme.com" }, TestContext.Current.CancellationToken));

        Assert.Contains("Nothing to update", error.Message, StringComparison.Ordinal);
        Assert.Empty(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task DeleteAsync_WithDomain_SendsDomainInQuery()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("DELETE", "/google-logins/gl_1", 200, JsonNode.Parse("""{"message":"Login deleted"}"""));
        using var client = TestClients.Create(scope);

        await client.GoogleLogins.DeleteAsync("gl_1", "acme.com", TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("DELETE", received.Method);
        Assert.Equal("/google-logins/gl_1?domain=acme.com", received.Url);
        Assert.Equal(string.Empty, received.Body);
    }

    [Fact]
    public async Task DeleteAsync_WithoutDomain_SendsNoQuery()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("DELETE", "/google-logins/gl%201", 204);
        using var client = TestClients.Create(scope);

        await client.GoogleLogins.DeleteAsync("gl 1", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("/google-logins/gl%201", (await scope.SingleReceivedAsync()).Url);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task DeleteAsync_EmptyLoginId_ThrowsBeforeSending(string loginId)
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.GoogleLogins.DeleteAsync(loginId, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("loginId", error.ParamName);
        Assert.Empty(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task UpdateAsync_NullLoginId_ThrowsArgumentNullException()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<ArgumentNullException>(() => client.GoogleLogins.UpdateAsync(null!, new UpdateGoogleLoginRequest { IsActive = true }, TestContext.Current.CancellationToken));

        Assert.Equal("loginId", error.ParamName);
    }
}
