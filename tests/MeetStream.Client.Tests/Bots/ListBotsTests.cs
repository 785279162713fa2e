using System.Text.Json.Nodes;
using MeetStream.Client.Tests.Infrastructure;

namespace MeetStream.Client.Tests.Bots;

public sealed class ListBotsTests(WireMockServer wireMock)
{
    private static JsonObject Item(string id, string status = "Done") => new()
    {
        ["bot_id"] = id,
        ["status"] = status,
        ["bot_name"] = "Notetaker",
        ["meeting_url"] = BotSamples.MeetingUrl,
        ["platform"] = "GMeet",
        ["created_at"] = "2026-05-26T10:00:01.123456+00:00",
        ["updated_at"] = 1779789903,
        ["start_time"] = "2026-05-26T10:00:20+00:00",
        ["end_time"] = "2026-05-26T10:45:03+00:00",
        ["transcript_id"] = "tr_" + id,
        ["custom_attributes"] = new JsonObject { ["team"] = "sales" },
        ["region"] = "us-east-1",
    };

    private static JsonObject Page(string? next, params string[] ids) => new()
    {
        ["bots"] = new JsonArray(ids.Select(id => (JsonNode)Item(id)).ToArray()),
        ["hasNextPage"] = next is not null,
        ["nextCursor"] = next,
    };

    private static StubOptions OnCursor(string cursor, string parameter = "cursor") =>
        new() { Query = new Dictionary<string, string?> { [parameter] = cursor }, Priority = 1 };

    private static StubOptions Fallback => new() { Priority = 10 };

    [Fact]
    public async Task ListPageAsync_EveryFilter_SendsTheExactQueryAndParsesThePage()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/bots", 200, Page("c3", "bot-1", "bot-2"));
        using var client = TestClients.Create(scope);
        var filter = new ListBotsRequest
        {
            Status = BotStatus.InMeeting,
            From = new DateOnly(2026, 5, 1),
            To = new DateOnly(2026, 5, 31),
            Platform = MeetingPlatform.GoogleMeet,
            CustomAttributes = new Dictionary<string, string> { ["team"] = "sales", ["seats"] = "12" },
        };

        var page = await client.Bots.ListPageAsync(filter, "c2", TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("GET", received.Method);
        Assert.Equal("/bots?status=InMeeting&from=2026-05-01&to=2026-05-31&platform=GMeet&custom_attr%5Bteam%5D=sales&custom_attr%5Bseats%5D=12&cursor=c2", received.Url);
        Assert.Equal("Token " + TestClients.ApiKey, received.Headers["Authorization"]);
        Assert.Equal(string.Empty, received.Body);

        Assert.True(page.HasNextPage);
        Assert.Equal("c3", page.NextCursor);
        Assert.True(page.CanFetchNextPage);
        Assert.Equal(2, page.Bots.Count);
        var bot = page.Bots[0];
        Assert.Equal("bot-1", bot.BotId);
        Assert.Equal(BotStatus.Done, bot.Status);
        Assert.Equal("Notetaker", bot.BotName);
        Assert.Equal(BotSamples.MeetingUrl, bot.MeetingUrl);
        Assert.Equal(MeetingPlatform.GoogleMeet, bot.Platform);
        Assert.Equal("2026-05-26T10:00:01.123456+00:00", bot.CreatedAt);
        Assert.Equal("1779789903", bot.UpdatedAt);
        Assert.Equal("2026-05-26T10:00:20+00:00", bot.StartTime);
        Assert.Equal("2026-05-26T10:45:03+00:00", bot.EndTime);
        Assert.Equal("tr_bot-1", bot.TranscriptId);
        Assert.Equal("sales", bot.CustomAttributes!["team"]);
        Assert.Equal("us-east-1", bot.AdditionalProperties!["region"].GetString());
    }

    [Fact]
    public async Task ListPageAsync_NoFilter_SendsNoQuery()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/bots", 200, new JsonObject { ["bots"] = new JsonArray(), ["hasNextPage"] = false, ["nextCursor"] = null });
        using var client = TestClients.Create(scope);

