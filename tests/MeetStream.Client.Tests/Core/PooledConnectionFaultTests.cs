using System.Text.Json.Nodes;
using MeetStream.Client.Http;
using MeetStream.Client.Serialization;
using MeetStream.Client.Tests.Infrastructure;

namespace MeetStream.Client.Tests.Core;

public sealed class PooledConnectionFaultTests(WireMockServer wireMock)
{
    [Theory]
    [InlineData("EMPTY_RESPONSE")]
    [InlineData("CONNECTION_RESET_BY_PEER")]
    public async Task Post_FaultOnReusedConnection_SentOnce(string fault)
    {
        var scope = wireMock.CreateScope();
        await scope.StubSequenceAsync("POST", "/bots/bot-1/send_message", (200, new JsonObject { ["status"] = "accepted" }, null), (200, null, null));
        await scope.StubAsync("POST", "/bots/bot-1/send_message", 200, options: new StubOptions
        {
            Fault = StubFaults.Parse(fault),
            Scenario = scope.Prefix + "POST/bots/bot-1/send_message",
            WhenState = "s1",
            Priority = 1,
        });
        using var client = TestClients.Create(scope);
        var request = () => ApiRequest.Post("/bots/{bot_id}/send_message").WithPath("bot_id", "bot-1").WithJson(new Dictionary<string, string> { ["message"] = "hi" }, MeetStreamJsonContext.Default.DictionaryStringString);

        await client.Transport.SendAsync(request(), TestContext.Current.CancellationToken);
        await Assert.ThrowsAsync<MeetStreamConnectionException>(() => client.Transport.SendAsync(request(), TestContext.Current.CancellationToken));

        Assert.Equal(2, (await scope.ReceivedAsync()).Count);
    }
}
