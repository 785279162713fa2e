using System.Text.Json.Nodes;
using MeetStream.Client.Tests.Infrastructure;

namespace MeetStream.Client.Tests.Transcripts;

public sealed class TranscriptsWaitTests(WireMockServer wireMock)
{
    private static readonly JsonObject Pending = new() { ["message"] = "Transcript is still being processed. Current status: Processing" };

    [Fact]
    public async Task WaitForTranscriptAsync_TwoNotReadyThenReady_ReturnsTranscriptAfterTwoPauses()
    {
        var scope = wireMock.CreateScope();
        await scope.StubSequenceAsync(
            "GET",
            "/transcript/tr_w/get_transcript",
            (202, Pending, null),
            (202, Pending, null),
            (200, TranscriptFixtures.ProcessedSegments(), null));
        var time = new FakeTimeProvider { AutoAdvance = true };
        using var client = CreateClient(scope, time);

        var transcript = await client.Transcripts.WaitForTranscriptAsync(
            "tr_w",
            new MeetStreamWaitOptions { Interval = TimeSpan.FromSeconds(7), Timeout = TimeSpan.FromMinutes(2) },
            TestContext.Current.CancellationToken);

        Assert.Equal(3, transcript.Segments.Count);
        var received = await scope.ReceivedAsync();
        Assert.Equal(3, received.Count);
        Assert.All(received, r => Assert.Equal("/transcript/tr_w/get_transcript?raw=false", r.Url));
        Assert.Equal(new[] { TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7) }, time.RequestedDelays);
    }

    [Fact]
    public async Task WaitForTranscriptAsync_AlwaysNotReady_TimesOutNamingStreamingProviders()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/transcript/tr_stream/get_transcript", 202, Pending);
        var time = new FakeTimeProvider { AutoAdvance = true };
        using var client = CreateClient(scope, time);

        var ex = await Assert.ThrowsAsync<MeetStreamTimeoutException>(() => client.Transcripts.WaitForTranscriptAsync(
            "tr_stream",
            new MeetStreamWaitOptions { Interval = TimeSpan.FromSeconds(5), Timeout = TimeSpan.FromSeconds(30) },
            TestContext.Current.CancellationToken));

        Assert.Contains("transcript 'tr_stream'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("streaming-only", ex.Message, StringComparison.Ordinal);
        Assert.Contains("_streaming", ex.Message, StringComparison.Ordinal);
        Assert.Contains("meeting_captions", ex.Message, StringComparison.Ordinal);
        Assert.Contains("live transcription webhook", ex.Message, StringComparison.Ordinal);
        Assert.Contains("TranscribeAsync", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Current status: Processing", ex.Message, StringComparison.Ordinal);
        Assert.IsType<MeetStreamNotReadyException>(ex.InnerException);
        Assert.Equal(7, (await scope.ReceivedAsync()).Count);
        Assert.True(time.GetUtcNow() - new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero) <= TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task WaitForTranscriptAsync_ErrorOtherThan202_StopsAtOnce()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/transcript/tr_missing/get_transcript", 404, new JsonObject { ["message"] = "Transcript not found" });
        var time = new FakeTimeProvider { AutoAdvance = true };
        using var client = CreateClient(scope, time);

        await Assert.ThrowsAsync<MeetStreamNotFoundException>(() => client.Transcripts.WaitForTranscriptAsync("tr_missing", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Single(await scope.ReceivedAsync());
        Assert.Empty(time.RequestedDelays);
    }

    [Fact]
    public async Task WaitForTranscriptAsync_EmptyId_ThrowsBeforePolling()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Transcripts.WaitForTranscriptAsync("", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("transcriptId", ex.ParamName);
        Assert.Empty(await scope.ReceivedAsync());
    }

    private static MeetStreamClient CreateClient(WireMockScope scope, FakeTimeProvider time) =>
        TestClients.Create(scope, o =>
        {
            o.TimeProvider = time;

            // Polly's timeouts would run on the auto-advancing clock and fire at once; the waits are what is tested.
            o.AttemptTimeout = Timeout.InfiniteTimeSpan;
            o.TotalTimeout = Timeout.InfiniteTimeSpan;
        });
}
