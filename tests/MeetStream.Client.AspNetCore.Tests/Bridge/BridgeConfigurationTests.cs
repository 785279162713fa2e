using MeetStream.Client.Realtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MeetStream.Client.AspNetCore.Tests.Bridge;

/// <summary>Bridge registration, options validation, configuration binding and the <c>wss://</c> URL helper.</summary>
public sealed class BridgeConfigurationTests
{
    private const string Token = "test-bridge-token-0123456789";

    [Fact]
    public void Create_HttpsBaseUrl_BuildsWssUrlsWithTheToken()
    {
        var urls = MeetStreamBridgeEndpoints.Create("https://abc.ngrok.app", "tok+en/=0123456789abcd");

        Assert.Equal("wss://abc.ngrok.app/bridge?token=tok%2Ben%2F%3D0123456789abcd", urls.Control.WebSocketUrl);
        Assert.Equal("wss://abc.ngrok.app/bridge/audio?token=tok%2Ben%2F%3D0123456789abcd", urls.Audio.WebSocketUrl);
        Assert.Equal("wss://abc.ngrok.app/bridge/video?token=tok%2Ben%2F%3D0123456789abcd", urls.Video.WebSocketUrl);
    }

    [Fact]
    public void Create_BasePathPortAndBotId_KeepsThePrefixAndPutsTheBotIdBeforeTheLastSegment()
    {
        var urls = MeetStreamBridgeEndpoints.Create("http://example.com:8080/app/", Token, "/meetstream/bridge", "bot_1");

        Assert.Equal($"ws://example.com:8080/app/meetstream/bot_1/bridge?token={Token}", urls.Control.WebSocketUrl);
        Assert.Equal($"ws://example.com:8080/app/meetstream/bot_1/bridge/audio?token={Token}", urls.Audio.WebSocketUrl);
    }

    [Fact]
    public void Create_FromOptions_UsesPublicBaseUrlAndTheFirstToken()
    {
        var options = new MeetStreamBridgeOptions { PublicBaseUrl = "https://bridge.example.com" };
        options.AccessTokens.Add(Token);
        options.AccessTokens.Add("older-token-0123456789abc");

        var urls = MeetStreamBridgeEndpoints.Create(options);

        Assert.Equal($"wss://bridge.example.com/bridge?token={Token}", urls.Control.WebSocketUrl);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/relative")]
    [InlineData("ftp://example.com")]
    public void Create_InvalidBaseUrl_ThrowsNamingTheParameter(string baseUrl)
    {
        var ex = Assert.Throws<ArgumentException>(() => MeetStreamBridgeEndpoints.Create(baseUrl, Token));

        Assert.Equal("publicBaseUrl", ex.ParamName);
    }

    [Fact]
    public void ToString_Endpoints_MasksTheToken()
    {
        var text = MeetStreamBridgeEndpoints.Create("https://abc.ngrok.app", Token).ToString();

        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
        Assert.Contains("wss://abc.ngrok.app/bridge/audio?token=***", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_Options_MasksTheTokens()
    {
        var options = new MeetStreamBridgeOptions();
        options.AccessTokens.Add(Token);

        Assert.DoesNotContain(Token, options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void GenerateAccessToken_Twice_LongUrlSafeAndDifferent()
    {
        var first = MeetStreamBridgeOptions.GenerateAccessToken();
        var second = MeetStreamBridgeOptions.GenerateAccessToken();

        Assert.Equal(43, first.Length);
        Assert.NotEqual(first, second);
        Assert.Equal(first, Uri.EscapeDataString(first));
    }

    [Fact]
    public void Options_Defaults_CloseOversizedMessagesWith1009()
    {
        var options = new MeetStreamBridgeOptions();

        Assert.Equal(OversizedMessageAction.Close, options.Audio.OversizedMessageAction);
        Assert.Equal(OversizedMessageAction.Close, options.Control.OversizedMessageAction);
        Assert.Equal(OversizedMessageAction.Close, options.Video.OversizedMessageAction);
    }

    [Fact]
    public void Validate_NoTokenAndNotAnonymous_FailsNamingAccessTokens()
    {
        using var provider = Services(_ => { }).BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MeetStreamBridgeOptions>>().Value);

        Assert.Contains("AccessTokens", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ShortToken_FailsWithoutShowingIt()
    {
        using var provider = Services(o => o.AccessTokens.Add("short-secret")).BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MeetStreamBridgeOptions>>().Value);

        Assert.Contains("AccessTokens[0] must be at least 16 characters", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("short-secret", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddMeetStreamBridge_Configuration_BindsEverySetting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bridge:AccessTokens:0"] = Token,
            ["Bridge:AccessToken"] = "single-token-0123456789abc",
            ["Bridge:PublicBaseUrl"] = "https://bridge.example.com",
            ["Bridge:EnableVideo"] = "false",
            ["Bridge:KeepAliveInterval"] = "15",
            ["Bridge:MaxMessageBytes"] = "65536",
            ["Bridge:MaxVideoMessageBytes"] = "1048576",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddMeetStreamBridge(configuration.GetSection("Bridge")).AddHandler((_, _) => Task.CompletedTask);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<MeetStreamBridgeOptions>>().Value;

        Assert.Equal(["single-token-0123456789abc", Token], options.AccessTokens);
        Assert.Equal("https://bridge.example.com", options.PublicBaseUrl);
        Assert.False(options.EnableVideo);
        Assert.Equal(TimeSpan.FromSeconds(15), options.KeepAliveInterval);
        Assert.Equal(65536, options.Audio.MaxMessageBytes);
        Assert.Equal(65536, options.Control.MaxMessageBytes);
        Assert.Equal(1048576, options.Video.MaxMessageBytes);
        Assert.NotNull(options.Audio.Logger);
    }

    [Fact]
    public void MapMeetStreamBridge_NoHandler_ThrowsSayingHowToAddOne()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddMeetStreamBridge(o => o.AccessTokens.Add(Token));
        using var app = builder.Build();

        var ex = Assert.Throws<InvalidOperationException>(() => app.MapMeetStreamBridge());

        Assert.Contains("AddHandler", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MapMeetStreamBridge_WithoutAddMeetStreamBridge_Throws()
    {
        using var app = WebApplication.CreateSlimBuilder().Build();

        var ex = Assert.Throws<InvalidOperationException>(() => app.MapMeetStreamBridge());

        Assert.Contains("AddMeetStreamBridge", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/{botId}/bridge")]
    public void MapMeetStreamBridge_PatternNotALiteralPath_Throws(string pattern)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddMeetStreamBridge(o => o.AccessTokens.Add(Token)).AddHandler((_, _) => Task.CompletedTask);
        using var app = builder.Build();

        var ex = Assert.Throws<ArgumentException>(() => app.MapMeetStreamBridge(pattern));

        Assert.Equal("pattern", ex.ParamName);
    }

    private static IServiceCollection Services(Action<MeetStreamBridgeOptions> configure)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddMeetStreamBridge(configure).AddHandler((_, _) => Task.CompletedTask);
        return services;
    }
}
