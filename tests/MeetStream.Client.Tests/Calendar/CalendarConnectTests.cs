using System.Net;
using System.Text.Json.Nodes;
using MeetStream.Client.Tests.Infrastructure;

namespace MeetStream.Client.Tests.Calendar;

public sealed class CalendarConnectTests(WireMockServer wireMock)
{
    private const string GoogleSecret = "GOCSPX-google-secret-9f8e7d";
    private const string GoogleRefresh = "1//0g-google-refresh-token-abc";
    private const string MicrosoftSecret = "ms~secret~Q8x7";
    private const string MicrosoftRefresh = "0.AAAA-microsoft-refresh-token";

    private static GoogleCalendarCredentials Google() => new()
    {
        GoogleClientId = "123-abc.apps.googleusercontent.com",
        GoogleClientSecret = GoogleSecret,
        GoogleRefreshToken = GoogleRefresh,
    };

    private static JsonNode CreateCalendarResponse() => JsonNode.Parse("""
        {
          "calendar_id": "cal_7f3a",
          "platform": "google_calendar",
          "user_email": "alice@acme.com",
          "user_name": "Alice Smith",
          "primary_calendar_id": "alice@acme.com",
          "message": "Calendar connected successfully",
          "calendars": [
            { "id": "alice@acme.com", "summary": "Alice Smith", "description": "Work", "isPrimary": true, "accessRole": "owner",
              "timeZone": "Europe/Berlin", "backgroundColor": "#9fe1e7", "foregroundColor": "#000000", "selected": true },
            { "id": "team@group.calendar.google.com", "summary": "Team", "description": null, "isPrimary": false, "accessRole": "reader",
              "timeZone": "UTC", "backgroundColor": "#f83a22", "foregroundColor": "#ffffff", "selected": false }
          ],
          "watch_setup": {
            "success": true, "status": "active", "watches_setup": 2, "message": "Watches created", "failed_calendars": [],
            "watch_results": [
              { "calendar_id": "alice@acme.com", "calendar_summary": "Alice Smith", "channel_id": "ch-1", "expiration": "1790000000000" },
              { "calendar_id": "team@group.calendar.google.com", "calendar_summary": "Team", "channel_id": "ch-2", "expiration": 1790000000000 }
            ]
          },
          "sync_token": "future-field"
        }
        """)!;

    [Fact]
    public async Task ConnectGoogleAsync_ValidCredentials_PostsPrefixedCredentialsAndParsesFullResponse()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", "/calendar/create_calendar", 200, CreateCalendarResponse());
        using var client = TestClients.Create(scope);

