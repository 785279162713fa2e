using System.Text.Json.Nodes;
using MeetStream.Client.Tests.Infrastructure;

namespace MeetStream.Client.Tests.Core;

/// <summary>The <c>MeetStreamClient(apiKey, baseUrl)</c> constructor: where it sends and what it refuses.</summary>
public sealed class ClientConstructorTests(WireMockServer wireMock)
{
    [Fact]
    public async Task Constructor_ApiKeyAndBaseUrl_SendsToThatUrlWithTheKey()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/bots/b1/status", 200, JsonNode.Parse("""{"bot_id":"b1","status":"Active"}"""));
        using var client = new MeetStreamClient(TestClients.ApiKey, scope.BaseUrl);

        var status = await client.Bots.GetStatusAsync("b1", TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal(BotStatus.Active, status.Status);
        Assert.Equal(scope.BaseUrl, client.BaseUrl);
        Assert.Equal("Token " + TestClients.ApiKey, received.Headers["Authorization"]);
        Assert.Equal("/bots/b1/status", received.Path);
    }

    [Fact]
    public void Constructor_NullBaseUrl_ThrowsArgumentNullException()
    {
        var error = Assert.Throws<ArgumentNullException>(() => new MeetStreamClient(TestClients.ApiKey, null!));

        Assert.Equal("baseUrl", error.ParamName);
    }

    [Theory]
    [InlineData("/api/v1", UriKind.Relative)]
    [InlineData("ftp://files.example.test/api/v1", UriKind.Absolute)]
    [InlineData("file:///tmp/api", UriKind.Absolute)]
    public void Constructor_BaseUrlNotAbsoluteHttp_ThrowsConfigurationExceptionNamingTheSettingNotTheKey(string url, UriKind kind)
    {
        var error = Assert.Throws<MeetStreamConfigurationException>(() => new MeetStreamClient(TestClients.ApiKey, new Uri(url, kind)));

        Assert.Contains("BaseUrl", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestClients.ApiKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_BadKeyWithBaseUrl_ThrowsConfigurationExceptionWithoutTheKey()
    {
        const string key = "ms_key with a space";

        var error = Assert.Throws<MeetStreamConfigurationException>(() => new MeetStreamClient(key, new Uri("https://api.example.test/api/v1")));

        Assert.DoesNotContain(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_ClientBuiltWithBaseUrl_ShowsUrlNotKey()
    {
        using var client = new MeetStreamClient(TestClients.ApiKey, new Uri("https://eu.example.test/api/v1"));

        var text = client.ToString();

        Assert.Contains("https://eu.example.test/api/v1", text, StringComparison.Ordinal);
        Assert.DoesNotContain(TestClients.ApiKey, text, StringComparison.Ordinal);
    }
}
