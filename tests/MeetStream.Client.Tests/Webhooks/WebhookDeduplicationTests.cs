using MeetStream.Client.Tests.Infrastructure;
using MeetStream.Client.Webhooks;

namespace MeetStream.Client.Tests.Webhooks;

public sealed class WebhookDeduplicationTests
{
    [Fact]
    public void DeduplicationKey_SameBodyTwice_IsEqual()
    {
        var first = WebhookParser.Parse(WebhookPayloads.Lifecycle("bot.recording", "Recording", "Bot started recording"));
        var second = WebhookParser.Parse(WebhookPayloads.Lifecycle("bot.recording", "Recording", "Bot started recording"));

        Assert.NotNull(first.DeduplicationKey);
        Assert.Equal(first.DeduplicationKey, second.DeduplicationKey);
    }

    [Fact]
    public void DeduplicationKey_SameTupleDifferentFieldOrderAndExtraFields_IsEqual()
    {
        var first = WebhookParser.Parse("""{"event":"bot.joining","bot_id":"b1","timestamp":"2026-06-18T17:00:01.500Z","message":"Bot is joining"}""");
        var second = WebhookParser.Parse("""{"timestamp":"2026-06-18T17:00:01.500Z","bot_id":"b1","message":"Joining (retry)","event":"bot.joining","status_code":200}""");

        Assert.Equal(first.DeduplicationKey, second.DeduplicationKey);
    }

    [Fact]
    public void DeduplicationKey_RepeatedJoiningWithNewTimestamp_IsDifferent()
    {
        var first = WebhookParser.Parse(WebhookPayloads.Lifecycle("bot.joining", "Joining", "Bot is joining the meeting", timestamp: "2026-06-18T17:00:01.500Z"));
        var retry = WebhookParser.Parse(WebhookPayloads.Lifecycle("bot.joining", "Joining", "Bot is joining the meeting", timestamp: "2026-06-18T17:00:31.500Z"));

        Assert.NotEqual(first.DeduplicationKey, retry.DeduplicationKey);
    }

    [Fact]
    public void DeduplicationKey_TerminalReasonsWithSameTimestamp_AreDifferent()
    {
        var kicked = WebhookParser.Parse(WebhookPayloads.Stopped("bot.kicked", "Stopped", 200, "x"));
        var stopped = WebhookParser.Parse(WebhookPayloads.Stopped("bot.stopped", "Stopped", 200, "x"));

        Assert.NotEqual(kicked.DeduplicationKey, stopped.DeduplicationKey);
    }

    [Fact]
    public void DeduplicationKey_OtherBot_IsDifferent()
    {
        var first = WebhookParser.Parse("""{"event":"bot.joining","bot_id":"b1","timestamp":"2026-06-18T17:00:01Z"}""");
        var second = WebhookParser.Parse("""{"event":"bot.joining","bot_id":"b2","timestamp":"2026-06-18T17:00:01Z"}""");

        Assert.NotEqual(first.DeduplicationKey, second.DeduplicationKey);
    }

    [Fact]
    public void DeduplicationKey_NoTimestamp_FallsBackToMessage()
    {
        var first = WebhookParser.Parse(WebhookPayloads.BotError);
        var same = WebhookParser.Parse(WebhookPayloads.BotError.Replace("\"bot_status\":\"InMeeting\",", string.Empty, StringComparison.Ordinal));
        var other = WebhookParser.Parse(WebhookPayloads.BotError.Replace("insufficient funds", "socket reconnected", StringComparison.Ordinal));

        Assert.Equal(first.DeduplicationKey, same.DeduplicationKey);
        Assert.NotEqual(first.DeduplicationKey, other.DeduplicationKey);
    }

    [Fact]
    public void DeduplicationKey_AmbiguousConcatenation_IsDifferent()
    {
        var first = WebhookParser.Parse("""{"event":"bot.joining","bot_id":"ab","timestamp":"c"}""");
        var second = WebhookParser.Parse("""{"event":"bot.joining","bot_id":"a","timestamp":"bc"}""");

        Assert.NotEqual(first.DeduplicationKey, second.DeduplicationKey);
    }

