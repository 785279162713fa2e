namespace MeetStream.Client;

/// <summary>
/// MeetStream calendar integration: connect Google and Outlook calendars, read calendars and events, send bots to
/// events (one-off or recurring), turn on auto-join, and manage bots waiting for their join time. Fake this interface
/// to test code that uses it.
/// </summary>
/// <remarks>
/// Every method throws <see cref="MeetStreamApiException"/> subclasses for error statuses
/// (<see cref="MeetStreamBadRequestException"/> 400, <see cref="MeetStreamAuthenticationException"/> 401,
/// <see cref="MeetStreamPermissionDeniedException"/> 403, <see cref="MeetStreamNotFoundException"/> 404,
/// <see cref="MeetStreamConflictException"/> 409, <see cref="MeetStreamRateLimitException"/> 429,
/// <see cref="MeetStreamServerException"/> 5xx), <see cref="MeetStreamConnectionException"/> and
/// <see cref="MeetStreamTimeoutException"/> for transport failures, and
/// <see cref="MeetStreamUnexpectedResponseException"/> when a success body cannot be read.
/// </remarks>
public interface ICalendarClient
{
    /// <summary>Connects a Google calendar (<c>POST /calendar/create_calendar</c>) and sets up push notifications for its calendars.</summary>
    /// <param name="credentials">The Google OAuth client id, client secret and refresh token.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The connected account, its calendars and the watch setup.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="credentials"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A credential is empty.</exception>
    /// <exception cref="MeetStreamApiException">MeetStream refused the request (400 for invalid or unprefixed credentials).</exception>
    Task<ConnectCalendarResponse> ConnectGoogleAsync(GoogleCalendarCredentials credentials, CancellationToken cancellationToken = default);

