using MeetStream.Client.Testing.Tests.Infrastructure;

namespace MeetStream.Client.Testing.Tests.Rest;

/// <summary>Every bot read and action answered by the simulator parses into the SDK's models with every documented field present.</summary>
public sealed class BotResponseShapeTests : IAsyncLifetime
{
    private MeetStreamSimulator _sim = null!;
    private MeetStreamClient _client = null!;
    private string _botId = null!;

    public async ValueTask InitializeAsync()
    {
        _sim = await Simulators.StartManualAsync();
        _client = Simulators.Client(_sim);
        var request = new CreateBotRequest
        {
            MeetingLink = Simulators.MeetLink,
            BotName = "Shape Bot",
            BotMessage = "Hello, I am taking notes.",
            BotImageUrl = "https://example.com/bot.png",
            VideoRequired = true,
            AudioSeparateStreams = true,
            VideoSeparateStreams = true,
            WorkflowConfigIds = ["wf_summary"],
            CustomAttributes = new Dictionary<string, string> { ["team"] = "sales" },
            RecordingConfig = new RecordingConfig
            {
                Transcript = new TranscriptConfig { Provider = TranscriptionProvider.ForDeepgram() },
                Retention = RetentionConfig.Timed(48),
            },
        };
        var created = await _client.Bots.CreateAsync(request, cancellationToken: TestContext.Current.CancellationToken);
        _botId = created.BotId!;
        await _sim.RunUntilAsync(_botId, BotStatus.Done, cancellationToken: TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _sim.DisposeAsync();
    }

    [Fact]
    public async Task GetStatus_DoneBot_HasEveryField()
    {
        var status = await _client.Bots.GetStatusAsync(_botId, TestContext.Current.CancellationToken);

        ModelAssert.Complete(status);
        Assert.Equal(BotStatus.Done, status.Status);
        Assert.Equal("sales", status.CustomAttributes!["team"]);
    }

    [Fact]
    public async Task GetDetails_DoneBot_HasEveryDocumentedField()
    {
        var details = await _client.Bots.GetDetailsAsync(_botId, TestContext.Current.CancellationToken);

        ModelAssert.Complete(details, skip: ["RequestPayload"]);
        Assert.Equal(_botId, details.BotId);
        Assert.Equal(MeetingPlatform.GoogleMeet, details.Platform);
        Assert.Equal(Simulators.MeetLink, details.MeetingLink);
        Assert.Equal("Shape Bot", details.BotUsername);
        foreach (var stage in new[] { "Joining", "InMeeting", "Recording", "Leaving", "Stopped", "AudioProcessing", "TranscriptionReady", "VideoProcessing", "Done" })
        {
            Assert.True(details.StatusTimeline!.ContainsKey(stage), $"StatusTimeline lacks {stage}");
            Assert.True(details.StatusTimeline[stage].Status);
        }

        Assert.Equal("Shape Bot", details.RequestPayload!.Value.GetProperty("bot_name").GetString());
    }

    [Fact]
    public async Task GetSummary_BotWithWorkflow_HasSummaryAndDetails()
    {
        var summary = await _client.Bots.GetSummaryAsync(_botId, TestContext.Current.CancellationToken);

        ModelAssert.Complete(summary, skip: ["RequestPayload"]);
        Assert.Contains("Alice Example", summary.Summary!.Value.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAudioAndVideo_DoneBot_HaveUrlsAndVideoInfo()
    {
        var ct = TestContext.Current.CancellationToken;
        var audio = await _client.Bots.GetAudioAsync(_botId, ct);
        var video = await _client.Bots.GetVideoAsync(_botId, ct);

        ModelAssert.Complete(audio);
        ModelAssert.Complete(video);
        Assert.StartsWith(_sim.ServerAddress.ToString(), audio.AudioUrl, StringComparison.Ordinal);
        Assert.Equal("1280x720", video.VideoInfo!.Resolution);
        Assert.True(video.VideoInfo.Duration > 0);
    }

    [Fact]
    public async Task GetAudioAndRecordingStreams_SeparateStreams_HaveParticipantsAndSegments()
    {
        var ct = TestContext.Current.CancellationToken;
        var audio = await _client.Bots.GetAudioStreamsAsync(_botId, ct);
        var video = await _client.Bots.GetRecordingStreamsAsync(_botId, ct);

        ModelAssert.Complete(audio);
        ModelAssert.Complete(video);
        Assert.Equal(["Alice Example", "Bob Example"], audio.Participants!.Select(p => p.ParticipantName));
        Assert.Equal("opus", audio.Participants![0].Streams![0].Segments![0].Codec);
        Assert.Equal(48000, audio.Participants![0].Streams![0].Segments![0].SampleRate);
        Assert.Equal("vp8", video.Participants![0].Streams![0].Segments![0].Codec);
        Assert.Equal(1, video.Summary!.TotalScreenshares);
    }

    [Fact]
    public async Task GetSpeakerTimelineChatsScreenshotsParticipants_DoneBot_HaveEveryField()
    {
        var ct = TestContext.Current.CancellationToken;
        var timeline = await _client.Bots.GetSpeakerTimelineAsync(_botId, ct);
        var chats = await _client.Bots.GetChatsAsync(_botId, ct);
        var screenshots = await _client.Bots.GetScreenshotsAsync(_botId, ct);
        var participants = await _client.Bots.GetParticipantsAsync(_botId, ct);

        ModelAssert.Complete(timeline);
        ModelAssert.Complete(chats);
        ModelAssert.Complete(screenshots);
        foreach (var participant in participants)
        {
            ModelAssert.Complete(participant, mayBeNull: ["parentDeviceId"]);
        }

        Assert.Equal(5, timeline.Chunks!.Count);
        Assert.True(timeline.Chunks[1].StartByte > timeline.Chunks[0].EndByte);
        Assert.Contains(chats.ChatMessages!, m => m.Text == "Hello, I am taking notes." && m.SpeakerName == "Shape Bot");
        Assert.Equal(["Shape Bot", "Alice Example", "Bob Example"], participants.Select(p => p.DisplayName));
        Assert.All(participants, p => Assert.Equal("left", p.HumanizedStatus));
        Assert.True(screenshots.ScreenshotsCount >= 1);
    }

    [Fact]
    public async Task ListPage_OneBot_HasEveryFieldAndNoNextPage()
    {
        var page = await _client.Bots.ListPageAsync(cancellationToken: TestContext.Current.CancellationToken);

        ModelAssert.Complete(page, mayBeNull: ["nextCursor"]);
        var item = Assert.Single(page.Bots);
        Assert.Equal(_botId, item.BotId);
        Assert.False(page.HasNextPage);
    }

    [Fact]
    public async Task DeleteData_DoneBot_CountsObjectsAndMediaIsGone()
    {
        var ct = TestContext.Current.CancellationToken;
        var result = await _client.Bots.DeleteDataAsync(_botId, ct);

        ModelAssert.Complete(result);
        Assert.True(result.DeletedObjects > 0);
        await Assert.ThrowsAsync<MeetStreamNotFoundException>(() => _client.Bots.GetAudioAsync(_botId, ct));
        Assert.Equal(BotStatus.MediaExpired, (await _client.Bots.GetStatusAsync(_botId, ct)).Status);
    }
}
