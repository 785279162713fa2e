using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using MeetStream.Client.Http;
using MeetStream.Client.Routes;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>The REST implementation of <see cref="ICalendarClient"/>.</summary>
internal sealed class CalendarClient : ICalendarClient
{
    private const string EventsPath = "/calendar/events";
    private const string CachedEventsPath = "/calendar/get_events";
    private readonly MeetStreamTransport _transport;

    public CalendarClient(MeetStreamTransport transport) => _transport = transport;

    /// <inheritdoc />
    public async Task<ConnectCalendarResponse> ConnectGoogleAsync(GoogleCalendarCredentials credentials, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        credentials.Validate(nameof(credentials));
        return (await _transport.SendAsync(new RouteCall(CalendarRoutes.CreateCalendar), credentials, static (routes, body, ct) => routes.Calendar.CreateCalendar(body, CalendarRoutes.CreateCalendar.Policy, ct), MeetStreamJsonContext.Default.ConnectCalendarResponse, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <inheritdoc />
    public async Task<ConnectCalendarResponse> ConnectOutlookAsync(ConnectOutlookCalendarRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate(nameof(request));
        return await SendAllowingEmptyAsync(new RouteCall(CalendarRoutes.CreateOutlookCalendar), request, static (routes, body, ct) => routes.Calendar.CreateOutlookCalendar(body, CalendarRoutes.CreateOutlookCalendar.Policy, ct), MeetStreamJsonContext.Default.ConnectCalendarResponse, static () => new ConnectCalendarResponse(), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<CalendarActionResponse> DisconnectWithCredentialsAsync(GoogleCalendarCredentials credentials, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        credentials.Validate(nameof(credentials));
        return SendActionAsync(new RouteCall(CalendarRoutes.DisconnectWithCredentials), credentials, static (routes, body, ct) => routes.Calendar.DisconnectWithCredentials(body, CalendarRoutes.DisconnectWithCredentials.Policy, ct), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<CalendarDisconnectResponse> DisconnectAsync(CancellationToken cancellationToken = default)
    {
        return await SendAllowingEmptyAsync(new RouteCall(CalendarRoutes.Disconnect), 0, static (routes, _, ct) => routes.Calendar.Disconnect(CalendarRoutes.Disconnect.Policy, ct), MeetStreamJsonContext.Default.CalendarDisconnectResponse, static () => new CalendarDisconnectResponse(), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<CalendarList> ListCalendarsAsync(CalendarProvider? provider = null, string? accountId = null, CancellationToken cancellationToken = default) =>
        ListCalendarsCoreAsync(providerCalendars: false, provider, accountId, cancellationToken);

    /// <inheritdoc />
    public Task<CalendarList> ListProviderCalendarsAsync(CalendarProvider? provider = null, string? accountId = null, CancellationToken cancellationToken = default) =>
        ListCalendarsCoreAsync(providerCalendars: true, provider, accountId, cancellationToken);

    /// <inheritdoc />
    public async Task<CalendarConnectionList> ListConnectionsAsync(CancellationToken cancellationToken = default)
    {
        var request = new RouteCall(CalendarRoutes.ListConnections);
        var response = await _transport.SendAsync(request, 0, static (routes, _, ct) => routes.Calendar.ListConnections(CalendarRoutes.ListConnections.Policy, ct), cancellationToken).ConfigureAwait(false);
        if (response.Value is not { } json || json.ValueKind == JsonValueKind.Null)
        {
            return new CalendarConnectionList { Connections = [] };
        }

        // The shape is undocumented: accept a bare array of connections as well as {"connections": [...]}.
        if (json.ValueKind == JsonValueKind.Array)
        {
            var items = Deserialize(request, response, json, MeetStreamJsonContext.Default.IReadOnlyListCalendarConnection);
            return new CalendarConnectionList { Connections = items ?? [] };
        }

        return Deserialize(request, response, json, MeetStreamJsonContext.Default.CalendarConnectionList) ?? new CalendarConnectionList();
    }

    /// <inheritdoc />
    public Task<CalendarActionResponse> RemoveConnectionAsync(CalendarProvider provider, string accountId, bool? purgeEvents = null, CancellationToken cancellationToken = default)
    {
        RequireProvider(provider, nameof(provider));
        ApiRequest.RequireValue(provider.Value, nameof(provider));
        ApiRequest.RequireValue(accountId, nameof(accountId));
        var purge = purgeEvents is null ? null : purgeEvents.Value ? "true" : "false";
        return SendActionAsync(
            new RouteCall(CalendarRoutes.RemoveConnection, provider.Value, accountId),
            (provider: provider.Value, accountId, purge),
            static (routes, state, ct) => routes.Calendar.RemoveConnection(state.provider, state.accountId, state.purge, CalendarRoutes.RemoveConnection.Policy, ct),
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<CalendarEventPage> ListEventsAsync(CalendarEventListOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new CalendarEventListOptions();
        options.Validate(nameof(options));
        return (await SendEventsPageAsync(cached: false, options, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <inheritdoc />
    public IAsyncEnumerable<CalendarEvent> ListAllEventsAsync(CalendarEventListOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new CalendarEventListOptions();
        options.Validate(nameof(options));
        return EnumerateEventsAsync(cached: false, options, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<CalendarEventPage> ListCachedEventsAsync(CalendarEventListOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new CalendarEventListOptions();
        options.Validate(nameof(options));
        return (await SendEventsPageAsync(cached: true, options, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <inheritdoc />
    public IAsyncEnumerable<CalendarEvent> ListAllCachedEventsAsync(CalendarEventListOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new CalendarEventListOptions();
        options.Validate(nameof(options));
        return EnumerateEventsAsync(cached: true, options, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ScheduleEventResponse> ScheduleEventAsync(string eventId, ScheduleEventRequest request, CancellationToken cancellationToken = default)
    {
        RequireId(eventId, nameof(eventId));
        ArgumentNullException.ThrowIfNull(request);
        request.Validate(nameof(request));
        return (await _transport.SendAsync(
            new RouteCall(CalendarRoutes.ScheduleEvent, eventId),
            (eventId, request),
            static (routes, state, ct) => routes.Calendar.ScheduleEvent(state.eventId, state.request, CalendarRoutes.ScheduleEvent.Policy, ct),
            MeetStreamJsonContext.Default.ScheduleEventResponse,
            cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <inheritdoc />
    public async Task<UnscheduleEventResponse> UnscheduleEventAsync(string eventId, UnscheduleEventRequest? request = null, CancellationToken cancellationToken = default)
    {
        RequireId(eventId, nameof(eventId));
        return await SendAllowingEmptyAsync(
            new RouteCall(CalendarRoutes.UnscheduleEvent, eventId),
            (eventId, request),
            static (routes, state, ct) => state.request is null
                ? routes.Calendar.UnscheduleEvent(state.eventId, CalendarRoutes.UnscheduleEvent.Policy, ct)
                : routes.Calendar.UnscheduleEventWithBody(state.eventId, state.request, CalendarRoutes.UnscheduleEvent.Policy, ct),
            MeetStreamJsonContext.Default.UnscheduleEventResponse,
            static () => new UnscheduleEventResponse(),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<CalendarActionResponse> ToggleRecurrenceAsync(string eventId, bool recurringEnabled, CancellationToken cancellationToken = default)
    {
        RequireId(eventId, nameof(eventId));
        var body = new ToggleRecurrenceBody { EventId = eventId, RecurringEnabled = recurringEnabled };
        return SendActionAsync(new RouteCall(CalendarRoutes.ToggleRecurrence), body, static (routes, body, ct) => routes.Calendar.ToggleRecurrence(body, CalendarRoutes.ToggleRecurrence.Policy, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<CalendarActionResponse> AutoRescheduleAsync(AutoRescheduleRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.EventId is not null && string.IsNullOrWhiteSpace(request.EventId))
        {
            throw new ArgumentException("EventId (event_id) must not be empty or white space when set.", nameof(request));
        }

        return SendActionAsync(new RouteCall(CalendarRoutes.AutoReschedule), request, static (routes, body, ct) => routes.Calendar.AutoReschedule(body, CalendarRoutes.AutoReschedule.Policy, ct), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<AutoScheduleSettings> EnableAutoScheduleAsync(AutoScheduleBotConfig defaultBotConfig, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(defaultBotConfig);
        var body = new EnableAutoScheduleBody { DefaultBotConfig = defaultBotConfig };
        return await SendAllowingEmptyAsync(new RouteCall(CalendarRoutes.EnableAutoSchedule), body, static (routes, body, ct) => routes.Calendar.EnableAutoSchedule(body, CalendarRoutes.EnableAutoSchedule.Policy, ct), MeetStreamJsonContext.Default.AutoScheduleSettings, static () => new AutoScheduleSettings(), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<AutoScheduleSettings> DisableAutoScheduleAsync(CancellationToken cancellationToken = default)
    {
        return await SendAllowingEmptyAsync(new RouteCall(CalendarRoutes.DisableAutoSchedule), 0, static (routes, _, ct) => routes.Calendar.DisableAutoSchedule(new JsonObject(), CalendarRoutes.DisableAutoSchedule.Policy, ct), MeetStreamJsonContext.Default.AutoScheduleSettings, static () => new AutoScheduleSettings(), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<AutoScheduleSettings> GetAutoScheduleSettingsAsync(CancellationToken cancellationToken = default)
    {
        return (await _transport.SendAsync(new RouteCall(CalendarRoutes.GetAutoScheduleSettings), 0, static (routes, _, ct) => routes.Calendar.GetAutoScheduleSettings(CalendarRoutes.GetAutoScheduleSettings.Policy, ct), MeetStreamJsonContext.Default.AutoScheduleSettings, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <inheritdoc />
    public async Task<ScheduledBotList> ListScheduledBotsAsync(int? limit = null, CancellationToken cancellationToken = default)
    {
        if (limit is { } value && value is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), value, $"limit must be between 1 and 100 (the API's documented range); got {value}.");
        }

        var text = limit?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (await _transport.SendAsync(new RouteCall(CalendarRoutes.ListScheduledBots), text, static (routes, limit, ct) => routes.Calendar.ListScheduledBots(limit, CalendarRoutes.ListScheduledBots.Policy, ct), MeetStreamJsonContext.Default.ScheduledBotList, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <inheritdoc />
    public async Task<RescheduleBotResponse> RescheduleBotAsync(string botId, RescheduleBotRequest request, CancellationToken cancellationToken = default)
    {
        RequireId(botId, nameof(botId));
        ArgumentNullException.ThrowIfNull(request);
        if (request.ScheduledJoinTime == default)
        {
            throw new ArgumentException("ScheduledJoinTime (scheduled_join_time) is required: set the new join time with its offset.", nameof(request));
        }

        if (request.BotUsername is not null && string.IsNullOrWhiteSpace(request.BotUsername))
        {
            throw new ArgumentException("BotUsername (bot_username) must not be empty or white space when set.", nameof(request));
        }

        return (await _transport.SendAsync(
            new RouteCall(CalendarRoutes.RescheduleBot, botId),
            (botId, request),
            static (routes, state, ct) => routes.Calendar.RescheduleBot(state.botId, state.request, CalendarRoutes.RescheduleBot.Policy, ct),
            MeetStreamJsonContext.Default.RescheduleBotResponse,
            cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <inheritdoc />
    public async Task<DeleteScheduledBotResponse> DeleteScheduledBotAsync(string botId, CancellationToken cancellationToken = default)
    {
        RequireId(botId, nameof(botId));
        return await SendAllowingEmptyAsync(
            new RouteCall(CalendarRoutes.DeleteScheduledBot, botId),
            botId,
            static (routes, id, ct) => routes.Calendar.DeleteScheduledBot(id, CalendarRoutes.DeleteScheduledBot.Policy, ct),
            MeetStreamJsonContext.Default.DeleteScheduledBotResponse,
            static () => new DeleteScheduledBotResponse(),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<CalendarList> ListCalendarsCoreAsync(bool providerCalendars, CalendarProvider? provider, string? accountId, CancellationToken cancellationToken)
    {
        var filter = new CalendarEventListOptions { Provider = provider, AccountId = accountId };
        filter.Validate(accountId is not null && provider is null ? nameof(accountId) : nameof(provider));
        var state = (provider: provider?.Value, accountId);
        var response = providerCalendars
            ? await _transport.SendAsync(new RouteCall(CalendarRoutes.ListProviderCalendars), state, static (routes, state, ct) => routes.Calendar.ListProviderCalendars(state.provider, state.accountId, CalendarRoutes.ListProviderCalendars.Policy, ct), MeetStreamJsonContext.Default.CalendarList, cancellationToken).ConfigureAwait(false)
            : await _transport.SendAsync(new RouteCall(CalendarRoutes.ListCalendars), state, static (routes, state, ct) => routes.Calendar.ListCalendars(state.provider, state.accountId, CalendarRoutes.ListCalendars.Policy, ct), MeetStreamJsonContext.Default.CalendarList, cancellationToken).ConfigureAwait(false);
        return response.Value;
    }

    private async IAsyncEnumerable<CalendarEvent> EnumerateEventsAsync(bool cached, CalendarEventListOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var path = cached ? CachedEventsPath : EventsPath;
        var pageOptions = options;
        string? link = null;
        var followed = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            // A next link that is a URL is the one page request Refit cannot express: only its query is reused, against
            // the configured base URL (its host is never contacted), and its parameter names are the server's.
            var page = (link is null
                ? await SendEventsPageAsync(cached, pageOptions, cancellationToken).ConfigureAwait(false)
                : await _transport.SendAsync(FollowUrl(path, link, options), MeetStreamJsonContext.Default.CalendarEventPage, cancellationToken).ConfigureAwait(false)).Value;
            foreach (var item in page.Results ?? [])
            {
                yield return item;
            }

            var next = page.Next;
            if (page.HasMore == false || string.IsNullOrWhiteSpace(next))
            {
                yield break;
            }

            if (!followed.Add(next))
            {
                throw new MeetStreamException($"MeetStream returned the page link '{next}' for {path} a second time; stopping instead of reading the same pages forever. Page by hand with ListEventsAsync and CalendarEventListOptions.Cursor.");
            }

            if (CalendarPaging.IsUrl(next))
            {
                link = next;
            }
            else
            {
                link = null;
                pageOptions = options.WithCursor(next);
            }
        }
    }

    private Task<ApiResponse<CalendarEventPage>> SendEventsPageAsync(bool cached, CalendarEventListOptions options, CancellationToken cancellationToken) =>
        cached
            ? _transport.SendAsync(
                new RouteCall(CalendarRoutes.ListCachedEvents),
                options,
                static (routes, o, ct) => routes.Calendar.ListCachedEvents(o.CalendarId, TimeOf(o.TimeMin), TimeOf(o.TimeMax), BoolOf(o.Sync), IntOf(o.Limit), o.Cursor, o.Provider?.Value, o.AccountId, CalendarRoutes.ListCachedEvents.Policy, ct),
                MeetStreamJsonContext.Default.CalendarEventPage,
                cancellationToken)
            : _transport.SendAsync(
                new RouteCall(CalendarRoutes.ListEvents),
                options,
                static (routes, o, ct) => routes.Calendar.ListEvents(o.CalendarId, TimeOf(o.TimeMin), TimeOf(o.TimeMax), BoolOf(o.Sync), IntOf(o.Limit), o.Cursor, o.Provider?.Value, o.AccountId, CalendarRoutes.ListEvents.Policy, ct),
                MeetStreamJsonContext.Default.CalendarEventPage,
                cancellationToken);

    private static string? TimeOf(DateTimeOffset? time) => time is { } value ? CalendarTime.Format(value) : null;

    private static string? BoolOf(bool? value) => value is null ? null : value.Value ? "true" : "false";

    private static string? IntOf(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static ApiRequest FollowUrl(string path, string url, CalendarEventListOptions options)
    {
        var request = ApiRequest.Get(path);
        var fromUrl = CalendarPaging.QueryOf(url);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in fromUrl)
        {
            names.Add(name);
            request.WithQuery(name, value);
        }

        foreach (var (name, value) in QueryOf(options))
        {
            if (!names.Contains(name) && name != "cursor")
            {
                request.WithQuery(name, value);
            }
        }

        return request;
    }

    private static IEnumerable<KeyValuePair<string, string>> QueryOf(CalendarEventListOptions options)
    {
        if (options.CalendarId is { } calendarId)
        {
            yield return new("calendar_id", calendarId);
        }

        if (options.TimeMin is { } min)
        {
            yield return new("time_min", CalendarTime.Format(min));
        }

        if (options.TimeMax is { } max)
        {
            yield return new("time_max", CalendarTime.Format(max));
        }

        if (options.Sync is { } sync)
        {
            yield return new("sync", sync ? "true" : "false");
        }

        if (options.Limit is { } limit)
        {
            yield return new("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (options.Cursor is { } cursor)
        {
            yield return new("cursor", cursor);
        }

        if (options.Provider is { } provider)
        {
            yield return new("provider", provider.Value);
        }

        if (options.AccountId is { } accountId)
        {
            yield return new("account_id", accountId);
        }
    }

    private Task<CalendarActionResponse> SendActionAsync<TState>(RouteCall request, TState state, RouteSend<TState> send, CancellationToken cancellationToken) =>
        SendAllowingEmptyAsync(request, state, send, MeetStreamJsonContext.Default.CalendarActionResponse, static () => new CalendarActionResponse(), cancellationToken);

    /// <summary>Sends a request whose success body may be empty, not JSON or not an object: those give <paramref name="empty"/>.</summary>
    private async Task<T> SendAllowingEmptyAsync<TState, T>(RouteCall request, TState state, RouteSend<TState> send, JsonTypeInfo<T> typeInfo, Func<T> empty, CancellationToken cancellationToken)
        where T : class
    {
        var response = await _transport.SendAsync(request, state, send, cancellationToken).ConfigureAwait(false);
        if (response.Value is not { ValueKind: JsonValueKind.Object } json)
        {
            return empty();
        }

        return Deserialize(request, response, json, typeInfo) ?? empty();
    }

    private static T? Deserialize<T>(RouteCall call, ApiResponse<JsonElement?> response, JsonElement json, JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return json.Deserialize(typeInfo);
        }
        catch (JsonException ex)
        {
            var request = call.Describe();
            var body = json.GetRawText();
            throw new MeetStreamUnexpectedResponseException(
                $"MeetStream answered {request.Method.Method} {request.Path} with {(int)response.StatusCode} but the body is not the documented {typeof(T).Name} JSON: {ex.Message}",
                new MeetStreamErrorDetails(response.StatusCode, request.Method.Method, request.Path, null, response.RequestId, body.Length > 65536 ? body[..65536] : body),
                ex);
        }
    }

    private static void RequireId(string value, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{parameterName} must not be empty or white space.", parameterName);
        }
    }

    private static void RequireProvider(CalendarProvider provider, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(provider.Value))
        {
            throw new ArgumentException($"{parameterName} must not be empty; use CalendarProvider.Google or CalendarProvider.Outlook.", parameterName);
        }
    }
}