    /// <summary>Connects an Outlook / Microsoft 365 calendar (<c>POST /calendar/create_outlook_calendar</c>).</summary>
    /// <param name="request">The Microsoft OAuth credentials and whether to replace an existing connection.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The connected account as far as MeetStream reports it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A credential is empty.</exception>
    /// <exception cref="MeetStreamConflictException">An Outlook connection exists and <see cref="ConnectOutlookCalendarRequest.Replace"/> was not set (409).</exception>
    /// <exception cref="MeetStreamApiException">MeetStream refused the request.</exception>
    Task<ConnectCalendarResponse> ConnectOutlookAsync(ConnectOutlookCalendarRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Disconnects the Google calendar identified by its credentials: the API reference's form
    /// (<c>POST /calendar/disconnect</c> with the <c>CalendarCreateRequest</c> body), also used by the official SDKs.
    /// Irreversible: watches stop, pending schedules are cancelled, synced events and the credentials are deleted.
    /// </summary>
    /// <remarks>
    /// The documentation disagrees on how to disconnect. Use this method when you still hold the OAuth credentials;
    /// use <see cref="DisconnectAsync"/> (the guide's body-less <c>DELETE</c>, which also reports what was removed)
    /// when you do not, or when this form answers 404/405 on your account.
    /// </remarks>
    /// <param name="credentials">The credentials the calendar was connected with.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The API's answer; the API reference documents an empty body, which gives an instance with every property <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="credentials"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A credential is empty.</exception>
    /// <exception cref="MeetStreamApiException">MeetStream refused the request.</exception>
    Task<CalendarActionResponse> DisconnectWithCredentialsAsync(GoogleCalendarCredentials credentials, CancellationToken cancellationToken = default);

    /// <summary>
    /// Disconnects your calendar the way the current guide documents it (<c>DELETE /calendar/disconnect</c>, no body)
    /// and reports what was removed. Irreversible: watches stop, pending schedules are cancelled, synced events and
    /// the credentials are deleted.
    /// </summary>
    /// <remarks>
    /// The API reference documents <c>POST</c> with credentials instead (<see cref="DisconnectWithCredentialsAsync"/>);
    /// if this form answers 404/405 on your account, use that one. To remove one of several connections, use
    /// <see cref="RemoveConnectionAsync"/>.
    /// </remarks>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>What was stopped, cancelled and deleted.</returns>
    /// <exception cref="MeetStreamApiException">MeetStream refused the request.</exception>
    Task<CalendarDisconnectResponse> DisconnectAsync(CancellationToken cancellationToken = default);

    /// <summary>Lists the calendars of your connected accounts (<c>GET /calendar</c>).</summary>
    /// <param name="provider">Only this provider's connections (<c>provider</c>); required with <paramref name="accountId"/>.</param>
    /// <param name="accountId">Only this account (<c>account_id</c>, its email address; URL-encoded by the SDK).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The calendars.</returns>
    /// <exception cref="ArgumentException"><paramref name="accountId"/> is set without <paramref name="provider"/>, or either is empty.</exception>
    /// <exception cref="MeetStreamApiException">MeetStream refused the request.</exception>
    Task<CalendarList> ListCalendarsAsync(CalendarProvider? provider = null, string? accountId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists the calendars live from the provider (<c>GET /calendar/calendars</c>, guide-only alternate of
    /// <see cref="ListCalendarsAsync"/>, same shape).
    /// </summary>
    /// <param name="provider">Only this provider's connections (<c>provider</c>); required with <paramref name="accountId"/>.</param>
    /// <param name="accountId">Only this account (<c>account_id</c>, its email address).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The calendars.</returns>
    /// <exception cref="ArgumentException"><paramref name="accountId"/> is set without <paramref name="provider"/>, or either is empty.</exception>
    /// <exception cref="MeetStreamApiException">MeetStream refused the request.</exception>
    Task<CalendarList> ListProviderCalendarsAsync(CalendarProvider? provider = null, string? accountId = null, CancellationToken cancellationToken = default);

    /// <summary>Lists your calendar connections, keyed by provider and account (<c>GET /calendar/connections</c>, guide-only).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The connections; the response shape is undocumented, so unknown fields land in <c>AdditionalProperties</c>.</returns>
    /// <exception cref="MeetStreamApiException">MeetStream refused the request.</exception>
    Task<CalendarConnectionList> ListConnectionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Removes one calendar connection (<c>DELETE /calendar/connections/{provider}/{account_id}</c>, guide-only).</summary>
    /// <param name="provider">The connection's provider, <see cref="CalendarProvider.Google"/> or <see cref="CalendarProvider.Outlook"/>.</param>
    /// <param name="accountId">The connection's account id (its email address; URL-encoded by the SDK).</param>
    /// <param name="purgeEvents"><see langword="false"/> keeps the synced event history (<c>purge_events=false</c>); <see langword="null"/> leaves the API default.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The API's answer (undocumented; empty gives every property <see langword="null"/>).</returns>
    /// <exception cref="ArgumentException"><paramref name="provider"/> or <paramref name="accountId"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="accountId"/> is <see langword="null"/>.</exception>
    /// <exception cref="MeetStreamNotFoundException">No such connection (404).</exception>
    /// <exception cref="MeetStreamApiException">MeetStream refused the request.</exception>
    Task<CalendarActionResponse> RemoveConnectionAsync(CalendarProvider provider, string accountId, bool? purgeEvents = null, CancellationToken cancellationToken = default);

    /// <summary>Syncs with the provider, then returns one page of events (<c>GET /calendar/events</c>).</summary>
    /// <param name="options">Filters, page size and cursor; <see langword="null"/> for the first page without filters.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The page; <see cref="CalendarEventPage.NextCursor"/> leads to the next one.</returns>
    /// <exception cref="ArgumentException">The options break a documented rule (see <see cref="CalendarEventListOptions"/>).</exception>
    /// <exception cref="MeetStreamApiException">MeetStream refused the request.</exception>
    Task<CalendarEventPage> ListEventsAsync(CalendarEventListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Enumerates every event of <c>GET /calendar/events</c>, requesting the next page as the previous one is used up.
    /// </summary>
    /// <remarks>
    /// <c>next</c> is followed whether it is a bare cursor (sent as <c>cursor</c> with your other options) or a URL
    /// (its query parameters are sent to the same endpoint under your configured base URL, with any of your options
    /// it leaves out; its host is never contacted). Paging stops when <c>has_more</c> is <see langword="false"/> or
    /// <c>next</c> is empty; a repeated <c>next</c> throws <see cref="MeetStreamException"/> instead of looping.
    /// Every page request carries your options, including <see cref="CalendarEventListOptions.Sync"/>.
    /// </remarks>
    /// <param name="options">Filters and page size; <see cref="CalendarEventListOptions.Cursor"/> starts mid-way.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The events, in the API's order.</returns>
    /// <exception cref="ArgumentException">The options break a documented rule (thrown at once, before any request).</exception>
    /// <exception cref="MeetStreamApiException">MeetStream refused a page request.</exception>
    IAsyncEnumerable<CalendarEvent> ListAllEventsAsync(CalendarEventListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Returns one page of events from MeetStream's cache without syncing with the provider (<c>GET /calendar/get_events</c>, guide-only).</summary>
    /// <param name="options">Filters, page size and cursor (<see cref="CalendarEventListOptions.Sync"/> has no documented effect here).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentException">The options break a documented rule.</exception>
    /// <exception cref="MeetStreamApiException">MeetStream refused the request.</exception>
    Task<CalendarEventPage> ListCachedEventsAsync(CalendarEventListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Enumerates every cached event of <c>GET /calendar/get_events</c>, following pages like <see cref="ListAllEventsAsync"/>.</summary>
    /// <param name="options">Filters and page size.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The events, in the API's order.</returns>
    /// <exception cref="ArgumentException">The options break a documented rule (thrown at once, before any request).</exception>
    /// <exception cref="MeetStreamApiException">MeetStream refused a page request.</exception>
    IAsyncEnumerable<CalendarEvent> ListAllCachedEventsAsync(CalendarEventListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Sends a bot to a calendar event (<c>POST /calendar/schedule/{event_id}</c>); for recurring events, to one, the next or all occurrences.</summary>
    /// <param name="eventId">MeetStream's event id (<see cref="CalendarEvent.Id"/>).</param>
    /// <param name="request">The bot and the occurrences to schedule.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The scheduled bot and when it joins.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="eventId"/> or <paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="eventId"/> is empty, or the request breaks a documented rule.</exception>
    /// <exception cref="MeetStreamConflictException">The event already has a bot (409; the body names it).</exception>
    /// <exception cref="MeetStreamNotFoundException">No such event (404).</exception>
    /// <exception cref="MeetStreamApiException">MeetStream refused the request.</exception>
    Task<ScheduleEventResponse> ScheduleEventAsync(string eventId, ScheduleEventRequest request, CancellationToken cancellationToken = default);

    /// <summary>Cancels the bot scheduled for an event (<c>DELETE /calendar/schedule/{event_id}</c>), optionally for the whole recurring series.</summary>
    /// <param name="eventId">MeetStream's event id.</param>
    /// <param name="request">Which occurrences to cancel; <see langword="null"/> sends no body (this event only).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>What was cancelled (guide fields; an empty body gives every property <see langword="null"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="eventId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="eventId"/> is empty.</exception>
    /// <exception cref="MeetStreamNotFoundException">No such event or schedule (404).</exception>
    /// <exception cref="MeetStreamApiException">MeetStream refused the request.</exception>
    Task<UnscheduleEventResponse> UnscheduleEventAsync(string eventId, UnscheduleEventRequest? request = null, CancellationToken cancellationToken = default);

    /// <summary>Turns automatic scheduling of a recurring event's next occurrence on or off (<c>POST /calendar/toggle-recurrence</c>).</summary>
    /// <param name="eventId">MeetStream's event id (<c>event_id</c>).</param>
    /// <param name="recurringEnabled">Whether the next occurrence is scheduled automatically (<c>recurring_enabled</c>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The API's answer (undocumented; empty gives every property <see langword="null"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="eventId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="eventId"/> is empty.</exception>
    /// <exception cref="MeetStreamApiException">MeetStream refused the request.</exception>
    Task<CalendarActionResponse> ToggleRecurrenceAsync(string eventId, bool recurringEnabled, CancellationToken cancellationToken = default);

    /// <summary>Reschedules the next occurrence of a recurring event now (<c>POST /calendar/auto-reschedule</c>, guide-only; body undocumented).</summary>
    /// <param name="request">The event id and any further fields the API expects.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The API's answer (undocumented; empty gives every property <see langword="null"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><see cref="AutoRescheduleRequest.EventId"/> is set but empty.</exception>
    /// <exception cref="MeetStreamApiException">MeetStream refused the request.</exception>
    Task<CalendarActionResponse> AutoRescheduleAsync(AutoRescheduleRequest request, CancellationToken cancellationToken = default);

    /// <summary>Turns on auto-join with the bot to send to every meeting (<c>POST /calendar/auto-schedule/enable</c>).</summary>
    /// <param name="defaultBotConfig">The bot auto-join sends (<c>default_bot_config</c>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new settings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="defaultBotConfig"/> is <see langword="null"/>.</exception>
    /// <exception cref="MeetStreamApiException">MeetStream refused the request.</exception>
    Task<AutoScheduleSettings> EnableAutoScheduleAsync(AutoScheduleBotConfig defaultBotConfig, CancellationToken cancellationToken = default);

    /// <summary>Turns auto-join off (<c>POST /calendar/auto-schedule/disable</c>; the SDK sends <c>{}</c> like the official SDKs).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The API's answer (undocumented; read as settings, empty gives every property <see langword="null"/>).</returns>
    /// <exception cref="MeetStreamApiException">MeetStream refused the request.</exception>
    Task<AutoScheduleSettings> DisableAutoScheduleAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads the auto-join settings (<c>GET /calendar/auto-schedule/settings</c>).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Whether auto-join is on and the bot it sends.</returns>
    /// <exception cref="MeetStreamApiException">MeetStream refused the request.</exception>
    Task<AutoScheduleSettings> GetAutoScheduleSettingsAsync(CancellationToken cancellationToken = default);

    /// <summary>Lists the bots waiting for their join time (<c>GET /calendar/scheduled_bots</c>), from calendars and create_bot <c>join_at</c>.</summary>
    /// <param name="limit">At most this many bots, 1–100 (<c>limit</c>); <see langword="null"/> for the API default of 100.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The scheduled bots.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is outside 1–100.</exception>
    /// <exception cref="MeetStreamApiException">MeetStream refused the request.</exception>
    Task<ScheduledBotList> ListScheduledBotsAsync(int? limit = null, CancellationToken cancellationToken = default);

    /// <summary>Moves a scheduled bot to a new join time and optionally renames it or replaces its metadata (<c>PATCH /calendar/scheduled_bots/{bot_id}</c>).</summary>
    /// <param name="botId">The scheduled bot's id.</param>
    /// <param name="request">The new join time (sent with its offset) and optional name and metadata.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Which fields changed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="botId"/> or <paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="botId"/> is empty, or <see cref="RescheduleBotRequest.ScheduledJoinTime"/> is unset.</exception>
    /// <exception cref="MeetStreamBadRequestException">The bot already joined or the time is invalid (400).</exception>
    /// <exception cref="MeetStreamNotFoundException">No such scheduled bot (404).</exception>
    /// <exception cref="MeetStreamApiException">MeetStream refused the request.</exception>
    Task<RescheduleBotResponse> RescheduleBotAsync(string botId, RescheduleBotRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes a bot that has not joined yet (<c>DELETE /calendar/scheduled_bots/{bot_id}</c>); remove an active bot with the bots client instead.</summary>
    /// <param name="botId">The scheduled bot's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The deleted bot's id and a message.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="botId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="botId"/> is empty.</exception>
    /// <exception cref="MeetStreamNotFoundException">No such scheduled bot (404).</exception>
    /// <exception cref="MeetStreamApiException">MeetStream refused the request.</exception>
    Task<DeleteScheduledBotResponse> DeleteScheduledBotAsync(string botId, CancellationToken cancellationToken = default);
}