        var page = await client.Bots.ListPageAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("/bots", (await scope.SingleReceivedAsync()).Url);
        Assert.Empty(page.Bots);
        Assert.False(page.CanFetchNextPage);
    }

    [Fact]
    public async Task ListPageAsync_MissingBotsArray_ReadsAsEmpty()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/bots", 200, new JsonObject { ["bots"] = null, ["hasNextPage"] = false });
        using var client = TestClients.Create(scope);

        var page = await client.Bots.ListPageAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Empty(page.Bots);
    }

    [Fact]
    public async Task ListAsync_ThreePages_FollowsEveryCursorWithTheSameFilters()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/bots", 200, Page("c2", "bot-1", "bot-2"), options: Fallback);
        await scope.StubAsync("GET", "/bots", 200, Page("c3", "bot-3"), options: OnCursor("c2"));
        await scope.StubAsync("GET", "/bots", 200, Page(null, "bot-4", "bot-5"), options: OnCursor("c3"));
        using var client = TestClients.Create(scope);

        var ids = new List<string>();
        await foreach (var bot in client.Bots.ListAsync(new ListBotsRequest { Platform = MeetingPlatform.Zoom }, TestContext.Current.CancellationToken))
        {
            ids.Add(bot.BotId!);
        }

        Assert.Equal(["bot-1", "bot-2", "bot-3", "bot-4", "bot-5"], ids);
        Assert.Equal(
            ["/bots?platform=Zoom", "/bots?platform=Zoom&cursor=c2", "/bots?platform=Zoom&cursor=c3"],
            (await scope.ReceivedAsync()).Select(r => r.Url));
    }

    [Fact]
    public async Task ListAsync_StoppedEarly_FetchesOnlyTheNeededPages()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/bots", 200, Page("c2", "bot-1", "bot-2"), options: Fallback);
        await scope.StubAsync("GET", "/bots", 200, Page(null, "bot-3"), options: OnCursor("c2"));
        using var client = TestClients.Create(scope);

        await foreach (var bot in client.Bots.ListAsync(cancellationToken: TestContext.Current.CancellationToken))
        {
            Assert.Equal("bot-1", bot.BotId);
            break;
        }

        Assert.Single(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task ListAsync_CustomCursorParameterName_SendsTheCursorUnderThatName()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/bots", 200, Page("c2", "bot-1"), options: Fallback);
        await scope.StubAsync("GET", "/bots", 200, Page(null, "bot-2"), options: OnCursor("c2", "after"));
        using var client = TestClients.Create(scope);

        var count = 0;
        await foreach (var _ in client.Bots.ListAsync(new ListBotsRequest { CursorParameterName = "after" }, TestContext.Current.CancellationToken))
        {
            count++;
        }

        Assert.Equal(2, count);
        Assert.Equal(["/bots", "/bots?after=c2"], (await scope.ReceivedAsync()).Select(r => r.Url));
    }

    [Fact]
    public async Task ListAsync_ServerIgnoresTheCursor_ThrowsInsteadOfLoopingForever()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/bots", 200, Page("c2", "bot-1"));
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<MeetStreamUnexpectedResponseException>(async () =>
        {
            await foreach (var _ in client.Bots.ListAsync(cancellationToken: TestContext.Current.CancellationToken))
            {
            }
        });

        Assert.Contains("CursorParameterName", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'cursor'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await scope.ReceivedAsync()).Count);
    }

    [Fact]
    public void DefaultCursorParameterName_IsCursor()
    {
        Assert.Equal("cursor", ListBotsRequest.DefaultCursorParameterName);
        Assert.Equal("cursor", new ListBotsRequest().CursorParameterName);
    }

    [Theory]
    [InlineData("from after to")]
    [InlineData("empty cursor name")]
    [InlineData("cursor name is a filter")]
    [InlineData("empty custom attribute key")]
    public async Task ListPageAsync_InvalidFilter_ThrowsBeforeSending(string problem)
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);
        var filter = problem switch
        {
            "from after to" => new ListBotsRequest { From = new DateOnly(2026, 6, 2), To = new DateOnly(2026, 6, 1) },
            "empty cursor name" => new ListBotsRequest { CursorParameterName = " " },
            "cursor name is a filter" => new ListBotsRequest { CursorParameterName = "status" },
            _ => new ListBotsRequest { CustomAttributes = new Dictionary<string, string> { [""] = "x" } },
        };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Bots.ListPageAsync(filter, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("filter", ex.ParamName);
        Assert.Empty(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task ListPageAsync_BlankCursor_Throws()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Bots.ListPageAsync(null, " ", TestContext.Current.CancellationToken));

        Assert.Equal("cursor", ex.ParamName);
    }
}
