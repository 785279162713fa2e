using System.Text.Json.Nodes;
using MeetStream.Client.Resilience;
using Refit;

namespace MeetStream.Client.Routes;

/// <summary>
/// The calendar routes as Refit declares them; see <see cref="IBotsRoutes"/> for the conventions. Query values are
/// passed already formatted (booleans as <c>true</c>/<c>false</c>, times in RFC 3339); <see langword="null"/> leaves
/// a parameter out.
/// </summary>
internal interface ICalendarRoutes
{
    [Post("/calendar/create_calendar")]
    Task<HttpResponseMessage> CreateCalendar([Body] GoogleCalendarCredentials credentials, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Post("/calendar/create_outlook_calendar")]
    Task<HttpResponseMessage> CreateOutlookCalendar([Body] ConnectOutlookCalendarRequest request, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Post("/calendar/disconnect")]
    Task<HttpResponseMessage> DisconnectWithCredentials([Body] GoogleCalendarCredentials credentials, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Delete("/calendar/disconnect")]
    Task<HttpResponseMessage> Disconnect([Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Get("/calendar")]
    Task<HttpResponseMessage> ListCalendars([AliasAs("provider")] string? provider, [AliasAs("account_id")] string? accountId, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Get("/calendar/calendars")]
    Task<HttpResponseMessage> ListProviderCalendars([AliasAs("provider")] string? provider, [AliasAs("account_id")] string? accountId, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Get("/calendar/connections")]
    Task<HttpResponseMessage> ListConnections([Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Delete("/calendar/connections/{provider}/{account_id}")]
    Task<HttpResponseMessage> RemoveConnection([AliasAs("provider")] string provider, [AliasAs("account_id")] string accountId, [AliasAs("purge_events")] string? purgeEvents, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Get("/calendar/events")]
    Task<HttpResponseMessage> ListEvents(
        [AliasAs("calendar_id")] string? calendarId,
        [AliasAs("time_min")] string? timeMin,
        [AliasAs("time_max")] string? timeMax,
        [AliasAs("sync")] string? sync,
        [AliasAs("limit")] string? limit,
        [AliasAs("cursor")] string? cursor,
        [AliasAs("provider")] string? provider,
        [AliasAs("account_id")] string? accountId,
        [Property(Route.PolicyKey)] RequestPolicy policy,
        CancellationToken cancellationToken);

    [Get("/calendar/get_events")]
    Task<HttpResponseMessage> ListCachedEvents(
        [AliasAs("calendar_id")] string? calendarId,
        [AliasAs("time_min")] string? timeMin,
        [AliasAs("time_max")] string? timeMax,
        [AliasAs("sync")] string? sync,
        [AliasAs("limit")] string? limit,
        [AliasAs("cursor")] string? cursor,
        [AliasAs("provider")] string? provider,
        [AliasAs("account_id")] string? accountId,
        [Property(Route.PolicyKey)] RequestPolicy policy,
        CancellationToken cancellationToken);

    [Post("/calendar/schedule/{event_id}")]
    Task<HttpResponseMessage> ScheduleEvent([AliasAs("event_id")] string eventId, [Body] ScheduleEventRequest request, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Delete("/calendar/schedule/{event_id}")]
    Task<HttpResponseMessage> UnscheduleEvent([AliasAs("event_id")] string eventId, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    /// <remarks>
    /// The same operation with its optional JSON body. Refit has no optional body (a null body would be sent as
    /// <c>null</c>), so the one DELETE with a body is declared twice: 69 operations, 70 methods.
    /// </remarks>
    [Delete("/calendar/schedule/{event_id}")]
    Task<HttpResponseMessage> UnscheduleEventWithBody([AliasAs("event_id")] string eventId, [Body] UnscheduleEventRequest request, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Post("/calendar/toggle-recurrence")]
    Task<HttpResponseMessage> ToggleRecurrence([Body] ToggleRecurrenceBody body, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Post("/calendar/auto-reschedule")]
    Task<HttpResponseMessage> AutoReschedule([Body] AutoRescheduleRequest request, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Post("/calendar/auto-schedule/enable")]
    Task<HttpResponseMessage> EnableAutoSchedule([Body] EnableAutoScheduleBody body, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    /// <remarks>Sends <c>{}</c>.</remarks>
    [Post("/calendar/auto-schedule/disable")]
    Task<HttpResponseMessage> DisableAutoSchedule([Body] JsonNode body, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Get("/calendar/auto-schedule/settings")]
    Task<HttpResponseMessage> GetAutoScheduleSettings([Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Get("/calendar/scheduled_bots")]
    Task<HttpResponseMessage> ListScheduledBots([AliasAs("limit")] string? limit, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Patch("/calendar/scheduled_bots/{bot_id}")]
    Task<HttpResponseMessage> RescheduleBot([AliasAs("bot_id")] string botId, [Body] RescheduleBotRequest request, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Delete("/calendar/scheduled_bots/{bot_id}")]
    Task<HttpResponseMessage> DeleteScheduledBot([AliasAs("bot_id")] string botId, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);
}

/// <summary>The per-route rules of <see cref="ICalendarRoutes"/>.</summary>
internal static class CalendarRoutes
{
    public static readonly Route CreateCalendar = Route.Post("/calendar/create_calendar");
    public static readonly Route CreateOutlookCalendar = Route.Post("/calendar/create_outlook_calendar");
    public static readonly Route DisconnectWithCredentials = Route.Post("/calendar/disconnect");
    public static readonly Route Disconnect = Route.Delete("/calendar/disconnect");
    public static readonly Route ListCalendars = Route.Get("/calendar");
    public static readonly Route ListProviderCalendars = Route.Get("/calendar/calendars");
    public static readonly Route ListConnections = Route.Get("/calendar/connections");
    public static readonly Route RemoveConnection = Route.Delete("/calendar/connections/{provider}/{account_id}");
    public static readonly Route ListEvents = Route.Get("/calendar/events");
    public static readonly Route ListCachedEvents = Route.Get("/calendar/get_events");
    public static readonly Route ScheduleEvent = Route.Post("/calendar/schedule/{event_id}");
    public static readonly Route UnscheduleEvent = Route.Delete("/calendar/schedule/{event_id}");
    public static readonly Route ToggleRecurrence = Route.Post("/calendar/toggle-recurrence", idempotent: true);
    public static readonly Route AutoReschedule = Route.Post("/calendar/auto-reschedule");
    public static readonly Route EnableAutoSchedule = Route.Post("/calendar/auto-schedule/enable", idempotent: true);
    public static readonly Route DisableAutoSchedule = Route.Post("/calendar/auto-schedule/disable", idempotent: true);
    public static readonly Route GetAutoScheduleSettings = Route.Get("/calendar/auto-schedule/settings");
    public static readonly Route ListScheduledBots = Route.Get("/calendar/scheduled_bots");
    public static readonly Route RescheduleBot = Route.Patch("/calendar/scheduled_bots/{bot_id}", idempotent: true);
    public static readonly Route DeleteScheduledBot = Route.Delete("/calendar/scheduled_bots/{bot_id}");
}
