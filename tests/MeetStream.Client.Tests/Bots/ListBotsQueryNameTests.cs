namespace MeetStream.Client.Tests.Bots;

/// <summary>GET /bots sends its whole query through one Refit map, so a name may appear only once.</summary>
public sealed class ListBotsQueryNameTests
{
    [Fact]
    public async Task ListPageAsync_AdditionalParameterNamedLikeAFilter_ThrowsBeforeSending()
    {
        using var client = new MeetStreamClient(new MeetStreamClientOptions { ApiKey = "k", BaseUrl = new Uri("http://127.0.0.1:9/api/v1") });
        var filter = new ListBotsRequest
        {
            Status = BotStatus.Done,
            AdditionalQueryParameters = new Dictionary<string, string> { ["status"] = "InMeeting" },
        };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Bots.ListPageAsync(filter, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("filter", ex.ParamName);
        Assert.Contains("'status' twice", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListPageAsync_CursorNameUsedByAnAdditionalParameter_ThrowsWhenACursorIsSent()
    {
        using var client = new MeetStreamClient(new MeetStreamClientOptions { ApiKey = "k", BaseUrl = new Uri("http://127.0.0.1:9/api/v1") });
        var filter = new ListBotsRequest
        {
            CursorParameterName = "page",
            AdditionalQueryParameters = new Dictionary<string, string> { ["page"] = "2" },
        };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Bots.ListPageAsync(filter, cursor: "c1", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("'page' twice", ex.Message, StringComparison.Ordinal);
    }
}
