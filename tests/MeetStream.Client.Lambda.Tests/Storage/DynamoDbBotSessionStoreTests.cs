using Amazon.DynamoDBv2.Model;
using MeetStream.Client.Lambda.Tests.Infrastructure;
using MeetStream.Client.Tests.Infrastructure;

namespace MeetStream.Client.Lambda.Tests.Storage;

/// <summary>The session store against real dynalite: conditional, forward-only writes and the two indexes.</summary>
public sealed class DynamoDbBotSessionStoreTests(DynaliteServer dynalite) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new();
    private Amazon.DynamoDBv2.AmazonDynamoDBClient _client = null!;
    private DynamoDbBotSessionStoreOptions _options = null!;
    private DynamoDbBotSessionStore _store = null!;

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        (_options, _) = await dynalite.CreateTablesAsync(_clock);
        _client = dynalite.CreateClient();
        _store = new DynamoDbBotSessionStore(_client, _options);
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task RecordScheduledAsync_NewBot_WritesCalendarFieldsTtlAndAwaitingWork()
    {
        var joinAt = _clock.GetUtcNow().AddMinutes(30);

        var session = await _store.RecordScheduledAsync(Scheduled("bot-1", joinAt), Ct);

        Assert.Equal("bot-1", session.BotId);
        Assert.Equal("cal-1", session.CalendarEventId);
        Assert.Equal("user-1", session.UserId);
        Assert.Equal("https://meet.google.com/abc-defg-hij", session.MeetingUrl);
        Assert.Equal(joinAt, session.JoinAt);
        Assert.Equal("ms-cal-key", session.IdempotencyKey);
        Assert.Equal(BotStatus.Active, session.Status);
        Assert.Equal(BotLifecycleStage.Scheduled, session.Stage);
        Assert.Equal(10, (int)session.Stage!.Value);
        Assert.Equal("tr-1", session.TranscriptId);
        Assert.Equal(TranscriptProgress.Awaiting, session.Transcript);
        Assert.Equal(joinAt.AddHours(5), session.WorkDue);
        Assert.Equal(_clock.GetUtcNow(), session.CreatedAt);
        Assert.Equal(_clock.GetUtcNow().AddDays(90), session.ExpiresAt);
        Assert.Equal(1, session.Version);
        var raw = await RawAsync("bot-1");
        Assert.Equal((_clock.GetUtcNow().AddDays(90)).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), raw["expires_at"].N);
        Assert.Equal("awaiting", raw["work_state"].S);
    }

    [Fact]
    public async Task RecordScheduledAsync_Repeated_KeepsLaterStateAndCreationTime()
    {
        var joinAt = _clock.GetUtcNow().AddMinutes(30);
        await _store.RecordScheduledAsync(Scheduled("bot-2", joinAt), Ct);
        await _store.ApplyStateAsync("bot-2", Change(BotStatus.Joining, 20, "bot.joining"), Ct);
        var created = _clock.GetUtcNow();
        _clock.Advance(TimeSpan.FromMinutes(1));

        var again = await _store.RecordScheduledAsync(Scheduled("bot-2", joinAt), Ct);

        Assert.Equal(BotStatus.Joining, again.Status);
        Assert.Equal(BotLifecycleStage.Joining, again.Stage);
        Assert.Equal(20, (int)again.Stage!.Value);
        Assert.Equal(created, again.CreatedAt);
        Assert.Equal(3, again.Version);
    }

    [Fact]
    public async Task RecordScheduledAsync_AfterWebhookCreatedTheSession_FillsCalendarFields()
    {
        await _store.ApplyStateAsync("bot-3", Change(BotStatus.Joining, 20, "bot.joining"), Ct);

        var session = await _store.RecordScheduledAsync(Scheduled("bot-3", _clock.GetUtcNow()), Ct);

        Assert.Equal("cal-1", session.CalendarEventId);
        Assert.Equal(BotStatus.Joining, session.Status);
        Assert.Equal("tr-1", session.TranscriptId);
    }

    [Fact]
    public async Task RecordScheduledAsync_NoTranscriptId_IsNotExpectedAndNotDue()
    {
        var session = await _store.RecordScheduledAsync(Scheduled("bot-4", _clock.GetUtcNow(), transcriptId: null), Ct);

        Assert.Equal(TranscriptProgress.NotExpected, session.Transcript);
        Assert.Null(session.WorkDue);
        Assert.Empty(await _store.ListDueAsync(TranscriptProgress.Awaiting, _clock.GetUtcNow().AddDays(1), 10, Ct));
    }

    [Fact]
    public async Task ApplyStateAsync_HigherRank_Applies()
    {
        await _store.ApplyStateAsync("bot-5", Change(BotStatus.Joining, 20, "bot.joining"), Ct);

        var result = await _store.ApplyStateAsync("bot-5", Change(BotStatus.InMeeting, 40, "bot.inmeeting"), Ct);

        Assert.Equal(SessionUpdate.Applied, result);
        var session = await _store.GetAsync("bot-5", Ct);
        Assert.Equal(BotStatus.InMeeting, session!.Status);
        Assert.Equal("bot.inmeeting", session.LastEvent);
    }

    [Fact]
    public async Task ApplyStateAsync_OlderEventArrivingLate_NeverOverwritesNewerState()
    {
        await _store.ApplyStateAsync("bot-6", Change(BotStatus.Recording, 50, "bot.recording"), Ct);

        var result = await _store.ApplyStateAsync("bot-6", Change(BotStatus.Joining, 20, "bot.joining"), Ct);

        Assert.Equal(SessionUpdate.Stale, result);
        var session = await _store.GetAsync("bot-6", Ct);
        Assert.Equal(BotStatus.Recording, session!.Status);
        Assert.Equal(BotLifecycleStage.Recording, session.Stage);
        Assert.Equal(50, (int)session.Stage!.Value);
        Assert.Equal(1, session.Version);
    }

    [Fact]
    public async Task ApplyStateAsync_SameEventTwice_SecondIsStale()
    {
        Assert.Equal(SessionUpdate.Applied, await _store.ApplyStateAsync("bot-7", Change(BotStatus.Joining, 20, "bot.joining"), Ct));

        Assert.Equal(SessionUpdate.Stale, await _store.ApplyStateAsync("bot-7", Change(BotStatus.Joining, 20, "bot.joining"), Ct));
    }

    [Fact]
    public async Task ApplyStateAsync_WebhookFirst_CreatesTrackedSessionWithTtl()
    {
        var at = _clock.GetUtcNow();

        await _store.ApplyStateAsync("bot-8", Change(BotStatus.InMeeting, 40, "bot.inmeeting"), Ct);

        var session = await _store.GetAsync("bot-8", Ct);
        Assert.Equal(TranscriptProgress.Awaiting, session!.Transcript);
        Assert.Equal(at.AddHours(2), session.WorkDue);
        Assert.Equal(at.AddDays(90), session.ExpiresAt);
        Assert.Null(session.CalendarEventId);
    }

    [Fact]
    public async Task ApplyStateAsync_TerminalThenDone_KeepsFirstStopTimeAndReason()
    {
        var stoppedAt = _clock.GetUtcNow();
        await _store.ApplyStateAsync("bot-9", Change(BotStatus.Stopped, 70, "bot.kicked", stopReason: "bot.kicked"), Ct);
        _clock.Advance(TimeSpan.FromMinutes(10));

        await _store.ApplyStateAsync("bot-9", Change(BotStatus.Done, 80, "bot.done"), Ct);

        var session = await _store.GetAsync("bot-9", Ct);
        Assert.Equal(BotStatus.Done, session!.Status);
        Assert.Equal(stoppedAt, session.StoppedAt);
        Assert.Equal("bot.kicked", session.StopReason);
    }

    [Fact]
    public async Task MarkTranscriptPendingAsync_Awaiting_MovesToPendingDueNowOnce()
    {
        await _store.RecordScheduledAsync(Scheduled("bot-10", _clock.GetUtcNow().AddHours(1)), Ct);

        var first = await _store.MarkTranscriptPendingAsync("bot-10", Ct);
        var second = await _store.MarkTranscriptPendingAsync("bot-10", Ct);

        Assert.Equal(SessionUpdate.Applied, first);
        Assert.Equal(SessionUpdate.Stale, second);
        var session = await _store.GetAsync("bot-10", Ct);
        Assert.Equal(TranscriptProgress.Pending, session!.Transcript);
        Assert.Equal(_clock.GetUtcNow(), session.WorkDue);
        Assert.Equal(["bot-10"], await _store.ListDueAsync(TranscriptProgress.Pending, _clock.GetUtcNow(), 10, Ct));
    }

    [Fact]
    public async Task MarkTranscriptPendingAsync_AfterStored_IsStale()
    {
        await _store.RecordScheduledAsync(Scheduled("bot-11", _clock.GetUtcNow()), Ct);
        await _store.MarkTranscriptStoredAsync("bot-11", "tr-1", "transcripts/bot-11/tr-1.json", Ct);

        Assert.Equal(SessionUpdate.Stale, await _store.MarkTranscriptPendingAsync("bot-11", Ct));
        Assert.Equal(TranscriptProgress.Stored, (await _store.GetAsync("bot-11", Ct))!.Transcript);
    }

    [Fact]
    public async Task TryClaimTranscriptFetchAsync_SecondClaimWithinLease_IsRefusedUntilTheLeaseEnds()
    {
        await _store.RecordScheduledAsync(Scheduled("bot-12", _clock.GetUtcNow()), Ct);

        var first = await _store.TryClaimTranscriptFetchAsync("bot-12", TimeSpan.FromMinutes(2), Ct);
        var second = await _store.TryClaimTranscriptFetchAsync("bot-12", TimeSpan.FromMinutes(2), Ct);
        _clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromMilliseconds(1));
        var afterLease = await _store.TryClaimTranscriptFetchAsync("bot-12", TimeSpan.FromMinutes(2), Ct);

        Assert.True(first);
        Assert.False(second);
        Assert.True(afterLease);
    }

    [Fact]
    public async Task TryClaimTranscriptFetchAsync_StoredOrMissingSession_IsRefused()
    {
        await _store.RecordScheduledAsync(Scheduled("bot-13", _clock.GetUtcNow()), Ct);
        await _store.MarkTranscriptStoredAsync("bot-13", "tr-1", "k", Ct);

        Assert.False(await _store.TryClaimTranscriptFetchAsync("bot-13", TimeSpan.FromMinutes(1), Ct));
        Assert.False(await _store.TryClaimTranscriptFetchAsync("bot-missing", TimeSpan.FromMinutes(1), Ct));
        Assert.Null(await _store.GetAsync("bot-missing", Ct));
    }

    [Fact]
    public async Task MarkTranscriptStoredAsync_RecordsKeyClosesWorkAndReleasesClaim()
    {
        await _store.RecordScheduledAsync(Scheduled("bot-14", _clock.GetUtcNow()), Ct);
        await _store.MarkTranscriptPendingAsync("bot-14", Ct);
        await _store.TryClaimTranscriptFetchAsync("bot-14", TimeSpan.FromMinutes(1), Ct);

        var first = await _store.MarkTranscriptStoredAsync("bot-14", "tr-9", "transcripts/bot-14/tr-9.json", Ct);
        var second = await _store.MarkTranscriptStoredAsync("bot-14", "tr-10", "other", Ct);

        Assert.Equal(SessionUpdate.Applied, first);
        Assert.Equal(SessionUpdate.Stale, second);
        var session = await _store.GetAsync("bot-14", Ct);
        Assert.Equal(TranscriptProgress.Stored, session!.Transcript);
        Assert.Equal("tr-9", session.TranscriptId);
        Assert.Equal("transcripts/bot-14/tr-9.json", session.TranscriptS3Key);
        Assert.Null(session.WorkDue);
        Assert.False((await RawAsync("bot-14")).ContainsKey("fetch_lease_until"));
        Assert.Empty(await _store.ListDueAsync(TranscriptProgress.Pending, _clock.GetUtcNow().AddDays(1), 10, Ct));
    }

    [Fact]
    public async Task CloseTranscriptAsync_Flagged_StoresNoteAndLaterStoreIsStale()
    {
        await _store.RecordScheduledAsync(Scheduled("bot-15", _clock.GetUtcNow()), Ct);

        var closed = await _store.CloseTranscriptAsync("bot-15", TranscriptProgress.Flagged, "stopped 2 h ago without a transcript after 3 checks", Ct);
        var store = await _store.MarkTranscriptStoredAsync("bot-15", "tr", "k", Ct);

        Assert.Equal(SessionUpdate.Applied, closed);
        Assert.Equal(SessionUpdate.Stale, store);
        var session = await _store.GetAsync("bot-15", Ct);
        Assert.Equal(TranscriptProgress.Flagged, session!.Transcript);
        Assert.Equal("stopped 2 h ago without a transcript after 3 checks", session.TranscriptNote);
    }

    [Fact]
    public async Task CloseTranscriptAsync_StoredOutcome_ThrowsArgumentException()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _store.CloseTranscriptAsync("bot", TranscriptProgress.Stored, "x", Ct));

        Assert.Equal("outcome", error.ParamName);
    }

    [Fact]
    public async Task MarkTranscriptStoredAsync_AfterFailed_StillStoresARerunsTranscript()
    {
        await _store.RecordScheduledAsync(Scheduled("bot-19", _clock.GetUtcNow()), Ct);
        await _store.CloseTranscriptAsync("bot-19", TranscriptProgress.Failed, "Deepgram API error: 401", Ct);

        var stored = await _store.MarkTranscriptStoredAsync("bot-19", "tr-rerun", "transcripts/bot-19/tr-rerun.json", Ct);

        Assert.Equal(SessionUpdate.Applied, stored);
        Assert.Equal(TranscriptProgress.Stored, (await _store.GetAsync("bot-19", Ct))!.Transcript);
    }

    [Fact]
    public async Task CloseTranscriptAsync_FailedAfterPending_IsStale()
    {
        await _store.RecordScheduledAsync(Scheduled("bot-20", _clock.GetUtcNow()), Ct);
        await _store.MarkTranscriptPendingAsync("bot-20", Ct);

        Assert.Equal(SessionUpdate.Stale, await _store.CloseTranscriptAsync("bot-20", TranscriptProgress.Failed, "late failure", Ct));
        Assert.Equal(TranscriptProgress.Pending, (await _store.GetAsync("bot-20", Ct))!.Transcript);
    }

    [Fact]
    public async Task RescheduleAsync_CountingAttempt_IncrementsAttemptsAndMovesDue()
    {
        await _store.RecordScheduledAsync(Scheduled("bot-16", _clock.GetUtcNow()), Ct);
        var due = _clock.GetUtcNow().AddMinutes(15);

        var result = await _store.RescheduleAsync("bot-16", due, countAttempt: true, Ct);

        Assert.Equal(SessionUpdate.Applied, result);
        var session = await _store.GetAsync("bot-16", Ct);
        Assert.Equal(1, session!.TranscriptAttempts);
        Assert.Equal(due, session.WorkDue);
    }

    [Fact]
    public async Task RescheduleAsync_FinalTranscript_IsStale()
    {
        await _store.RecordScheduledAsync(Scheduled("bot-17", _clock.GetUtcNow()), Ct);
        await _store.CloseTranscriptAsync("bot-17", TranscriptProgress.Flagged, "no transcript after 4 attempts", Ct);

        Assert.Equal(SessionUpdate.Stale, await _store.RescheduleAsync("bot-17", _clock.GetUtcNow(), countAttempt: true, Ct));
    }

    [Fact]
    public async Task ListDueAsync_ReturnsOnlyDueSessionsOfThatStateEarliestFirst()
    {
        var now = _clock.GetUtcNow();
        await _store.RecordScheduledAsync(Scheduled("due-late", now.AddHours(-6)), Ct); // first check 1 h ago
        await _store.RecordScheduledAsync(Scheduled("due-early", now.AddHours(-8)), Ct); // 3 h ago
        await _store.RecordScheduledAsync(Scheduled("not-due", now.AddHours(-4)), Ct); // in 1 h
        await _store.RecordScheduledAsync(Scheduled("pending", now.AddHours(-10)), Ct);
        await _store.MarkTranscriptPendingAsync("pending", Ct);

        var due = await _store.ListDueAsync(TranscriptProgress.Awaiting, now, 10, Ct);

        Assert.Equal(["due-early", "due-late"], due);
    }

    [Fact]
    public async Task FindByCalendarEventAsync_ReturnsTheEventsSessions()
    {
        await _store.RecordScheduledAsync(Scheduled("bot-a", _clock.GetUtcNow(), calendarEventId: "cal-x"), Ct);
        await _store.RecordScheduledAsync(Scheduled("bot-b", _clock.GetUtcNow(), calendarEventId: "cal-y"), Ct);

        var found = await _store.FindByCalendarEventAsync("cal-x", Ct);

        Assert.Equal("bot-a", Assert.Single(found).BotId);
    }

    [Fact]
    public async Task RecordArtifactAsync_Repeated_KeepsTheFirstTime()
    {
        var first = _clock.GetUtcNow();
        await _store.RecordArtifactAsync("bot-18", "audio.processed", first, Ct);

        await _store.RecordArtifactAsync("bot-18", "audio.processed", first.AddMinutes(5), Ct);

        Assert.Equal("2026-11-21T12:00:00.000Z", (await RawAsync("bot-18"))["audio_processed_at"].S);
    }

    [Fact]
    public async Task GetAsync_EmptyBotId_ThrowsArgumentExceptionNamingIt()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _store.GetAsync(" ", Ct));

        Assert.Equal("botId", error.ParamName);
        Assert.Contains("must not be empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyStateAsync_UndefinedStage_ThrowsArgumentExceptionAndWritesNothing()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _store.ApplyStateAsync("bot-undefined", Change(BotStatus.Joining, 0, "bot.joining"), Ct));

        Assert.Equal("change", error.ParamName);
        Assert.Contains("BotLifecycleStage", error.Message, StringComparison.Ordinal);
        Assert.Null(await _store.GetAsync("bot-undefined", Ct));
    }

    [Fact]
    public void Constructor_NoTableName_ThrowsArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => new DynamoDbBotSessionStore(_client, new DynamoDbBotSessionStoreOptions { TableName = "" }));

        Assert.Contains("TableName", error.Message, StringComparison.Ordinal);
    }

    private ScheduledBotSession Scheduled(string botId, DateTimeOffset joinAt, string? transcriptId = "tr-1", string calendarEventId = "cal-1") => new()
    {
        BotId = botId,
        CalendarEventId = calendarEventId,
        UserId = "user-1",
        MeetingUrl = "https://meet.google.com/abc-defg-hij",
        JoinAt = joinAt,
        IdempotencyKey = "ms-cal-key",
        Status = BotStatus.Active,
        TranscriptId = transcriptId,
        FirstCheckAt = joinAt.AddHours(5),
    };

    private SessionStateChange Change(BotStatus status, int rank, string eventName, string? stopReason = null) => new()
    {
        Status = status,
        Stage = (BotLifecycleStage)rank,
        Event = eventName,
        OccurredAt = _clock.GetUtcNow(),
        StopReason = stopReason,
    };

    private async Task<Dictionary<string, AttributeValue>> RawAsync(string botId) =>
        (await _client.GetItemAsync(new GetItemRequest { TableName = _options.TableName, Key = new() { ["bot_id"] = new AttributeValue { S = botId } }, ConsistentRead = true }, Ct)).Item;
}
