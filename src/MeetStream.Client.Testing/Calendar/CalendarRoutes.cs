using System.Globalization;
using System.Text.Json.Nodes;

namespace MeetStream.Client.Testing;

/// <summary>Calendar connections (§2.5): connecting Google and Outlook accounts, listing their calendars and connections, disconnecting.</summary>
internal sealed class CalendarRoutes(CalendarStore calendar, CalendarScheduling scheduling, SimulatorClock clock, string userId)
{
    public ApiResult ConnectGoogle(ApiCall call)
    {
        var body = call.Body();
        Json.RequiredStr(body, "google_client_id", "the OAuth client id");
        Json.RequiredStr(body, "google_client_secret", "the OAuth client secret");
        var token = Json.RequiredStr(body, "google_refresh_token", "a refresh token with offline access");
        var account = $"calendar.user.{CalendarStore.Hash(token)}@example.com";
        var connection = calendar.Connect("google", account, token, replace: true);
        return ApiResult.Ok(ConnectedBody(connection));
    }

    public ApiResult ConnectOutlook(ApiCall call)
    {
        var body = call.Body();
        Json.RequiredStr(body, "microsoft_client_id", "the Azure app's client id");
        Json.RequiredStr(body, "microsoft_client_secret", "the Azure app's client secret");
        var token = Json.RequiredStr(body, "microsoft_refresh_token", "a refresh token with offline_access");
        var replace = Json.Bool(body, "replace") ?? false;
        if (!replace && calendar.Connections.Any(c => c.Provider == "outlook"))
        {
            throw ApiError.Conflict("An Outlook calendar is already connected; send \"replace\": true to replace it");
        }

        if (replace)
        {
            foreach (var existing in calendar.Connections.Where(c => c.Provider == "outlook").ToArray())
            {
                scheduling.RemoveConnection(existing, purgeEvents: true);
            }
        }

        var connection = calendar.Connect("outlook", $"outlook.user.{CalendarStore.Hash(token)}@example.com", token, replace: false);
        return ApiResult.Ok(ConnectedBody(connection));
    }

    public ApiResult DisconnectWithCredentials(ApiCall call)
    {
        var body = call.Body();
        Json.RequiredStr(body, "google_client_id", "the OAuth client id");
        Json.RequiredStr(body, "google_client_secret", "the OAuth client secret");
        var token = Json.RequiredStr(body, "google_refresh_token", "the refresh token used to connect");
        var connection = calendar.Connections.FirstOrDefault(c => c.Provider == "google" && c.Credential == token)
            ?? throw ApiError.NotFound("No Google calendar is connected with these credentials");
        var (events, schedules) = scheduling.RemoveConnection(connection, purgeEvents: true);
        return ApiResult.Ok(new JsonObject { ["message"] = $"Calendar disconnected; {events} events deleted and {schedules} schedules cancelled", ["success"] = true });
    }

    public ApiResult Disconnect(ApiCall call)
    {
        if (calendar.Connections.Count == 0)
        {
            throw ApiError.NotFound("No calendar is connected");
        }

        int events = 0, schedules = 0;
        foreach (var connection in calendar.Connections.ToArray())
        {
            var (e, s) = scheduling.RemoveConnection(connection, purgeEvents: true);
            events += e;
            schedules += s;
        }

        return ApiResult.Ok(new JsonObject
        {
            ["disconnected"] = true,
            ["user_id"] = userId,
            ["watch_channel_stopped"] = true,
            ["events_deleted"] = events,
            ["schedules_cancelled"] = schedules,
            ["message"] = "Calendar disconnected: watches stopped, pending schedules cancelled, synced events and credentials deleted",
        });
    }

    public ApiResult ListCalendars(ApiCall call)
    {
        var connections = calendar.Filter(call);
        var calendars = connections.SelectMany(c => c.Calendars.Select(cal => (JsonNode?)CalendarBody(c, cal))).ToList();
        return ApiResult.Ok(new JsonObject { ["total"] = calendars.Count, ["user_id"] = userId, ["calendars"] = Json.Array(calendars) });
    }

    public ApiResult ListConnections(ApiCall call) => ApiResult.Ok(new JsonObject
    {
        ["connections"] = Json.Array(calendar.Connections.Select(c => (JsonNode?)new JsonObject
        {
            ["provider"] = c.Provider,
            ["account_id"] = c.AccountId,
            ["user_name"] = c.UserName,
            ["calendars_count"] = c.Calendars.Count,
            ["connected_at"] = Json.Iso(c.CreatedAt),
        })),
    });

    public ApiResult RemoveConnection(ApiCall call)
    {
        var provider = call.PathValue("provider");
        var account = call.PathValue("account_id");
        var connection = calendar.Connections.FirstOrDefault(c => c.Provider == provider && string.Equals(c.AccountId, account, StringComparison.OrdinalIgnoreCase))
            ?? throw ApiError.NotFound($"No {provider} calendar connection for '{account}'");
        var purge = call.QueryBool("purge_events") ?? true;
        var (events, schedules) = scheduling.RemoveConnection(connection, purge);
        return ApiResult.Ok(new JsonObject
        {
            ["message"] = purge ? $"Connection removed; {events} events deleted and {schedules} schedules cancelled" : "Connection removed; event history kept",
            ["success"] = true,
        });
    }

    private JsonObject ConnectedBody(SimCalendarConnection connection)
    {
        var calendars = connection.Calendars.Select(c => (JsonNode?)CalendarBody(connection, c)).ToList();
        return new JsonObject
        {
            ["calendar_id"] = connection.AccountId,
            ["platform"] = connection.Provider,
            ["user_email"] = connection.AccountId,
            ["user_name"] = connection.UserName,
            ["primary_calendar_id"] = connection.AccountId,
            ["message"] = $"{(connection.Provider == "google" ? "Google" : "Outlook")} calendar connected",
            ["calendars"] = Json.Array(calendars),
            ["watch_setup"] = new JsonObject
            {
                ["success"] = true,
                ["status"] = "active",
                ["watches_setup"] = connection.Calendars.Count,
                ["message"] = "Push notifications set up for every calendar",
                ["failed_calendars"] = new JsonArray(),
                ["watch_results"] = Json.Array(connection.Calendars.Select(c => (JsonNode?)new JsonObject
                {
                    ["calendar_id"] = c.Id,
                    ["calendar_summary"] = c.Summary,
                    ["channel_id"] = "chan_" + CalendarStore.Hash(c.Id),
                    ["expiration"] = (clock.UtcNow + TimeSpan.FromDays(7)).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                })),
            },
            ["events_fetched"] = calendar.Events.Count(e => e.Provider == connection.Provider && e.AccountId == connection.AccountId),
            ["calendars_processed"] = connection.Calendars.Count,
        };
    }

    private static JsonObject CalendarBody(SimCalendarConnection connection, (string Id, string Summary, bool Primary) calendar) => new()
    {
        ["id"] = calendar.Id,
        ["summary"] = calendar.Summary,
        ["description"] = calendar.Primary ? "Primary calendar" : "Shared team calendar",
        ["isPrimary"] = calendar.Primary,
        ["accessRole"] = calendar.Primary ? "owner" : "reader",
        ["timeZone"] = "UTC",
        ["backgroundColor"] = calendar.Primary ? "#9fe1e7" : "#f83a22",
        ["foregroundColor"] = "#000000",
        ["selected"] = true,
    };
}
