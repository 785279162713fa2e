using System.Text.Json.Nodes;
using MeetStream.Client.Tests.Infrastructure;

namespace MeetStream.Client.Tests.Calendar;

public sealed class CalendarAutoScheduleTests(WireMockServer wireMock)
{
    private static JsonNode Settings(bool enabled, string? message = null)
    {
        var node = JsonNode.Parse("""
            {
              "auto_schedule_enabled": true,
              "default_bot_config": {
                "bot_name": "MeetStream Auto Bot", "audio_required": true, "video_required": false,
                "bot_message": "Auto-joined to take notes", "bot_image_url": "https://cdn.acme.com/bot.png",
                "automatic_leave": { "no_one_joined_timeout": 600, "everyone_left_timeout": 600 },
                "callback_url": "https://hooks.acme.com/auto",
                "transcription": { "deepgram": { "model": "nova-3", "language": "en" } }
              },
              "last_run_at": "2026-09-01T00:00:03Z"
            }
            """)!;
        node["auto_schedule_enabled"] = enabled;
        if (message is not null)
        {
            node["message"] = message;
        }

        return node;
    }

    [Fact]
    public async Task EnableAutoScheduleAsync_FullDefaultConfig_PostsEveryFieldAndParsesSettings()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", "/calendar/auto-schedule/enable", 200, Settings(true, "Auto-scheduling enabled"));
        using var client = TestClients.Create(scope);

        var result = await client.Calendar.EnableAutoScheduleAsync(
            new AutoScheduleBotConfig
            {
                BotName = "MeetStream Auto Bot",
                AudioRequired = true,
                VideoRequired = false,
                BotMessage = "Auto-joined to take notes",
                BotImageUrl = "https://cdn.acme.com/bot.png",
                AutomaticLeave = new AutomaticLeaveConfig { NoOneJoinedTimeout = 600, EveryoneLeftTimeout = 600 },
                CallbackUrl = "https://hooks.acme.com/auto",
                Transcription = TranscriptionProvider.ForDeepgram(new DeepgramTranscription { Model = "nova-3", Language = "en" }),
            },
            TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("POST", received.Method);
        Assert.Equal("/calendar/auto-schedule/enable", received.Url);
        var body = received.Json!.AsObject();
        Assert.Single(body);
        var config = body["default_bot_config"]!.AsObject();
        Assert.Equal(8, config.Count);
        Assert.Equal("MeetStream Auto Bot", config["bot_name"]!.GetValue<string>());
        Assert.True(config["audio_required"]!.GetValue<bool>());
        Assert.False(config["video_required"]!.GetValue<bool>());
        Assert.Equal("Auto-joined to take notes", config["bot_message"]!.GetValue<string>());
        Assert.Equal("https://cdn.acme.com/bot.png", config["bot_image_url"]!.GetValue<string>());
        Assert.Equal(600, config["automatic_leave"]!["no_one_joined_timeout"]!.GetValue<int>());
        Assert.Equal(600, config["automatic_leave"]!["everyone_left_timeout"]!.GetValue<int>());
        Assert.Equal("https://hooks.acme.com/auto", config["callback_url"]!.GetValue<string>());
        Assert.Equal("nova-3", config["transcription"]!["deepgram"]!["model"]!.GetValue<string>());
        Assert.Equal("en", config["transcription"]!["deepgram"]!["language"]!.GetValue<string>());

        Assert.Equal("Auto-scheduling enabled", result.Message);
        Assert.True(result.AutoScheduleEnabled);
        Assert.Equal("MeetStream Auto Bot", result.DefaultBotConfig!.BotName);
        Assert.Equal("2026-09-01T00:00:03Z", result.AdditionalProperties!["last_run_at"].GetString());
    }

    [Fact]
    public async Task EnableAutoScheduleAsync_NullConfig_ThrowsBeforeSending()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<ArgumentNullException>(() => client.Calendar.EnableAutoScheduleAsync(null!, TestContext.Current.CancellationToken));

        Assert.Equal("defaultBotConfig", error.ParamName);
        Assert.Empty(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task DisableAutoScheduleAsync_PostsEmptyObjectAndParsesAnswer()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", "/calendar/auto-schedule/disable", 200, JsonNode.Parse("""{"message":"Auto-scheduling disabled","auto_schedule_enabled":false}"""));
        using var client = TestClients.Create(scope);

        var result = await client.Calendar.DisableAutoScheduleAsync(TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("POST", received.Method);
        Assert.Equal("/calendar/auto-schedule/disable", received.Url);
        Assert.Equal("{}", received.Body);
        Assert.Equal("Auto-scheduling disabled", result.Message);
        Assert.False(result.AutoScheduleEnabled);
    }

    [Fact]
    public async Task DisableAutoScheduleAsync_EmptyResponse_ReturnsEmptySettings()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", "/calendar/auto-schedule/disable", 204);
        using var client = TestClients.Create(scope);

        var result = await client.Calendar.DisableAutoScheduleAsync(TestContext.Current.CancellationToken);

        Assert.Null(result.AutoScheduleEnabled);
    }

    [Fact]
    public async Task GetAutoScheduleSettingsAsync_Enabled_ParsesEveryField()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/calendar/auto-schedule/settings", 200, Settings(true));
        using var client = TestClients.Create(scope);

        var result = await client.Calendar.GetAutoScheduleSettingsAsync(TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("GET", received.Method);
        Assert.Equal("/calendar/auto-schedule/settings", received.Url);
        Assert.True(result.AutoScheduleEnabled);
        Assert.Null(result.Message);
        var config = result.DefaultBotConfig!;
        Assert.Equal("MeetStream Auto Bot", config.BotName);
        Assert.True(config.AudioRequired);
        Assert.False(config.VideoRequired);
        Assert.Equal("Auto-joined to take notes", config.BotMessage);
        Assert.Equal("https://cdn.acme.com/bot.png", config.BotImageUrl);
        Assert.Equal(600, config.AutomaticLeave!.NoOneJoinedTimeout);
        Assert.Equal(600, config.AutomaticLeave.EveryoneLeftTimeout);
        Assert.Equal("https://hooks.acme.com/auto", config.CallbackUrl);
        Assert.Equal("nova-3", config.Transcription!.Deepgram!.Model);
        Assert.Equal("deepgram", config.Transcription.Name);
    }
}
