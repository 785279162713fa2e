using System.Net;
using MeetStream.Client.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MeetStream.Client.Tests.Transport;

/// <summary>
/// A 3xx from the API host is never followed: it is a <see cref="MeetStreamRedirectException"/> naming the status and
/// the Location host, and the other host receives nothing. An answer that a user's redirect-following handler fetched
/// from elsewhere is refused the same way instead of being read as success.
/// </summary>
public sealed class RedirectTests
{
    private const string BotId = "6667fd0c-1b2a-4c3d-9e8f-0a1b2c3d4e5f";
    private const string SecretQuery = "signature=q9SeCrEtQuErY";
    private const string CreatedJson = """{"bot_id":"6667fd0c-1b2a-4c3d-9e8f-0a1b2c3d4e5f","transcript_id":"tr_1","meeting_url":"https://meet.google.com/abc-defg-hij","status":"Active"}""";
    private const string StatusJson = """{"bot_id":"6667fd0c-1b2a-4c3d-9e8f-0a1b2c3d4e5f","status":"InMeeting"}""";

    private static CreateBotRequest Create() => new() { MeetingLink = "https://meet.google.com/abc-defg-hij", BotName = "Notetaker" };

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task CreateAsync_RedirectToOtherHost_ThrowsRedirectExceptionAndOtherHostReceivesNothing(int status)
    {
        using var api = TransportStub.StartApi();
        using var other = TransportStub.StartOtherHost();
        other.AnswerEverythingWithSuccess(CreatedJson);
        api.Answer("POST", "/bots/create_bot", status, headers: ("Location", $"{other.Root}landing?{SecretQuery}"));
        var logs = new CapturingLoggerProvider();
        using var client = api.CreateClient(logs);

        var error = await Assert.ThrowsAsync<MeetStreamRedirectException>(() => client.Bots.CreateAsync(Create(), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Empty(other.Received);
        Assert.Single(api.Received);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal("localhost", error.LocationHost);
        Assert.Contains($"({status})", error.Message, StringComparison.Ordinal);
        Assert.Contains("'localhost'", error.Message, StringComparison.Ordinal);
        Assert.Contains("never follows redirects", error.Message, StringComparison.Ordinal);
        Assert.Contains("MeetStreamClientOptions.BaseUrl", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretQuery, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("/landing", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Lines, line => line.Contains(SecretQuery, StringComparison.Ordinal));
        Assert.IsAssignableFrom<MeetStreamApiException>(error);
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task GetStatusAsync_RedirectToOtherHost_ThrowsRedirectExceptionAndOtherHostReceivesNothing(int status)
    {
        using var api = TransportStub.StartApi();
        using var other = TransportStub.StartOtherHost();
        other.AnswerEverythingWithSuccess(StatusJson);
        api.Answer("GET", $"/bots/{BotId}/status", status, headers: ("Location", $"{other.BaseUrl}/bots/{BotId}/status?{SecretQuery}"));
        using var client = api.CreateClient(maxRetries: 2);

        var error = await Assert.ThrowsAsync<MeetStreamRedirectException>(() => client.Bots.GetStatusAsync(BotId, TestContext.Current.CancellationToken));

        Assert.Empty(other.Received);
        Assert.Single(api.Received); // a redirect is not retried either
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal("localhost", error.LocationHost);
        Assert.DoesNotContain(SecretQuery, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStatusAsync_RedirectToSameHost_ThrowsRedirectException()
    {
        using var api = TransportStub.StartApi();
        api.Answer("GET", $"/bots/{BotId}/status", 302, headers: ("Location", $"/api/v1/bots/{BotId}/moved"));
        api.Answer("GET", $"/bots/{BotId}/moved", 200, StatusJson);
        using var client = api.CreateClient();

        var error = await Assert.ThrowsAsync<MeetStreamRedirectException>(() => client.Bots.GetStatusAsync(BotId, TestContext.Current.CancellationToken));

        Assert.Single(api.Received);
        Assert.Equal("127.0.0.1", error.LocationHost);
        Assert.Contains("(302)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_UserHttpClientFollowsRedirectToOtherHost_ThrowsRedirectExceptionInsteadOfSuccess()
    {
        using var api = TransportStub.StartApi();
        using var other = TransportStub.StartOtherHost();
        other.AnswerEverythingWithSuccess(CreatedJson);
        api.Answer("POST", "/bots/create_bot", 302, headers: ("Location", $"{other.Root}landing?{SecretQuery}"));
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = true }) { Timeout = Timeout.InfiniteTimeSpan };
        using var client = new MeetStreamClient(http, api.Options());

        var error = await Assert.ThrowsAsync<MeetStreamRedirectException>(() => client.Bots.CreateAsync(Create(), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Single(other.Received); // the user's handler followed it; the SDK refused the answer
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal("localhost", error.LocationHost);
        Assert.Contains("'localhost'", error.Message, StringComparison.Ordinal);
        Assert.Contains("AllowAutoRedirect = false", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretQuery, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStatusAsync_UserHttpClientFollowsRedirectOnSameHost_ThrowsRedirectException()
    {
        using var api = TransportStub.StartApi();
        api.Answer("GET", $"/bots/{BotId}/status", 307, headers: ("Location", $"/api/v1/bots/{BotId}/moved"));
        api.Answer("GET", $"/bots/{BotId}/moved", 200, StatusJson);
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = true }) { Timeout = Timeout.InfiniteTimeSpan };
        using var client = new MeetStreamClient(http, api.Options());

        var error = await Assert.ThrowsAsync<MeetStreamRedirectException>(() => client.Bots.GetStatusAsync(BotId, TestContext.Current.CancellationToken));

        Assert.Equal(2, api.Received.Count);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
    }

    [Fact]
    public async Task AddMeetStreamClient_RedirectToOtherHost_ThrowsRedirectExceptionAndOtherHostReceivesNothing()
    {
        using var api = TransportStub.StartApi();
        using var other = TransportStub.StartOtherHost();
        other.AnswerEverythingWithSuccess(CreatedJson);
        api.Answer("POST", "/bots/create_bot", 302, headers: ("Location", $"{other.Root}landing?{SecretQuery}"));
        var services = new ServiceCollection();
        services.AddMeetStreamClient(options =>
        {
            options.ApiKey = TransportStub.ApiKey;
            options.BaseUrl = api.BaseUrl;
            options.Retry.MaxRetries = 0;
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IMeetStreamClient>();

        var error = await Assert.ThrowsAsync<MeetStreamRedirectException>(() => client.Bots.CreateAsync(Create(), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Empty(other.Received);
        Assert.Equal(HttpStatusCode.Found, error.StatusCode);
        Assert.Equal("localhost", error.LocationHost);
    }

    [Fact]
    public async Task SendAsync_RawCallRedirected_ReturnsTheRedirectUnfollowed()
    {
        using var api = TransportStub.StartApi();
        using var other = TransportStub.StartOtherHost();
        other.AnswerEverythingWithSuccess(StatusJson);
        api.Answer("GET", $"/bots/{BotId}/status", 302, headers: ("Location", $"{other.Root}landing"));
        using var client = api.CreateClient();

        var raw = await client.SendAsync(HttpMethod.Get, $"/bots/{BotId}/status", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Found, raw.StatusCode);
        Assert.Empty(other.Received);
    }

    [Fact]
    public async Task SendAsync_RawCallThroughRedirectFollowingHttpClient_ThrowsRedirectException()
    {
        using var api = TransportStub.StartApi();
        using var other = TransportStub.StartOtherHost();
        other.AnswerEverythingWithSuccess(StatusJson);
        api.Answer("GET", $"/bots/{BotId}/status", 302, headers: ("Location", $"{other.Root}landing"));
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = true }) { Timeout = Timeout.InfiniteTimeSpan };
        using var client = new MeetStreamClient(http, api.Options());

        var error = await Assert.ThrowsAsync<MeetStreamRedirectException>(() => client.SendAsync(HttpMethod.Get, $"/bots/{BotId}/status", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("localhost", error.LocationHost);
    }
}
