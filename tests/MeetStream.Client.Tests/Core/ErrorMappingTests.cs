using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using MeetStream.Client.Http;
using MeetStream.Client.Serialization;
using MeetStream.Client.Tests.Infrastructure;

namespace MeetStream.Client.Tests.Core;

public sealed class ErrorMappingTests(WireMockServer wireMock)
{
    private static Task<ApiResponse<JsonElement>> GetStatus(MeetStreamClient client, string botId = "bot-1") =>
        client.Transport.SendAsync(ApiRequest.Get("/bots/{bot_id}/status").WithPath("bot_id", botId), MeetStreamJsonContext.Default.JsonElement, TestContext.Current.CancellationToken);

    [Theory]
    [InlineData(400, typeof(MeetStreamBadRequestException))]
    [InlineData(401, typeof(MeetStreamAuthenticationException))]
    [InlineData(403, typeof(MeetStreamPermissionDeniedException))]
    [InlineData(404, typeof(MeetStreamNotFoundException))]
    [InlineData(410, typeof(MeetStreamNotFoundException))]
    [InlineData(409, typeof(MeetStreamConflictException))]
    [InlineData(429, typeof(MeetStreamRateLimitException))]
    [InlineData(500, typeof(MeetStreamServerException))]
    [InlineData(503, typeof(MeetStreamServerException))]
    [InlineData(405, typeof(MeetStreamApiException))]
    public async Task SendAsync_ErrorStatus_ThrowsTypedExceptionWithDetails(int status, Type expected)
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/bots/bot-1/status", status, new JsonObject { ["message"] = "explained by the API" }, new Dictionary<string, string> { ["x-request-id"] = "req-42" });
        using var client = TestClients.Create(scope, o => o.Retry.MaxRetries = 0);

        var ex = await Assert.ThrowsAnyAsync<MeetStreamApiException>(() => GetStatus(client));

        Assert.IsType(expected, ex);
        Assert.Equal(status, (int)ex.StatusCode);
        Assert.Equal("explained by the API", ex.ApiMessage);
        Assert.Equal("req-42", ex.RequestId);
        Assert.Contains("explained by the API", ex.Message, StringComparison.Ordinal);
        Assert.Contains("req-42", ex.Message, StringComparison.Ordinal);
        Assert.Contains("\"message\"", ex.ResponseBody, StringComparison.Ordinal);
        Assert.Equal("GET", ex.Details.Method);
        Assert.Equal("/bots/bot-1/status", ex.Details.Path);
        Assert.DoesNotContain(TestClients.ApiKey, ex.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"detail\":\"from detail\"}", "from detail")]
    [InlineData("{\"error\":\"from error\",\"status_code\":404}", "from error")]
    [InlineData("{\"error\":{\"message\":\"nested\"}}", "nested")]
    [InlineData("\"plain json string\"", "plain json string")]
    [InlineData("<html>bad gateway</html>", null)]
    [InlineData("", null)]
    public async Task SendAsync_ErrorBodyShapes_ExtractsApiMessage(string body, string? expected)
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/bots/bot-1/status", 404, body);
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<MeetStreamNotFoundException>(() => GetStatus(client));

        Assert.Equal(expected, ex.ApiMessage);
        Assert.Contains("bot id 'bot-1'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_401_MessageExplainsMissingKeyAndTokenScheme()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/bots/bot-1/status", 401, new JsonObject { ["detail"] = "Authentication credentials were not provided." });
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<MeetStreamAuthenticationException>(() => GetStatus(client));

        Assert.Contains("MEETSTREAM_API_KEY", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Token", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_403_MessageExplainsRejectedKey()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/bots/bot-1/status", 403, new JsonObject { ["detail"] = "Invalid token." });
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<MeetStreamPermissionDeniedException>(() => GetStatus(client));

        Assert.Contains("revoked", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Invalid token.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_202OnReadyRead_ThrowsNotReadyWithApiMessage()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/transcript/t-1/get_transcript", 202, new JsonObject { ["message"] = "Transcript is still being processed. Current status: Processing" });
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<MeetStreamNotReadyException>(() => client.Transport.SendAsync(
            ApiRequest.Get("/transcript/{transcript_id}/get_transcript").WithPath("transcript_id", "t-1").WithNotReadyOn202(),
            MeetStreamJsonContext.Default.JsonElement,
            TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Accepted, ex.StatusCode);
        Assert.Contains("Current status: Processing", ex.ApiMessage, StringComparison.Ordinal);
        Assert.Single(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task SendAsync_202WithoutNotReadyRule_IsSuccess()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/bots/bot-1/status", 202, new JsonObject { ["status"] = "accepted" });
        using var client = TestClients.Create(scope);

        var response = await GetStatus(client);

        Assert.Equal("accepted", response.Value.GetProperty("status").GetString());
    }

    [Fact]
    public async Task SendAsync_507WithoutReplayRule_IsServerError()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/bots/bot-1/status", 507, new JsonObject { ["message"] = "insufficient storage" });
        using var client = TestClients.Create(scope);

        await Assert.ThrowsAsync<MeetStreamApiException>(() => GetStatus(client));
    }

    [Fact]
    public async Task SendAsync_SuccessWithInvalidJson_ThrowsUnexpectedResponseWithBody()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/bots/bot-1/status", 200, "{\"bot_id\": \"x\", ");
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<MeetStreamUnexpectedResponseException>(() => GetStatus(client));

        Assert.Equal("{\"bot_id\": \"x\", ", ex.ResponseBody);
        Assert.IsAssignableFrom<JsonException>(ex.InnerException);
    }

    [Fact]
    public async Task SendAsync_SuccessWithEmptyBodyWhereObjectExpected_ThrowsUnexpectedResponse()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/bots/bot-1/status", 200);
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<MeetStreamUnexpectedResponseException>(() => GetStatus(client));

        Assert.Contains("empty", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithPath_EmptyId_ThrowsArgumentExceptionBeforeAnyRequest()
    {
        var ex = Assert.Throws<ArgumentException>(() => ApiRequest.Get("/bots/{bot_id}/status").WithPath("bot_id", " ", "botId"));

        Assert.Equal("botId", ex.ParamName);
        await Task.CompletedTask;
    }

    [Fact]
    public void WithPath_ValueWithSlashes_IsEscaped()
    {
        var request = ApiRequest.Get("/google-login-domains/{domain}").WithPath("domain", "a/b c");

        Assert.Equal("/google-login-domains/a%2Fb%20c", request.Path);
    }
}