        var result = await client.Calendar.ConnectGoogleAsync(Google(), TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("POST", received.Method);
        Assert.Equal("/calendar/create_calendar", received.Url);
        Assert.StartsWith("application/json", received.Headers["Content-Type"], StringComparison.Ordinal);
        var body = received.Json!.AsObject();
        Assert.Equal(3, body.Count);
        Assert.Equal("123-abc.apps.googleusercontent.com", body["google_client_id"]!.GetValue<string>());
        Assert.Equal(GoogleSecret, body["google_client_secret"]!.GetValue<string>());
        Assert.Equal(GoogleRefresh, body["google_refresh_token"]!.GetValue<string>());

        Assert.Equal("cal_7f3a", result.CalendarId);
        Assert.Equal("google_calendar", result.Platform);
        Assert.Equal("alice@acme.com", result.UserEmail);
        Assert.Equal("Alice Smith", result.UserName);
        Assert.Equal("alice@acme.com", result.PrimaryCalendarId);
        Assert.Equal("Calendar connected successfully", result.Message);
        Assert.Equal(2, result.Calendars!.Count);
        var primary = result.Calendars[0];
        Assert.Equal("alice@acme.com", primary.Id);
        Assert.Equal("Alice Smith", primary.Summary);
        Assert.Equal("Work", primary.Description);
        Assert.True(primary.IsPrimary);
        Assert.Equal("owner", primary.AccessRole);
        Assert.Equal("Europe/Berlin", primary.TimeZone);
        Assert.Equal("#9fe1e7", primary.BackgroundColor);
        Assert.Equal("#000000", primary.ForegroundColor);
        Assert.True(primary.Selected);
        Assert.Null(result.Calendars[1].Description);
        Assert.False(result.Calendars[1].Selected);
        var watch = result.WatchSetup!;
        Assert.True(watch.Success);
        Assert.Equal("active", watch.Status);
        Assert.Equal(2, watch.WatchesSetup);
        Assert.Equal("Watches created", watch.Message);
        Assert.Equal(System.Text.Json.JsonValueKind.Array, watch.FailedCalendars!.Value.ValueKind);
        Assert.Equal(2, watch.WatchResults!.Count);
        Assert.Equal("alice@acme.com", watch.WatchResults[0].CalendarId);
        Assert.Equal("Alice Smith", watch.WatchResults[0].CalendarSummary);
        Assert.Equal("ch-1", watch.WatchResults[0].ChannelId);
        Assert.Equal("1790000000000", watch.WatchResults[0].Expiration);
        Assert.Equal("1790000000000", watch.WatchResults[1].Expiration);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1790000000000), watch.WatchResults[1].ExpiresAt);
        Assert.Equal("future-field", result.AdditionalProperties!["sync_token"].GetString());
    }

    [Fact]
    public async Task ConnectGoogleAsync_LegacyResponse_ParsesLegacyCounts()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", "/calendar/create_calendar", 201, JsonNode.Parse("""{"message":"ok","events_fetched":14,"calendars_processed":2,"user_email":"alice@acme.com"}"""));
        using var client = TestClients.Create(scope);

        var result = await client.Calendar.ConnectGoogleAsync(Google(), TestContext.Current.CancellationToken);

        Assert.Equal(14, result.EventsFetched);
        Assert.Equal(2, result.CalendarsProcessed);
        Assert.Equal("alice@acme.com", result.UserEmail);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task ConnectGoogleAsync_EmptyRefreshToken_ThrowsBeforeSending(string token)
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);
        var credentials = new GoogleCalendarCredentials { GoogleClientId = "id", GoogleClientSecret = "secret", GoogleRefreshToken = token };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.Calendar.ConnectGoogleAsync(credentials, TestContext.Current.CancellationToken));

        Assert.Contains("google_refresh_token", error.Message, StringComparison.Ordinal);
        Assert.Equal("credentials", error.ParamName);
        Assert.Empty(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task ConnectGoogleAsync_NullCredentials_ThrowsArgumentNullException()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        await Assert.ThrowsAsync<ArgumentNullException>(() => client.Calendar.ConnectGoogleAsync(null!, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ConnectOutlookAsync_WithReplace_PostsCredentialsAndReplaceFlag()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", "/calendar/create_outlook_calendar", 200, JsonNode.Parse("""
            {"calendar_id":"cal_o1","platform":"outlook","user_email":"bob@contoso.com","user_name":"Bob","primary_calendar_id":"AAMkAGI2","message":"Outlook calendar connected",
             "calendars":[{"id":"AAMkAGI2","summary":"Calendar","isPrimary":true}],"watch_setup":{"success":true,"watches_setup":1,"watch_results":[]}}
            """));
        using var client = TestClients.Create(scope);

        var result = await client.Calendar.ConnectOutlookAsync(
            new ConnectOutlookCalendarRequest { MicrosoftClientId = "app-1", MicrosoftClientSecret = MicrosoftSecret, MicrosoftRefreshToken = MicrosoftRefresh, Replace = true },
            TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("POST", received.Method);
        Assert.Equal("/calendar/create_outlook_calendar", received.Url);
        var body = received.Json!.AsObject();
        Assert.Equal(4, body.Count);
        Assert.Equal("app-1", body["microsoft_client_id"]!.GetValue<string>());
        Assert.Equal(MicrosoftSecret, body["microsoft_client_secret"]!.GetValue<string>());
        Assert.Equal(MicrosoftRefresh, body["microsoft_refresh_token"]!.GetValue<string>());
        Assert.True(body["replace"]!.GetValue<bool>());
        Assert.Equal("cal_o1", result.CalendarId);
        Assert.Equal("outlook", result.Platform);
        Assert.Equal("bob@contoso.com", result.UserEmail);
        Assert.Equal("AAMkAGI2", Assert.Single(result.Calendars!).Id);
        Assert.Equal(1, result.WatchSetup!.WatchesSetup);
    }

    [Fact]
    public async Task ConnectOutlookAsync_WithoutReplace_OmitsReplaceField()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", "/calendar/create_outlook_calendar", 200, JsonNode.Parse("""{"message":"ok"}"""));
        using var client = TestClients.Create(scope);

        await client.Calendar.ConnectOutlookAsync(
            new ConnectOutlookCalendarRequest { MicrosoftClientId = "app-1", MicrosoftClientSecret = MicrosoftSecret, MicrosoftRefreshToken = MicrosoftRefresh },
            TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.False(received.Json!.AsObject().ContainsKey("replace"));
    }

    [Fact]
    public async Task ConnectOutlookAsync_ConnectionExists_ThrowsConflictException()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", "/calendar/create_outlook_calendar", 409, JsonNode.Parse("""{"message":"An Outlook calendar is already connected. Pass replace=true to replace it."}"""));
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<MeetStreamConflictException>(() => client.Calendar.ConnectOutlookAsync(
            new ConnectOutlookCalendarRequest { MicrosoftClientId = "app-1", MicrosoftClientSecret = MicrosoftSecret, MicrosoftRefreshToken = MicrosoftRefresh },
            TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
        Assert.Contains("replace=true", error.ApiMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(MicrosoftSecret, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(MicrosoftRefresh, error.Message, StringComparison.Ordinal);
        Assert.Single(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task DisconnectWithCredentialsAsync_EmptyResponse_PostsCredentialsAndReturnsEmptyResult()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", "/calendar/disconnect", 200);
        using var client = TestClients.Create(scope);

        var result = await client.Calendar.DisconnectWithCredentialsAsync(Google(), TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("POST", received.Method);
        Assert.Equal("/calendar/disconnect", received.Url);
        var body = received.Json!.AsObject();
        Assert.Equal(3, body.Count);
        Assert.Equal("123-abc.apps.googleusercontent.com", body["google_client_id"]!.GetValue<string>());
        Assert.Equal(GoogleSecret, body["google_client_secret"]!.GetValue<string>());
        Assert.Equal(GoogleRefresh, body["google_refresh_token"]!.GetValue<string>());
        Assert.Null(result.Message);
        Assert.Null(result.Success);
        Assert.Null(result.AdditionalProperties);
    }

    [Fact]
    public async Task DisconnectWithCredentialsAsync_MessageResponse_KeepsMessageAndUnknownFields()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", "/calendar/disconnect", 200, JsonNode.Parse("""{"message":"Calendar disconnected","success":true,"events_deleted":12}"""));
        using var client = TestClients.Create(scope);

        var result = await client.Calendar.DisconnectWithCredentialsAsync(Google(), TestContext.Current.CancellationToken);

        Assert.Equal("Calendar disconnected", result.Message);
        Assert.True(result.Success);
        Assert.Equal(12, result.AdditionalProperties!["events_deleted"].GetInt32());
    }

    [Fact]
    public async Task DisconnectAsync_GuideForm_SendsDeleteWithoutBodyAndParsesSummary()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("DELETE", "/calendar/disconnect", 200, JsonNode.Parse("""
            {"disconnected":true,"user_id":"usr_42","watch_channel_stopped":true,"events_deleted":37,"schedules_cancelled":3,"message":"Calendar disconnected. Watch channel stopped, 3 schedules cancelled, 37 events deleted."}
            """));
        using var client = TestClients.Create(scope);

        var result = await client.Calendar.DisconnectAsync(TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("DELETE", received.Method);
        Assert.Equal("/calendar/disconnect", received.Url);
        Assert.Equal(string.Empty, received.Body);
        Assert.True(result.Disconnected);
        Assert.Equal("usr_42", result.UserId);
        Assert.True(result.WatchChannelStopped);
        Assert.Equal(37, result.EventsDeleted);
        Assert.Equal(3, result.SchedulesCancelled);
        Assert.StartsWith("Calendar disconnected.", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisconnectAsync_NumericUserId_ReadsItAsText()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("DELETE", "/calendar/disconnect", 200, JsonNode.Parse("""{"disconnected":true,"user_id":4711}"""));
        using var client = TestClients.Create(scope);

        var result = await client.Calendar.DisconnectAsync(TestContext.Current.CancellationToken);

        Assert.Equal("4711", result.UserId);
    }

    [Fact]
    public void GoogleCalendarCredentials_ToString_MasksSecretAndRefreshToken()
    {
        var text = Google().ToString();

        Assert.Contains("123-abc.apps.googleusercontent.com", text, StringComparison.Ordinal);
        Assert.DoesNotContain(GoogleSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(GoogleRefresh, text, StringComparison.Ordinal);
        Assert.Contains("GoogleClientSecret = ***", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ConnectOutlookCalendarRequest_ToString_MasksSecretAndRefreshToken()
    {
        var text = new ConnectOutlookCalendarRequest { MicrosoftClientId = "app-1", MicrosoftClientSecret = MicrosoftSecret, MicrosoftRefreshToken = MicrosoftRefresh, Replace = true }.ToString();

        Assert.Contains("app-1", text, StringComparison.Ordinal);
        Assert.DoesNotContain(MicrosoftSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(MicrosoftRefresh, text, StringComparison.Ordinal);
        Assert.Contains("MicrosoftRefreshToken = ***", text, StringComparison.Ordinal);
    }
}
