using System.Text.Json.Nodes;
using MeetStream.Client.Tests.Infrastructure;

namespace MeetStream.Client.Tests.Calendar;

public sealed class CalendarEventsTests(WireMockServer wireMock)
{
    private static JsonObject Event(string id, string start = "2026-09-01T10:00:00+00:00") => JsonNode.Parse($$"""
        {
          "id": "{{id}}",
          "start_time": "{{start}}",
          "end_time": "2026-09-01T10:30:00+00:00",
          "calendar_id": "alice@acme.com",
          "platform": "google_calendar",
          "platform_id": "5qk3l0fj2c8v_20260901T100000Z",
          "ical_uid": "5qk3l0fj2c8v@google.com",
          "meeting_platform": "google_meet",
          "meeting_url": "https://meet.google.com/abc-defg-hij",
          "created_at": "2026-08-20T08:00:00Z",
          "updated_at": "2026-08-21T09:15:00Z",
          "is_deleted": false,
          "raw": { "kind": "calendar#event", "status": "confirmed", "summary": "Weekly sync", "recurringEventId": "5qk3l0fj2c8v",
                   "attendees": [ { "email": "alice@acme.com", "responseStatus": "accepted" } ] },
          "bots": [ { "bot_id": "bot_9c1", "status": "Scheduled", "join_at": "2026-09-01T09:59:00Z" } ],
          "organizer_email": "alice@acme.com"
        }
        """)!.AsObject();

    private static JsonObject Page(string? next, bool hasMore, params JsonObject[] events) => new()
    {
        ["next"] = next,
        ["previous"] = null,
        ["has_more"] = hasMore,
        ["results"] = new JsonArray(events.Select(e => (JsonNode)e).ToArray()),
    };

    [Fact]
    public async Task ListEventsAsync_EveryOption_SendsEveryQueryParameterEncoded()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/calendar/events", 200, Page(null, false));
        using var client = TestClients.Create(scope);

