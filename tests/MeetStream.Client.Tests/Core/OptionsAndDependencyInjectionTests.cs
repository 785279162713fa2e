using System.Text.Json.Nodes;
using MeetStream.Client.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MeetStream.Client.Tests.Core;

public sealed class OptionsAndDependencyInjectionTests(WireMockServer wireMock)
{
    [Fact]
    public void Constructor_NoKeyAnywhere_ThrowsConfigurationExceptionNamingTheSettings()
    {
        var options = new MeetStreamClientOptions();

        var errors = MeetStreamClientOptionsValidator.GetErrors(options.Freeze(_ => null));

        var error = Assert.Single(errors);
        Assert.Contains("MEETSTREAM_API_KEY", error, StringComparison.Ordinal);
        Assert.Contains("https://app.meetstream.ai/api-key", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Freeze_EnvironmentFallbacks_UsedWhenOptionsUnset()
    {
        var environment = new Dictionary<string, string?> { ["MEETSTREAM_API_KEY"] = " env-key ", ["MEETSTREAM_API_URL"] = "http://localhost:9999/api/v1" };

        var resolved = new MeetStreamClientOptions().Freeze(name => environment.GetValueOrDefault(name));

        Assert.Equal("env-key", resolved.ApiKey);
        Assert.Equal(new Uri("http://localhost:9999/api/v1"), resolved.BaseUrl);
    }

    [Fact]
    public void Freeze_ExplicitValues_WinOverEnvironment()
    {
        var resolved = new MeetStreamClientOptions { ApiKey = "explicit", BaseUrl = new Uri("https://example.test/api/v1") }
            .Freeze(_ => "from-env");

        Assert.Equal("explicit", resolved.ApiKey);
        Assert.Equal(new Uri("https://example.test/api/v1"), resolved.BaseUrl);
    }

    [Fact]
    public void Freeze_DefaultBaseUrl_IsProductionApiV1()
    {
        var resolved = new MeetStreamClientOptions { ApiKey = "k" }.Freeze(_ => null);

        Assert.Equal(new Uri("https://api.meetstream.ai/api/v1"), resolved.BaseUrl);
    }

    [Fact]
    public void Freeze_InvalidEnvironmentUrl_ThrowsConfigurationException()
    {
        var ex = Assert.Throws<MeetStreamConfigurationException>(() => new MeetStreamClientOptions { ApiKey = "k" }.Freeze(n => n == "MEETSTREAM_API_URL" ? "not a url" : null));

        Assert.Contains("MEETSTREAM_API_URL", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("key with space", "spaces")]
    [InlineData("key\nbreak", "spaces")]
    [InlineData("Token", "Token")]
    public void Validate_BadKeys_Rejected(string key, string expectedWord)
    {
        var errors = MeetStreamClientOptionsValidator.GetErrors(new MeetStreamClientOptions { ApiKey = key }.Freeze(_ => null));

        var error = Assert.Single(errors);
        Assert.Contains(expectedWord, error, StringComparison.Ordinal);
        if (key.Length > 5)
        {
            Assert.DoesNotContain(key, error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_BadTimeoutsAndRetries_ListsEveryProblem()
    {
        var options = new MeetStreamClientOptions { ApiKey = "k", AttemptTimeout = TimeSpan.Zero, TotalTimeout = TimeSpan.FromSeconds(-1), BaseUrl = new Uri("ftp://x/") };
        options.Retry.MaxRetries = 11;
        options.Retry.BaseDelay = TimeSpan.FromSeconds(-1);

        var errors = MeetStreamClientOptionsValidator.GetErrors(options.Freeze(_ => null));

        Assert.Equal(5, errors.Count);
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsConfigurationException()
    {
        var ex = Assert.Throws<MeetStreamConfigurationException>(() => new MeetStreamClient(new MeetStreamClientOptions { ApiKey = "k", AttemptTimeout = TimeSpan.Zero }));

        Assert.Contains("AttemptTimeout", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_OptionsAndClient_NeverShowTheKey()
    {
        var options = new MeetStreamClientOptions { ApiKey = TestClients.ApiKey };
        using var client = new MeetStreamClient(options);

        Assert.DoesNotContain(TestClients.ApiKey, options.ToString(), StringComparison.Ordinal);
        Assert.Contains("***", options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(TestClients.ApiKey, client.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_OptionsChangedAfterConstruction_AreNotSeen()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/x", 200, new JsonObject());
        var options = new MeetStreamClientOptions { ApiKey = TestClients.ApiKey, BaseUrl = scope.BaseUrl };
        using var client = new MeetStreamClient(options);
        options.ApiKey = "changed";
        options.BaseUrl = new Uri("http://127.0.0.1:1/api/v1");

        await client.SendAsync(HttpMethod.Get, "/x", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("Token " + TestClients.ApiKey, (await scope.SingleReceivedAsync()).Headers["Authorization"]);
    }

    [Fact]
    public async Task AddMeetStreamClient_ConfigurationSection_BindsAndSendsThroughFactory()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/ping", 200, new JsonObject { ["ok"] = true });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MeetStream:ApiKey"] = TestClients.ApiKey,
            ["MeetStream:BaseUrl"] = scope.BaseUrl.ToString(),
            ["MeetStream:AttemptTimeout"] = "00:00:20",
            ["MeetStream:TotalTimeout"] = "45",
            ["MeetStream:ApplicationName"] = "notetaker/2.1",
            ["MeetStream:Retry:MaxRetries"] = "4",
            ["MeetStream:Retry:UseJitter"] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddMeetStreamClient(configuration.GetSection("MeetStream"));
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var options = provider.GetRequiredService<IOptions<MeetStreamClientOptions>>().Value;
        var client = provider.GetRequiredService<IMeetStreamClient>();
        await client.SendAsync(HttpMethod.Get, "/ping", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(TimeSpan.FromSeconds(20), options.AttemptTimeout);
        Assert.Equal(TimeSpan.FromSeconds(45), options.TotalTimeout);
        Assert.Equal(4, options.Retry.MaxRetries);
        Assert.False(options.Retry.UseJitter);
        Assert.Same(client, provider.GetRequiredService<MeetStreamClient>());
        Assert.Same(client.Bots, provider.GetRequiredService<IBotsClient>());
        Assert.Same(client.Transcripts, provider.GetRequiredService<ITranscriptsClient>());
        Assert.Same(client.TeamsLogins, provider.GetRequiredService<ITeamsLoginsClient>());
        var received = await scope.SingleReceivedAsync();
        Assert.Equal("Token " + TestClients.ApiKey, received.Headers["Authorization"]);
        Assert.EndsWith(" notetaker/2.1", received.Headers["User-Agent"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddMeetStreamClient_ReturnsBuilderWhoseHandlersRunForEachRequest()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/ping", 200, new JsonObject());
        var services = new ServiceCollection();
        services.AddMeetStreamClient(o =>
        {
            o.ApiKey = TestClients.ApiKey;
            o.BaseUrl = scope.BaseUrl;
        }).AddHttpMessageHandler(() => new HeaderHandler());
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IMeetStreamClient>().SendAsync(HttpMethod.Get, "/ping", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("yes", (await scope.SingleReceivedAsync()).Headers["X-Custom"]);
    }

    [Fact]
    public async Task AddMeetStreamClient_MissingKey_FailsAtStartupValidation()
    {
        var services = new ServiceCollection();
        services.AddMeetStreamClient(o => o.BaseUrl = new Uri("https://example.test/api/v1"));
        await using var provider = services.BuildServiceProvider();

        var validator = provider.GetRequiredService<IValidateOptions<MeetStreamClientOptions>>();
        var saved = Environment.GetEnvironmentVariable("MEETSTREAM_API_KEY");
        Assert.True(string.IsNullOrEmpty(saved), "Tests expect MEETSTREAM_API_KEY unset.");
        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MeetStreamClientOptions>>().Value);

        Assert.Contains("API key", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(validator);
    }

    [Fact]
    public void AddMeetStreamClient_BadDurationInConfiguration_ThrowsNamingTheKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MeetStream:ApiKey"] = "k",
            ["MeetStream:Retry:BaseDelay"] = "soon",
        }).Build();
        var services = new ServiceCollection();
        services.AddMeetStreamClient(configuration.GetSection("MeetStream"));
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<MeetStreamConfigurationException>(() => provider.GetRequiredService<IOptions<MeetStreamClientOptions>>().Value);

        Assert.Contains("MeetStream:Retry:BaseDelay", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_AbsoluteOrProtocolRelativePath_Rejected()
    {
        using var client = new MeetStreamClient("k");

        await Assert.ThrowsAsync<ArgumentException>(() => client.SendAsync(HttpMethod.Get, "https://evil.test/x", cancellationToken: TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ArgumentException>(() => client.SendAsync(HttpMethod.Get, "//evil.test/x", cancellationToken: TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ArgumentException>(() => client.SendAsync(HttpMethod.Get, "bots", cancellationToken: TestContext.Current.CancellationToken));
    }

    private sealed class HeaderHandler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add("X-Custom", "yes");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
