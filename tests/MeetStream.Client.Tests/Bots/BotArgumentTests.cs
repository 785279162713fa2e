using MeetStream.Client.Tests.Infrastructure;

namespace MeetStream.Client.Tests.Bots;

public sealed class BotArgumentTests(WireMockServer wireMock)
{
    private static readonly Dictionary<string, Func<IBotsClient, string, CancellationToken, Task>> ById = new()
    {
        ["GetStatusAsync"] = (c, id, ct) => c.GetStatusAsync(id, ct),
        ["GetDetailsAsync"] = (c, id, ct) => c.GetDetailsAsync(id, ct),
        ["GetSummaryAsync"] = (c, id, ct) => c.GetSummaryAsync(id, ct),
        ["GetAudioAsync"] = (c, id, ct) => c.GetAudioAsync(id, ct),
        ["GetVideoAsync"] = (c, id, ct) => c.GetVideoAsync(id, ct),
        ["GetAudioStreamsAsync"] = (c, id, ct) => c.GetAudioStreamsAsync(id, ct),
        ["GetRecordingStreamsAsync"] = (c, id, ct) => c.GetRecordingStreamsAsync(id, ct),
        ["GetSpeakerTimelineAsync"] = (c, id, ct) => c.GetSpeakerTimelineAsync(id, ct),
        ["GetChatsAsync"] = (c, id, ct) => c.GetChatsAsync(id, ct),
        ["GetScreenshotsAsync"] = (c, id, ct) => c.GetScreenshotsAsync(id, ct),
        ["GetParticipantsAsync"] = (c, id, ct) => c.GetParticipantsAsync(id, ct),
        ["RemoveFromMeetingAsync"] = (c, id, ct) => c.RemoveFromMeetingAsync(id, ct),
        ["DeleteDataAsync"] = (c, id, ct) => c.DeleteDataAsync(id, ct),
        ["PauseRecordingAsync"] = (c, id, ct) => c.PauseRecordingAsync(id, ct),
        ["ResumeRecordingAsync"] = (c, id, ct) => c.ResumeRecordingAsync(id, ct),
        ["SendMessageAsync"] = (c, id, ct) => c.SendMessageAsync(id, new SendMessageRequest { Message = "hi" }, ct),
        ["SendImageAsync"] = (c, id, ct) => c.SendImageAsync(id, new SendImageRequest { ImageUrl = "https://cdn.example.com/a.png" }, ct),
        ["UpdateAgentSessionAsync"] = (c, id, ct) => c.UpdateAgentSessionAsync(id, new UpdateAgentSessionRequest { SystemPrompt = "p" }, ct),
        ["WaitForAudioAsync"] = (c, id, ct) => c.WaitForAudioAsync(id, null, ct),
        ["WaitForVideoAsync"] = (c, id, ct) => c.WaitForVideoAsync(id, null, ct),
        ["WaitForAudioStreamsAsync"] = (c, id, ct) => c.WaitForAudioStreamsAsync(id, null, ct),
        ["WaitForRecordingStreamsAsync"] = (c, id, ct) => c.WaitForRecordingStreamsAsync(id, null, ct),
    };

    public static TheoryData<string, string?> BadIds()
    {
        var data = new TheoryData<string, string?>();
        foreach (var method in ById.Keys)
        {
            data.Add(method, null);
            data.Add(method, "");
            data.Add(method, "   ");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadIds))]
    public async Task Method_NullOrBlankBotId_ThrowsNamingBotIdWithoutSending(string method, string? botId)
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => ById[method](client.Bots, botId!, TestContext.Current.CancellationToken));

        Assert.Equal("botId", ex.ParamName);
        if (botId is null)
        {
            Assert.IsType<ArgumentNullException>(ex);
        }

        Assert.Empty(await scope.ReceivedAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(null)]
    public async Task SendMessageAsync_EmptyMessage_Throws(string? message)
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Bots.SendMessageAsync("b1", new SendMessageRequest { Message = message! }, TestContext.Current.CancellationToken));

        Assert.Equal("request", ex.ParamName);
        Assert.Contains("message", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task SendMessageAsync_NullRequest_ThrowsArgumentNull()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<ArgumentNullException>(() => client.Bots.SendMessageAsync("b1", null!, TestContext.Current.CancellationToken));

        Assert.Equal("request", ex.ParamName);
    }

    [Theory]
    [InlineData("data:image/png;base64,iVBORw0KGgo=", null)]
    [InlineData("/images/a.png", null)]
    [InlineData("", null)]
    [InlineData("https://cdn.example.com/a.png", 0)]
    [InlineData("https://cdn.example.com/a.png", -5)]
    public async Task SendImageAsync_InvalidImage_Throws(string url, int? duration)
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() =>
            client.Bots.SendImageAsync("b1", new SendImageRequest { ImageUrl = url, DisplayDuration = duration }, TestContext.Current.CancellationToken));

        Assert.Equal("request", ex.ParamName);
        Assert.Contains(duration is null ? "img_url" : "display_duration", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task UpdateAgentSessionAsync_NothingSet_Throws()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Bots.UpdateAgentSessionAsync("b1", new UpdateAgentSessionRequest(), TestContext.Current.CancellationToken));

        Assert.Contains("sets nothing", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task UpdateAgentSessionAsync_EmptyWakeWord_Throws()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() =>
            client.Bots.UpdateAgentSessionAsync("b1", new UpdateAgentSessionRequest { WakeWords = ["hey", ""] }, TestContext.Current.CancellationToken));

        Assert.Contains("wake_words", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IBotsClient_EveryBotIdMethod_IsCoveredByTheArgumentTests()
    {
        var methods = typeof(IBotsClient).GetMethods()
            .Where(m => m.GetParameters().FirstOrDefault()?.Name == "botId")
            .Select(m => m.Name)
            .ToHashSet();

        Assert.Equal(methods.Order(), ById.Keys.Order());
    }
}
