using System.Text;

namespace MeetStream.Client.Tests.Transport;

/// <summary>
/// The transport reads headers first and then the body; a success body that breaks off is still a typed
/// <see cref="MeetStreamConnectionException"/>, also through an <see cref="HttpClient"/> without the SDK's handler.
/// </summary>
public sealed class BrokenBodyTests
{
    private const string BotId = "6667fd0c-1b2a-4c3d-9e8f-0a1b2c3d4e5f";

    [Fact]
    public async Task GetStatusAsync_SuccessBodyBreaksOffThroughPlainHandler_ThrowsConnectionException()
    {
        var start = Encoding.UTF8.GetBytes("{\"bot_id\":\"" + BotId + "\",\"sta");
        await using var server = new CannedHttpServer("200 OK", start, declaredLength: 1000);
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
        using var client = new MeetStreamClient(http, new MeetStreamClientOptions { ApiKey = TransportStub.ApiKey, BaseUrl = server.BaseUrl });

        var error = await Assert.ThrowsAsync<MeetStreamConnectionException>(() => client.Bots.GetStatusAsync(BotId, TestContext.Current.CancellationToken));

        Assert.Contains($"GET /bots/{BotId}/status", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TransportStub.ApiKey, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_ErrorBodyBreaksOff_ThrowsTheStatusExceptionWithWhatArrived()
    {
        var start = Encoding.UTF8.GetBytes("{\"message\":\"database unavailable, ret");
        await using var server = new CannedHttpServer("503 Service Unavailable", start, declaredLength: 5000);
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
        using var client = new MeetStreamClient(http, new MeetStreamClientOptions { ApiKey = TransportStub.ApiKey, BaseUrl = server.BaseUrl });

        var error = await Assert.ThrowsAsync<MeetStreamServerException>(() => client.Bots.CreateAsync(new CreateBotRequest { MeetingLink = "https://meet.google.com/abc-defg-hij", BotName = "Notetaker" }, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("database unavailable, ret…(truncated, 5000 bytes)", error.ApiMessage);
        Assert.EndsWith("…(truncated, 5000 bytes)", error.ResponseBody, StringComparison.Ordinal);
    }
}
