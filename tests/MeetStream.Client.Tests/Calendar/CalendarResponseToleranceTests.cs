using System.Text.Json.Nodes;
using MeetStream.Client.Tests.Infrastructure;

namespace MeetStream.Client.Tests.Calendar;

public sealed class CalendarResponseToleranceTests(WireMockServer wireMock)
{
    [Fact]
    public async Task UnscheduleEventAsync_PlainTextSuccessBody_ReturnsEmptyResult()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("DELETE", "/calendar/schedule/evt_01", 200, "OK");
        using var client = TestClients.Create(scope);

        var result = await client.Calendar.UnscheduleEventAsync("evt_01", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Null(result.Unscheduled);
        Assert.Null(result.AdditionalProperties);
    }

    [Fact]
    public async Task UnscheduleEventAsync_FieldOfImpossibleType_ThrowsUnexpectedResponseWithBody()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("DELETE", "/calendar/schedule/evt_01", 200, JsonNode.Parse("""{"unscheduled":true,"schedules_cancelled":"many"}"""), new Dictionary<string, string> { ["x-request-id"] = "req-77" });
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<MeetStreamUnexpectedResponseException>(() => client.Calendar.UnscheduleEventAsync("evt_01", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("UnscheduleEventResponse", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"many\"", error.ResponseBody, StringComparison.Ordinal);
        Assert.Equal("req-77", error.RequestId);
        Assert.Equal("/calendar/schedule/evt_01", error.Details.Path);
    }

    [Fact]
    public async Task ListEventsAsync_IdsAndTimesAsNumbers_ReadsThemAsText()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/calendar/events", 200, JsonNode.Parse("""
            {"next":null,"previous":null,"has_more":false,"results":[{"id":981,"start_time":1788256800,"end_time":1788258600000,"calendar_id":"c","created_at":1788000000}]}
            """));
        using var client = TestClients.Create(scope);

        var result = await client.Calendar.ListEventsAsync(cancellationToken: TestContext.Current.CancellationToken);

        var item = Assert.Single(result.Results!);
        Assert.Equal("981", item.Id);
        Assert.Equal("1788256800", item.StartTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1788256800), item.StartsAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1788258600000), item.EndsAt);
    }

    [Fact]
    public async Task ListEventsAsync_UnparseableStartTime_KeepsTextAndGivesNullTime()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/calendar/events", 200, JsonNode.Parse("""{"results":[{"id":"e","start_time":"next tuesday"}]}"""));
        using var client = TestClients.Create(scope);

        var result = await client.Calendar.ListEventsAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("next tuesday", result.Results![0].StartTime);
        Assert.Null(result.Results[0].StartsAt);
        Assert.Null(result.HasMore);
    }

    [Fact]
    public async Task ListConnectionsAsync_EmptyBody_ReturnsNoConnections()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/calendar/connections", 200);
        using var client = TestClients.Create(scope);

        var result = await client.Calendar.ListConnectionsAsync(TestContext.Current.CancellationToken);

        Assert.Empty(result.Connections!);
    }
}
