using System.Net;
using System.Text.Json.Nodes;
using MeetStream.Client.Tests.Infrastructure;

namespace MeetStream.Client.Tests.Core;

public sealed class RawRequestTests(WireMockServer wireMock)
{
    [Fact]
    public async Task SendAsync_CustomEndpoint_SendsStandardHeadersAndReturnsRawBody()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", "/future/thing", 201, new JsonObject { ["ok"] = true }, new Dictionary<string, string> { ["x-request-id"] = "req-1" });
        using var client = TestClients.Create(scope);

        var response = await client.SendAsync(HttpMethod.Post, "/future/thing?x=1", new JsonObject { ["a"] = 1 }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("req-1", response.RequestId);
        Assert.True(response.GetJson()!.Value.GetProperty("ok").GetBoolean());
        var received = await scope.SingleReceivedAsync();
        Assert.Equal("POST", received.Method);
        Assert.Equal("/future/thing?x=1", received.Url);
        Assert.Equal("Token " + TestClients.ApiKey, received.Headers["Authorization"]);
        Assert.Equal("application/json", received.Headers["Accept"]);
        Assert.StartsWith("meetstream-dotnet/", received.Headers["User-Agent"], StringComparison.Ordinal);
        Assert.Equal(1, received.Json!["a"]!.GetValue<int>());
    }
}
