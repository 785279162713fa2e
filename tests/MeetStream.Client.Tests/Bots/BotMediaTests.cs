using System.Text.Json.Nodes;
using MeetStream.Client.Tests.Infrastructure;

namespace MeetStream.Client.Tests.Bots;

public sealed class BotMediaTests(WireMockServer wireMock)
{
    private const string Id = BotSamples.BotId;

    private static async Task AssertSingleGetAsync(WireMockScope scope, string url)
    {
        var received = await scope.SingleReceivedAsync();
        Assert.Equal("GET", received.Method);
        Assert.Equal(url, received.Url);
        Assert.Equal("Token " + TestClients.ApiKey, received.Headers["Authorization"]);
    }

    [Fact]
    public async Task GetAudioAsync_Ready_ReturnsThePresignedUrl()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", $"/bots/{Id}/get_audio", 200, new JsonObject { ["audio_url"] = "https://s3.example.com/audio.wav?X-Amz-Expires=3600" });
        using var client = TestClients.Create(scope);

        var audio = await client.Bots.GetAudioAsync(Id, TestContext.Current.CancellationToken);

        await AssertSingleGetAsync(scope, $"/bots/{Id}/get_audio");
        Assert.Equal("https://s3.example.com/audio.wav?X-Amz-Expires=3600", audio.AudioUrl);
    }

    [Fact]
    public async Task GetAudioAsync_202_ThrowsNotReadyWithMeetStreamMessage()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", $"/bots/{Id}/get_audio", 202, new JsonObject { ["message"] = "Audio is being processed" });
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<MeetStreamNotReadyException>(() => client.Bots.GetAudioAsync(Id, TestContext.Current.CancellationToken));

        Assert.Equal("Audio is being processed", ex.ApiMessage);
        Assert.Single(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task GetVideoAsync_Ready_ParsesUrlAndVideoInfo()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", $"/bots/{Id}/get_video", 200, new JsonObject
        {
            ["video_url"] = "https://s3.example.com/video.mp4?X-Amz-Expires=600",
            ["video_info"] = new JsonObject { ["duration"] = 2683.4, ["size_mb"] = 812.25, ["resolution"] = "1920x1080", ["fps"] = 25, ["frames_processed"] = 67085, ["corrupted_frames"] = 0 },
        });
        using var client = TestClients.Create(scope);

        var video = await client.Bots.GetVideoAsync(Id, TestContext.Current.CancellationToken);

        await AssertSingleGetAsync(scope, $"/bots/{Id}/get_video");
        Assert.Equal("https://s3.example.com/video.mp4?X-Amz-Expires=600", video.VideoUrl);
        Assert.Equal(2683.4, video.VideoInfo!.Duration);
        Assert.Equal(812.25, video.VideoInfo.SizeMb);
        Assert.Equal("1920x1080", video.VideoInfo.Resolution);
        Assert.Equal(25, video.VideoInfo.Fps);
        Assert.Equal(67085, video.VideoInfo.FramesProcessed);
        Assert.Equal(0, video.VideoInfo.CorruptedFrames);
    }

    [Fact]
    public async Task GetVideoAsync_202_ThrowsNotReady()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", $"/bots/{Id}/get_video", 202, new JsonObject { ["message"] = "Video is being processed" });
        using var client = TestClients.Create(scope);

        await Assert.ThrowsAsync<MeetStreamNotReadyException>(() => client.Bots.GetVideoAsync(Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GetAudioStreamsAsync_Ready_ParsesParticipantsStreamsAndSegments()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", $"/bots/{Id}/get_audio_streams", 200, BotSamples.AudioStreams());
        using var client = TestClients.Create(scope);

        var streams = await client.Bots.GetAudioStreamsAsync(Id, TestContext.Current.CancellationToken);

        await AssertSingleGetAsync(scope, $"/bots/{Id}/get_audio_streams");
        Assert.Equal(Id, streams.BotId);
        Assert.Equal("Success", streams.AudioStatus);
        Assert.True(streams.AudioStreamsAvailable);
        Assert.Equal("Audio streams retrieved successfully", streams.Message);
        Assert.Equal(1, streams.Summary!.TotalParticipants);
        Assert.Equal(2, streams.Summary.TotalSegments);
        var participant = Assert.Single(streams.Participants!);
        Assert.Equal("Ada Lovelace", participant.ParticipantName);
        var stream = Assert.Single(participant.Streams!);
        Assert.Equal("spaces/abc/devices/290", stream.StreamId);
        Assert.Equal(2, stream.Segments!.Count);
        var segment = stream.Segments[0];
        Assert.Equal(0, segment.SegmentIndex);
        Assert.Equal("https://s3.example.com/a0.webm?sig=1", segment.Url);
        Assert.Equal("ada_0.webm", segment.FileName);
        Assert.Equal(612.48, segment.DurationSeconds);
        Assert.Equal(48000, segment.SampleRate);
        Assert.Equal(1, segment.Channels);
        Assert.Equal("opus", segment.Codec);
        Assert.Equal(1, stream.Segments[1].SegmentIndex);
    }

    [Fact]
    public async Task GetAudioStreamsAsync_202InProgress_ThrowsNotReadyWithTheBody()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", $"/bots/{Id}/get_audio_streams", 202, new JsonObject { ["audio_status"] = "in_progress", ["message"] = "Bot is still in the meeting" });
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<MeetStreamNotReadyException>(() => client.Bots.GetAudioStreamsAsync(Id, TestContext.Current.CancellationToken));

        Assert.Equal("Bot is still in the meeting", ex.ApiMessage);
        Assert.Contains("in_progress", ex.ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetRecordingStreamsAsync_Ready_ParsesParticipantsAndScreenshares()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", $"/bots/{Id}/get_recording_streams", 200, BotSamples.RecordingStreams());
        using var client = TestClients.Create(scope);

        var streams = await client.Bots.GetRecordingStreamsAsync(Id, TestContext.Current.CancellationToken);

        await AssertSingleGetAsync(scope, $"/bots/{Id}/get_recording_streams");
        Assert.Equal(Id, streams.BotId);
        Assert.Equal("Success", streams.VideoStatus);
        Assert.True(streams.RecordingStreamsAvailable);
        Assert.Equal(1, streams.Summary!.TotalParticipants);
        Assert.Equal(1, streams.Summary.TotalScreenshares);
        Assert.Equal(2, streams.Summary.TotalSegments);
        var camera = Assert.Single(Assert.Single(streams.Participants!).Streams!);
        Assert.Equal("cam-290", camera.StreamId);
        var segment = Assert.Single(camera.Segments!);
        Assert.Equal(0, segment.SegmentIndex);
        Assert.Equal("https://s3.example.com/v0.webm?sig=1", segment.Url);
        Assert.Equal("ada_cam_0.webm", segment.FileName);
        Assert.Equal(601.2, segment.DurationSeconds);
        Assert.Equal(1280, segment.Width);
        Assert.Equal(720, segment.Height);
        Assert.Equal("vp8", segment.Codec);
        var share = Assert.Single(streams.Screenshares!);
        Assert.Equal("Ada Lovelace (presentation)", share.ParticipantName);
        Assert.Equal(1920, Assert.Single(Assert.Single(share.Streams!).Segments!).Width);
    }

    [Fact]
    public async Task GetRecordingStreamsAsync_202WithStage_ThrowsNotReady()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", $"/bots/{Id}/get_recording_streams", 202, new JsonObject { ["video_status"] = "in_progress", ["stage"] = "encoding", ["message"] = "Processing" });
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<MeetStreamNotReadyException>(() => client.Bots.GetRecordingStreamsAsync(Id, TestContext.Current.CancellationToken));

        Assert.Contains("\"stage\":\"encoding\"", ex.ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAudioAsync_WriteOnlyStorage403_ThrowsPermissionDenied()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", $"/bots/{Id}/get_audio", 403, new JsonObject { ["message"] = "Storage is write_only" });
        using var client = TestClients.Create(scope);

        await Assert.ThrowsAsync<MeetStreamPermissionDeniedException>(() => client.Bots.GetAudioAsync(Id, TestContext.Current.CancellationToken));
    }
}