    [Fact]
    public void DeduplicationKey_LiveTranscriptChunksWithSameTimestamp_AreDifferentUnlessIdentical()
    {
        var chunk = WebhookPayloads.LiveTranscript;
        var next = chunk.Replace("\"new_text\":\"the engine\"", "\"new_text\":\"the engine room\"", StringComparison.Ordinal);

        Assert.NotEqual(WebhookParser.Parse(chunk).DeduplicationKey, WebhookParser.Parse(next).DeduplicationKey);
        Assert.Equal(WebhookParser.Parse(chunk).DeduplicationKey, WebhookParser.Parse(chunk).DeduplicationKey);
    }

    [Fact]
    public void DeduplicationKey_ParticipantEventsWithSameTimestamp_AreDifferentUnlessIdentical()
    {
        var leave = WebhookPayloads.ParticipantLeave;
        var otherParticipant = leave.Replace("devices/290", "devices/291", StringComparison.Ordinal);

        Assert.NotEqual(WebhookParser.Parse(leave).DeduplicationKey, WebhookParser.Parse(otherParticipant).DeduplicationKey);
        Assert.Equal(WebhookParser.Parse(leave).DeduplicationKey, WebhookParser.Parse(leave).DeduplicationKey);
    }

    [Fact]
    public void DeduplicationKey_KeylessLifecycleEvent_UsesTheBody()
    {
        var first = WebhookParser.Parse("""{"event":"bot.uploading","bot_id":"b1"}""");
        var other = WebhookParser.Parse("""{"event":"bot.uploading","bot_id":"b1","status_code":200}""");

        Assert.StartsWith("b1:", first.DeduplicationKey, StringComparison.Ordinal);
        Assert.NotEqual(first.DeduplicationKey, other.DeduplicationKey);
    }

    [Fact]
    public void DeduplicationKey_IsShortWhateverTheMessageLength()
    {
        var parsed = WebhookParser.Parse($$"""{"event":"bot.error","bot_id":"b1","message":"{{new string('x', 100_000)}}"}""");

        Assert.True(parsed.DeduplicationKey!.Length <= 40);
    }

    [Fact]
    public void TryClaim_SameKeyTwice_SecondIsDuplicate()
    {
        var store = new InMemoryWebhookDeduplicationStore();

        Assert.True(store.TryClaim("k"));
        Assert.False(store.TryClaim("k"));
        Assert.True(store.TryClaim("other"));
        Assert.Equal(2, store.Count);
    }

    [Fact]
    public async Task TryClaimAsync_AfterExpiry_ClaimsAgain()
    {
        var clock = new FakeTimeProvider();
        var store = new InMemoryWebhookDeduplicationStore(expiry: TimeSpan.FromMinutes(10), timeProvider: clock);
        Assert.True(await store.TryClaimAsync("k", TestContext.Current.CancellationToken));

        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.False(await store.TryClaimAsync("k", TestContext.Current.CancellationToken));

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await store.TryClaimAsync("k", TestContext.Current.CancellationToken));
    }

    [Fact]
    public void TryClaim_OverCapacity_ForgetsOldestFirst()
    {
        var store = new InMemoryWebhookDeduplicationStore(capacity: 3);
        store.TryClaim("a");
        store.TryClaim("b");
        store.TryClaim("c");

        store.TryClaim("d");

        Assert.Equal(3, store.Count);
        Assert.False(store.TryClaim("b"));
        Assert.False(store.TryClaim("d"));
        Assert.True(store.TryClaim("a"));
    }

    [Fact]
    public async Task ReleaseAsync_ClaimedKey_CanBeClaimedAgain()
    {
        var store = new InMemoryWebhookDeduplicationStore();
        store.TryClaim("k");

        await store.ReleaseAsync("k", TestContext.Current.CancellationToken);

        Assert.True(store.TryClaim("k"));
    }

    [Fact]
    public async Task TryClaimAsync_ConcurrentClaimsOfOneKey_ExactlyOneWins()
    {
        var store = new InMemoryWebhookDeduplicationStore();
        var keys = Enumerable.Range(0, 2000).Select(i => "key-" + (i % 500)).ToArray();

        var results = await Task.WhenAll(keys.Select(k => Task.Run(async () => await store.TryClaimAsync(k), TestContext.Current.CancellationToken)));

        Assert.Equal(500, results.Count(r => r));
    }

    [Fact]
    public void Constructor_BadBounds_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new InMemoryWebhookDeduplicationStore(capacity: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new InMemoryWebhookDeduplicationStore(expiry: TimeSpan.Zero));
    }
}
