using System.Text.Json.Nodes;
using MeetStream.Client.Tests.Infrastructure;

namespace MeetStream.Client.Tests.Calendar;

public sealed class CalendarListTests(WireMockServer wireMock)
{
    private static JsonNode CalendarListBody() => JsonNode.Parse("""
        {
          "total": 2,
          "user_id": "usr_42",
          "calendars": [
            { "id": "alice@acme.com", "summary": "Alice Smith", "description": "Work", "isPrimary": true, "accessRole": "owner",
              "timeZone": "America/New_York", "backgroundColor": "#9fe1e7", "foregroundColor": "#000000", "selected": true, "provider": "google" },
            { "id": "AAMkAGI2", "summary": "Calendar", "isPrimary": false, "accessRole": "writer", "timeZone": "UTC" }
          ]
        }
        """)!;

    [Fact]
    public async Task ListCalendarsAsync_NoFilter_GetsCalendarAndParsesEveryField()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/calendar", 200, CalendarListBody());
        using var client = TestClients.Create(scope);

        var result = await client.Calendar.ListCalendarsAsync(cancellationToken: TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("GET", received.Method);
        Assert.Equal("/calendar", received.Url);
        Assert.Equal(2, result.Total);
        Assert.Equal("usr_42", result.UserId);
        Assert.Equal(2, result.Calendars!.Count);
        var first = result.Calendars[0];
        Assert.Equal("alice@acme.com", first.Id);
        Assert.Equal("Alice Smith", first.Summary);
        Assert.Equal("Work", first.Description);
        Assert.True(first.IsPrimary);
        Assert.Equal("owner", first.AccessRole);
        Assert.Equal("America/New_York", first.TimeZone);
        Assert.Equal("#9fe1e7", first.BackgroundColor);
        Assert.Equal("#000000", first.ForegroundColor);
        Assert.True(first.Selected);
        Assert.Equal("google", first.AdditionalProperties!["provider"].GetString());
        Assert.Equal("writer", result.Calendars[1].AccessRole);
    }

    [Fact]
    public async Task ListCalendarsAsync_ProviderAndAccount_SendsEncodedFilter()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/calendar", 200, CalendarListBody());
        using var client = TestClients.Create(scope);

        await client.Calendar.ListCalendarsAsync(CalendarProvider.Outlook, "bob+cal@contoso.com", TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("/calendar?provider=outlook&account_id=bob%2Bcal%40contoso.com", received.Url);
    }

    [Fact]
    public async Task ListCalendarsAsync_AccountWithoutProvider_ThrowsBeforeSending()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.Calendar.ListCalendarsAsync(accountId: "alice@acme.com", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("requires Provider", error.Message, StringComparison.Ordinal);
        Assert.Equal("accountId", error.ParamName);
        Assert.Empty(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task ListProviderCalendarsAsync_Google_GetsCalendarsPath()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/calendar/calendars", 200, CalendarListBody());
        using var client = TestClients.Create(scope);

        var result = await client.Calendar.ListProviderCalendarsAsync(CalendarProvider.Google, cancellationToken: TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("GET", received.Method);
        Assert.Equal("/calendar/calendars?provider=google", received.Url);
        Assert.Equal(2, result.Total);
        Assert.Equal("alice@acme.com", result.Calendars![0].Id);
    }

    [Fact]
    public async Task ListConnectionsAsync_ObjectShape_ParsesConnectionsAndKeepsUnknownFields()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/calendar/connections", 200, JsonNode.Parse("""
            {"connections":[
              {"provider":"google","account_id":"alice@acme.com","user_email":"alice@acme.com","connected_at":"2026-09-01T10:00:00Z","auto_schedule_enabled":true},
              {"provider":"outlook","account_id":"bob@contoso.com"}
             ],"total":2,"limit":200}
            """));
        using var client = TestClients.Create(scope);

        var result = await client.Calendar.ListConnectionsAsync(TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("GET", received.Method);
        Assert.Equal("/calendar/connections", received.Url);
        Assert.Equal(2, result.Connections!.Count);
        Assert.Equal(CalendarProvider.Google, result.Connections[0].Provider);
        Assert.Equal("alice@acme.com", result.Connections[0].AccountId);
        Assert.Equal("2026-09-01T10:00:00Z", result.Connections[0].AdditionalProperties!["connected_at"].GetString());
        Assert.Equal(CalendarProvider.Outlook, result.Connections[1].Provider);
        Assert.Equal(200, result.AdditionalProperties!["limit"].GetInt32());
    }

    [Fact]
    public async Task ListConnectionsAsync_BareArray_ParsesConnections()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/calendar/connections", 200, JsonNode.Parse("""[{"provider":"outlook","account_id":"bob@contoso.com"}]"""));
        using var client = TestClients.Create(scope);

        var result = await client.Calendar.ListConnectionsAsync(TestContext.Current.CancellationToken);

        var connection = Assert.Single(result.Connections!);
        Assert.Equal(CalendarProvider.Outlook, connection.Provider);
        Assert.Equal("bob@contoso.com", connection.AccountId);
    }

    [Fact]
    public async Task RemoveConnectionAsync_KeepHistory_EncodesEmailAndSendsPurgeFlag()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("DELETE", "/calendar/connections/outlook/bob%40contoso.com", 200, JsonNode.Parse("""{"message":"Connection removed","provider":"outlook","account_id":"bob@contoso.com","events_deleted":0}"""));
        using var client = TestClients.Create(scope);

        var result = await client.Calendar.RemoveConnectionAsync(CalendarProvider.Outlook, "bob@contoso.com", purgeEvents: false, TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("DELETE", received.Method);
        Assert.Equal("/calendar/connections/outlook/bob%40contoso.com?purge_events=false", received.Url);
        Assert.Equal(string.Empty, received.Body);
        Assert.Equal("Connection removed", result.Message);
        Assert.Equal("bob@contoso.com", result.AdditionalProperties!["account_id"].GetString());
    }

    [Fact]
    public async Task RemoveConnectionAsync_DefaultPurge_SendsNoQuery()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("DELETE", "/calendar/connections/google/alice%40acme.com", 204);
        using var client = TestClients.Create(scope);

        var result = await client.Calendar.RemoveConnectionAsync(CalendarProvider.Google, "alice@acme.com", cancellationToken: TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("/calendar/connections/google/alice%40acme.com", received.Url);
        Assert.Null(result.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public async Task RemoveConnectionAsync_EmptyAccountId_ThrowsBeforeSending(string accountId)
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.Calendar.RemoveConnectionAsync(CalendarProvider.Google, accountId, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("accountId", error.ParamName);
        Assert.Empty(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task RemoveConnectionAsync_DefaultProvider_ThrowsBeforeSending()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.Calendar.RemoveConnectionAsync(default, "alice@acme.com", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("provider", error.ParamName);
        Assert.Empty(await scope.ReceivedAsync());
    }
}
