using System.Text.Json.Nodes;
using MeetStream.Client.Tests.Infrastructure;

namespace MeetStream.Client.Tests.Bots;

public sealed class BotWaitTests(WireMockServer wireMock)
{
    private const string Id = BotSamples.BotId;
    private static readonly JsonObject Processing = new() { ["message"] = "Audio is being processed" };

    private static MeetStreamClient FakeClockClient(WireMockScope scope, FakeTimeProvider clock) => TestClients.Create(scope, o =>
    {
        o.TimeProvider = clock;
        o.AttemptTimeout = Timeout.InfiniteTimeSpan;
        o.TotalTimeout = Timeout.InfiniteTimeSpan;
    });

    [Fact]
    public async Task WaitForAudioAsync_202Twice_PollsOnTheClientClockUntilReady()
    {
        var scope = wireMock.CreateScope();
        await scope.StubSequenceAsync("GET", $"/bots/{Id}/get_audio", (202, Processing, null), (202, Processing, null), (200, new JsonObject { ["audio_url"] = "https://s3.example.com/audio.wav" }, null));
        var clock = new FakeTimeProvider { AutoAdvance = true };
        using var client = FakeClockClient(scope, clock);

        var audio = await client.Bots.WaitForAudioAsync(Id, new MeetStreamWaitOptions { Interval = TimeSpan.FromSeconds(5), Timeout = TimeSpan.FromMinutes(1) }, TestContext.Current.CancellationToken);

        Assert.Equal("https://s3.example.com/audio.wav", audio.AudioUrl);
        var received = await scope.ReceivedAsync();
        Assert.Equal(3, received.Count);
        Assert.All(received, r => Assert.Equal($"/bots/{Id}/get_audio", r.Url));
        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)], clock.RequestedDelays);
    }

    [Fact]
    public async Task WaitForAudioAsync_NeverReady_ThrowsTimeoutAfterTheBoundedPolls()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", $"/bots/{Id}/get_audio", 202, Processing);
        var clock = new FakeTimeProvider { AutoAdvance = true };
        using var client = FakeClockClient(scope, clock);

        var ex = await Assert.ThrowsAsync<MeetStreamTimeoutException>(() =>
            client.Bots.WaitForAudioAsync(Id, new MeetStreamWaitOptions { Interval = TimeSpan.FromSeconds(5), Timeout = TimeSpan.FromSeconds(12) }, TestContext.Current.CancellationToken));

        Assert.Equal(3, (await scope.ReceivedAsync()).Count);
        Assert.Equal(TimeSpan.FromSeconds(12), ex.Timeout);
        Assert.IsType<MeetStreamNotReadyException>(ex.InnerException);
        Assert.Contains($"the audio of bot '{Id}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("audio.processed", ex.Message, StringComparison.Ordinal);
        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)], clock.RequestedDelays);
    }

    [Fact]
    public async Task WaitForAudioAsync_404_ThrowsAtOnceWithoutPolling()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", $"/bots/{Id}/get_audio", 404, new JsonObject { ["message"] = "Bot not found" });
        var clock = new FakeTimeProvider { AutoAdvance = true };
        using var client = FakeClockClient(scope, clock);

        await Assert.ThrowsAsync<MeetStreamNotFoundException>(() => client.Bots.WaitForAudioAsync(Id, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Single(await scope.ReceivedAsync());
        Assert.Empty(clock.RequestedDelays);
    }

    [Fact]
    public async Task WaitForVideoAsync_202Twice_ReturnsTheVideo()
    {
        var scope = wireMock.CreateScope();
        var ready = new JsonObject { ["video_url"] = "https://s3.example.com/video.mp4", ["video_info"] = new JsonObject { ["duration"] = 60, ["fps"] = 25 } };
        await scope.StubSequenceAsync("GET", $"/bots/{Id}/get_video", (202, Processing, null), (202, Processing, null), (200, ready, null));
        var clock = new FakeTimeProvider { AutoAdvance = true };
        using var client = FakeClockClient(scope, clock);

        var video = await client.Bots.WaitForVideoAsync(Id, new MeetStreamWaitOptions { Interval = TimeSpan.FromSeconds(10) }, TestContext.Current.CancellationToken);

        Assert.Equal("https://s3.example.com/video.mp4", video.VideoUrl);
        Assert.Equal(60, video.VideoInfo!.Duration);
        Assert.Equal(3, (await scope.ReceivedAsync()).Count);
        Assert.Equal([TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10)], clock.RequestedDelays);
    }

    [Fact]
    public async Task WaitForVideoAsync_NeverReady_ThrowsTimeoutWithVideoHint()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", $"/bots/{Id}/get_video", 202, new JsonObject { ["message"] = "Video is being processed" });
        var clock = new FakeTimeProvider { AutoAdvance = true };
        using var client = FakeClockClient(scope, clock);

        var ex = await Assert.ThrowsAsync<MeetStreamTimeoutException>(() =>
            client.Bots.WaitForVideoAsync(Id, new MeetStreamWaitOptions { Interval = TimeSpan.FromSeconds(30), Timeout = TimeSpan.FromSeconds(30) }, TestContext.Current.CancellationToken));

        Assert.Contains("video_required", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Video is being processed", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await scope.ReceivedAsync()).Count);
    }

    [Fact]
    public async Task WaitForAudioStreamsAsync_202ThenReady_ReturnsTheStreams()
    {
        var scope = wireMock.CreateScope();
        await scope.StubSequenceAsync("GET", $"/bots/{Id}/get_audio_streams", (202, new JsonObject { ["audio_status"] = "in_progress" }, null), (200, BotSamples.AudioStreams(), null));
        var clock = new FakeTimeProvider { AutoAdvance = true };
        using var client = FakeClockClient(scope, clock);

        var streams = await client.Bots.WaitForAudioStreamsAsync(Id, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(streams.AudioStreamsAvailable);
        Assert.Equal(2, (await scope.ReceivedAsync()).Count);
        Assert.Equal([TimeSpan.FromSeconds(5)], clock.RequestedDelays);
    }

    [Fact]
    public async Task WaitForRecordingStreamsAsync_202ThenReady_ReturnsTheStreams()
    {
        var scope = wireMock.CreateScope();
        await scope.StubSequenceAsync("GET", $"/bots/{Id}/get_recording_streams", (202, new JsonObject { ["stage"] = "encoding" }, null), (200, BotSamples.RecordingStreams(), null));
        var clock = new FakeTimeProvider { AutoAdvance = true };
        using var client = FakeClockClient(scope, clock);

        var streams = await client.Bots.WaitForRecordingStreamsAsync(Id, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(streams.RecordingStreamsAvailable);
        Assert.Equal(2, (await scope.ReceivedAsync()).Count);
    }

    [Fact]
    public async Task WaitForAudioAsync_NonPositiveInterval_ThrowsBeforeSending()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            client.Bots.WaitForAudioAsync(Id, new MeetStreamWaitOptions { Interval = TimeSpan.Zero }, TestContext.Current.CancellationToken));

        Assert.Empty(await scope.ReceivedAsync());
    }
}