        await client.Calendar.ListEventsAsync(
            new CalendarEventListOptions
            {
                CalendarId = "team@group.calendar.google.com",
                TimeMin = new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.FromHours(2)),
                TimeMax = new DateTimeOffset(2026, 9, 8, 12, 30, 15, 250, TimeSpan.Zero),
                Sync = true,
                Limit = 50,
                Cursor = "cD0yMDI2LTA5",
                Provider = CalendarProvider.Google,
                AccountId = "alice@acme.com",
            },
            TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("GET", received.Method);
        Assert.Equal(
            "/calendar/events?calendar_id=team%40group.calendar.google.com&time_min=2026-09-01T00%3A00%3A00%2B02%3A00&time_max=2026-09-08T12%3A30%3A15.25%2B00%3A00&sync=true&limit=50&cursor=cD0yMDI2LTA5&provider=google&account_id=alice%40acme.com",
            received.Url);
    }

    [Fact]
    public async Task ListEventsAsync_NoOptions_SendsNoQuery()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/calendar/events", 200, Page(null, false));
        using var client = TestClients.Create(scope);

        await client.Calendar.ListEventsAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("/calendar/events", (await scope.SingleReceivedAsync()).Url);
    }

    [Fact]
    public async Task ListEventsAsync_FullPage_ParsesEveryEventField()
    {
        var scope = wireMock.CreateScope();
        var page = Page("https://api.meetstream.ai/api/v1/calendar/events?cursor=abc%3D%3D&limit=1", true, Event("evt_01"));
        page["previous"] = "prev-cursor";
        await scope.StubAsync("GET", "/calendar/events", 200, page);
        using var client = TestClients.Create(scope);

        var result = await client.Calendar.ListEventsAsync(new CalendarEventListOptions { Limit = 1 }, TestContext.Current.CancellationToken);

        Assert.True(result.HasMore);
        Assert.Equal("https://api.meetstream.ai/api/v1/calendar/events?cursor=abc%3D%3D&limit=1", result.Next);
        Assert.Equal("abc==", result.NextCursor);
        Assert.Equal("prev-cursor", result.Previous);
        Assert.Equal("prev-cursor", result.PreviousCursor);
        var item = Assert.Single(result.Results!);
        Assert.Equal("evt_01", item.Id);
        Assert.Equal("2026-09-01T10:00:00+00:00", item.StartTime);
        Assert.Equal("2026-09-01T10:30:00+00:00", item.EndTime);
        Assert.Equal(new DateTimeOffset(2026, 9, 1, 10, 0, 0, TimeSpan.Zero), item.StartsAt);
        Assert.Equal(new DateTimeOffset(2026, 9, 1, 10, 30, 0, TimeSpan.Zero), item.EndsAt);
        Assert.Equal("alice@acme.com", item.CalendarId);
        Assert.Equal("google_calendar", item.Platform);
        Assert.Equal("5qk3l0fj2c8v_20260901T100000Z", item.PlatformId);
        Assert.Equal("5qk3l0fj2c8v@google.com", item.ICalUid);
        Assert.Equal("google_meet", item.MeetingPlatform);
        Assert.Equal("https://meet.google.com/abc-defg-hij", item.MeetingUrl);
        Assert.Equal("2026-08-20T08:00:00Z", item.CreatedAt);
        Assert.Equal("2026-08-21T09:15:00Z", item.UpdatedAt);
        Assert.False(item.IsDeleted);
        Assert.Equal("Weekly sync", item.Raw!.Value.GetProperty("summary").GetString());
        Assert.Equal("accepted", item.Raw.Value.GetProperty("attendees")[0].GetProperty("responseStatus").GetString());
        Assert.Equal("bot_9c1", Assert.Single(item.Bots!).GetProperty("bot_id").GetString());
        Assert.Equal("alice@acme.com", item.AdditionalProperties!["organizer_email"].GetString());
    }

    [Fact]
    public async Task ListEventsAsync_DateOnlyAllDayEvent_ParsesStartAsMidnightUtc()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/calendar/events", 200, Page(null, false, Event("evt_allday", "2026-09-02")));
        using var client = TestClients.Create(scope);

        var result = await client.Calendar.ListEventsAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(new DateTimeOffset(2026, 9, 2, 0, 0, 0, TimeSpan.Zero), result.Results![0].StartsAt);
    }

    [Fact]
    public async Task ListEventsAsync_AccountIdWithoutProvider_ThrowsBeforeSending()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.Calendar.ListEventsAsync(new CalendarEventListOptions { AccountId = "alice@acme.com" }, TestContext.Current.CancellationToken));

        Assert.Contains("AccountId (account_id) requires Provider (provider)", error.Message, StringComparison.Ordinal);
        Assert.Equal("options", error.ParamName);
        Assert.Empty(await scope.ReceivedAsync());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task ListEventsAsync_LimitBelowOne_ThrowsBeforeSending(int limit)
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.Calendar.ListEventsAsync(new CalendarEventListOptions { Limit = limit }, TestContext.Current.CancellationToken));

        Assert.Contains("at least 1", error.Message, StringComparison.Ordinal);
        Assert.Empty(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task ListEventsAsync_TimeMinAfterTimeMax_ThrowsBeforeSending()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);
        var options = new CalendarEventListOptions { TimeMin = DateTimeOffset.Parse("2026-09-02T00:00:00Z"), TimeMax = DateTimeOffset.Parse("2026-09-01T00:00:00Z") };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.Calendar.ListEventsAsync(options, TestContext.Current.CancellationToken));

        Assert.Contains("is after TimeMax", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAllEventsAsync_UrlThenCursorThenLastPage_FollowsEveryPageWithTheCallersFilters()
    {
        var scope = wireMock.CreateScope();
        var filters = new Dictionary<string, string?> { ["provider"] = "google", ["account_id"] = "alice@acme.com", ["limit"] = "2" };
        await scope.StubQueryAsync("GET", "/calendar/events", new Dictionary<string, string?>(filters) { ["cursor"] = null }, 200,
            Page("https://api.meetstream.ai/api/v1/calendar/events?cursor=c2&limit=2&provider=google", true, Event("evt_1"), Event("evt_2")));
        await scope.StubQueryAsync("GET", "/calendar/events", new Dictionary<string, string?>(filters) { ["cursor"] = "c2" }, 200,
            Page("c3", true, Event("evt_3"), Event("evt_4")));
        await scope.StubQueryAsync("GET", "/calendar/events", new Dictionary<string, string?>(filters) { ["cursor"] = "c3" }, 200,
            Page(null, false, Event("evt_5")));
        using var client = TestClients.Create(scope);

        var ids = new List<string?>();
        await foreach (var item in client.Calendar.ListAllEventsAsync(
            new CalendarEventListOptions { Provider = CalendarProvider.Google, AccountId = "alice@acme.com", Limit = 2 },
            TestContext.Current.CancellationToken))
        {
            ids.Add(item.Id);
        }

        Assert.Equal(["evt_1", "evt_2", "evt_3", "evt_4", "evt_5"], ids);
        var received = await scope.ReceivedAsync();
        Assert.Equal(3, received.Count);
        Assert.Equal("/calendar/events?limit=2&provider=google&account_id=alice%40acme.com", received[0].Url);
        Assert.Equal("/calendar/events?cursor=c2&limit=2&provider=google&account_id=alice%40acme.com", received[1].Url);
        Assert.Equal("/calendar/events?limit=2&cursor=c3&provider=google&account_id=alice%40acme.com", received[2].Url);
        Assert.All(received, r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public async Task ListAllEventsAsync_HasMoreFalseWithNext_StopsAfterFirstPage()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/calendar/events", 200, Page("c2", false, Event("evt_1")));
        using var client = TestClients.Create(scope);

        var ids = new List<string?>();
        await foreach (var item in client.Calendar.ListAllEventsAsync(cancellationToken: TestContext.Current.CancellationToken))
        {
            ids.Add(item.Id);
        }

        Assert.Equal(["evt_1"], ids);
        Assert.Single(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task ListAllEventsAsync_SameNextTwice_ThrowsInsteadOfLooping()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/calendar/events", 200, Page("stuck", true, Event("evt_1")));
        using var client = TestClients.Create(scope);

        var count = 0;
        var error = await Assert.ThrowsAsync<MeetStreamException>(async () =>
        {
            await foreach (var unused in client.Calendar.ListAllEventsAsync(cancellationToken: TestContext.Current.CancellationToken))
            {
                count++;
            }
        });

        Assert.Contains("'stuck'", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, count);
        Assert.Equal(2, (await scope.ReceivedAsync()).Count);
    }

    [Fact]
    public async Task ListAllEventsAsync_InvalidOptions_ThrowsWhenCalledBeforeEnumerating()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var error = Assert.Throws<ArgumentException>(() => client.Calendar.ListAllEventsAsync(new CalendarEventListOptions { AccountId = "alice@acme.com" }, TestContext.Current.CancellationToken));

        Assert.Equal("options", error.ParamName);
        Assert.Empty(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task ListCachedEventsAsync_Options_GetsCachedPathAndParsesPage()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/calendar/get_events", 200, Page(null, false, Event("evt_cached")));
        using var client = TestClients.Create(scope);

        var result = await client.Calendar.ListCachedEventsAsync(new CalendarEventListOptions { CalendarId = "alice@acme.com", Limit = 10 }, TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("GET", received.Method);
        Assert.Equal("/calendar/get_events?calendar_id=alice%40acme.com&limit=10", received.Url);
        Assert.False(result.HasMore);
        Assert.Equal("evt_cached", Assert.Single(result.Results!).Id);
    }

    [Fact]
    public async Task ListAllCachedEventsAsync_RelativeUrlNext_FollowsOnCachedPath()
    {
        var scope = wireMock.CreateScope();
        await scope.StubQueryAsync("GET", "/calendar/get_events", new Dictionary<string, string?> { ["page"] = null }, 200, Page("/api/v1/calendar/get_events?page=2", true, Event("evt_a")));
        await scope.StubQueryAsync("GET", "/calendar/get_events", new Dictionary<string, string?> { ["page"] = "2" }, 200, Page(null, false, Event("evt_b")));
        using var client = TestClients.Create(scope);

        var ids = new List<string?>();
        await foreach (var item in client.Calendar.ListAllCachedEventsAsync(cancellationToken: TestContext.Current.CancellationToken))
        {
            ids.Add(item.Id);
        }

        Assert.Equal(["evt_a", "evt_b"], ids);
        var received = await scope.ReceivedAsync();
        Assert.Equal("/calendar/get_events", received[0].Url);
        Assert.Equal("/calendar/get_events?page=2", received[1].Url);
    }
}
