using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MeetStream.Client.Http;
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
        var request = ApiRequest.Post("/calendar/create_calendar").WithJson(credentials, MeetStreamJsonContext.Default.GoogleCalendarCredentials);
        return (await _transport.SendAsync(request, MeetStreamJsonContext.Default.ConnectCalendarResponse, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <inheritdoc />
    public async Task<ConnectCalendarResponse> ConnectOutlookAsync(ConnectOutlookCalendarRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate(nameof(request));
        var api = ApiRequest.Post("/calendar/create_outlook_calendar").WithJson(request, MeetStreamJsonContext.Default.ConnectOutlookCalendarRequest);
        return await SendAllowingEmptyAsync(api, MeetStreamJsonContext.Default.ConnectCalendarResponse, static () => new ConnectCalendarResponse(), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<CalendarActionResponse> DisconnectWithCredentialsAsync(GoogleCalendarCredentials credentials, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        credentials.Validate(nameof(credentials));
        var request = ApiRequest.Post("/calendar/disconnect").WithJson(credentials, MeetStreamJsonContext.Default.GoogleCalendarCredentials);
        return SendActionAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<CalendarDisconnectResponse> DisconnectAsync(CancellationToken cancellationToken = default)
    {
        var request = ApiRequest.Delete("/calendar/disconnect");
        return await SendAllowingEmptyAsync(request, MeetStreamJsonContext.Default.CalendarDisconnectResponse, static () => new CalendarDisconnectResponse(), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<CalendarList> ListCalendarsAsync(CalendarProvider? provider = null, string? accountId = null, CancellationToken cancellationToken = default) =>
        ListCalendarsCoreAsync("/calendar", provider, accountId, cancellationToken);

    /// <inheritdoc />
    public Task<CalendarList> ListProviderCalendarsAsync(CalendarProvider? provider = null, string? accountId = null, CancellationToken cancellationToken = default) =>
        ListCalendarsCoreAsync("/calendar/calendars", provider, accountId, cancellationToken);

    /// <inheritdoc />
    public async Task<CalendarConnectionList> ListConnectionsAsync(CancellationToken cancellationToken = default)
    {
        var request = ApiRequest.Get("/calendar/connections");
        var response = await _transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
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
        var request = ApiRequest.Delete("/calendar/connections/{provider}/{account_id}")
            .WithPath("provider", provider.Value, nameof(provider))
            .WithPath("account_id", accountId, nameof(accountId))
            .WithQuery("purge_events", purgeEvents);
        return SendActionAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<CalendarEventPage> ListEventsAsync(CalendarEventListOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new CalendarEventListOptions();
        options.Validate(nameof(options));
        return (await _transport.SendAsync(EventsRequest(EventsPath, options), MeetStreamJsonContext.Default.CalendarEventPage, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <inheritdoc />
    public IAsyncEnumerable<CalendarEvent> ListAllEventsAsync(CalendarEventListOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new CalendarEventListOptions();
        options.Validate(nameof(options));
        return EnumerateEventsAsync(EventsPath, options, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<CalendarEventPage> ListCachedEventsAsync(CalendarEventListOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new CalendarEventListOptions();
        options.Validate(nameof(options));
        return (await _transport.SendAsync(EventsRequest(CachedEventsPath, options), MeetStreamJsonContext.Default.CalendarEventPage, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <inheritdoc />
    public IAsyncEnumerable<CalendarEvent> ListAllCachedEventsAsync(CalendarEventListOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new CalendarEventListOptions();
        options.Validate(nameof(options));
        return EnumerateEventsAsync(CachedEventsPath, options, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ScheduleEventResponse> ScheduleEventAsync(string eventId, ScheduleEventRequest request, CancellationToken cancellationToken = default)
    {
        RequireId(eventId, nameof(eventId));
        ArgumentNullException.ThrowIfNull(request);
        request.Validate(nameof(request));
        var api = ApiRequest.Post("/calendar/schedule/{event_id}")
            .WithPath("event_id", eventId, nameof(eventId))
            .WithJson(request, MeetStreamJsonContext.Default.ScheduleEventRequest);
        return (await _transport.SendAsync(api, MeetStreamJsonContext.Default.ScheduleEventResponse, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <inheritdoc />
    public async Task<UnscheduleEventResponse> UnscheduleEventAsync(string eventId, UnscheduleEventRequest? request = null, CancellationToken cancellationToken = default)
    {
        RequireId(eventId, nameof(eventId));
        var api = ApiRequest.Delete("/calendar/schedule/{event_id}").WithPath("event_id", eventId, nameof(eventId));
        if (request is not null)
        {
            api.WithJson(request, MeetStreamJsonContext.Default.UnscheduleEventRequest);
        }

        return await SendAllowingEmptyAsync(api, MeetStreamJsonContext.Default.UnscheduleEventResponse, static () => new UnscheduleEventResponse(), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<CalendarActionResponse> ToggleRecurrenceAsync(string eventId, bool recurringEnabled, CancellationToken cancellationToken = default)
    {
        RequireId(eventId, nameof(eventId));
        var request = ApiRequest.Post("/calendar/toggle-recurrence")
            .WithJson(new ToggleRecurrenceBody { EventId = eventId, RecurringEnabled = recurringEnabled }, MeetStreamJsonContext.Default.ToggleRecurrenceBody)
            .AsIdempotent();
        return SendActionAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    public Task<CalendarActionResponse> AutoRescheduleAsync(AutoRescheduleRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.EventId is not null && string.IsNullOrWhiteSpace(request.EventId))
        {
            throw new ArgumentException("EventId (event_id) must not be empty or white space when set.", nameof(request));
        }

        var api = ApiRequest.Post("/calendar/auto-reschedule").WithJson(request, MeetStreamJsonContext.Default.AutoRescheduleRequest);
        return SendActionAsync(api, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<AutoScheduleSettings> EnableAutoScheduleAsync(AutoScheduleBotConfig defaultBotConfig, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(defaultBotConfig);
        var request = ApiRequest.Post("/calendar/auto-schedule/enable")
            .WithJson(new EnableAutoScheduleBody { DefaultBotConfig = defaultBotConfig }, MeetStreamJsonContext.Default.EnableAutoScheduleBody)
            .AsIdempotent();
        return await SendAllowingEmptyAsync(request, MeetStreamJsonContext.Default.AutoScheduleSettings, static () => new AutoScheduleSettings(), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<AutoScheduleSettings> DisableAutoScheduleAsync(CancellationToken cancellationToken = default)
    {
        var request = ApiRequest.Post("/calendar/auto-schedule/disable").WithEmptyJsonObject().AsIdempotent();
        return await SendAllowingEmptyAsync(request, MeetStreamJsonContext.Default.AutoScheduleSettings, static () => new AutoScheduleSettings(), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<AutoScheduleSettings> GetAutoScheduleSettingsAsync(CancellationToken cancellationToken = default)
    {
        var request = ApiRequest.Get("/calendar/auto-schedule/settings");
        return (await _transport.SendAsync(request, MeetStreamJsonContext.Default.AutoScheduleSettings, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <inheritdoc />
    public async Task<ScheduledBotList> ListScheduledBotsAsync(int? limit = null, CancellationToken cancellationToken = default)
    {
        if (limit is { } value && value is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), value, $"limit must be between 1 and 100 (the API's documented range); got {value}.");
        }

        var request = ApiRequest.Get("/calendar/scheduled_bots").WithQuery("limit", limit);
        return (await _transport.SendAsync(request, MeetStreamJsonContext.Default.ScheduledBotList, cancellationToken).ConfigureAwait(false)).Value;
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

        var api = ApiRequest.Patch("/calendar/scheduled_bots/{bot_id}")
            .WithPath("bot_id", botId, nameof(botId))
            .WithJson(request, MeetStreamJsonContext.Default.RescheduleBotRequest)
            .AsIdempotent();
        return (await _transport.SendAsync(api, MeetStreamJsonContext.Default.RescheduleBotResponse, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <inheritdoc />
    public async Task<DeleteScheduledBotResponse> DeleteScheduledBotAsync(string botId, CancellationToken cancellationToken = default)
    {
        RequireId(botId, nameof(botId));
        var request = ApiRequest.Delete("/calendar/scheduled_bots/{bot_id}").WithPath("bot_id", botId, nameof(botId));
        return await SendAllowingEmptyAsync(request, MeetStreamJsonContext.Default.DeleteScheduledBotResponse, static () => new DeleteScheduledBotResponse(), cancellationToken).ConfigureAwait(false);
    }

    private async Task<CalendarList> ListCalendarsCoreAsync(string path, CalendarProvider? provider, string? accountId, CancellationToken cancellationToken)
    {
        var filter = new CalendarEventListOptions { Provider = provider, AccountId = accountId };
        filter.Validate(accountId is not null && provider is null ? nameof(accountId) : nameof(provider));
        var request = ApiRequest.Get(path)
            .WithQuery("provider", provider?.Value)
            .WithQuery("account_id", accountId);
        return (await _transport.SendAsync(request, MeetStreamJsonContext.Default.CalendarList, cancellationToken).ConfigureAwait(false)).Value;
    }

    private async IAsyncEnumerable<CalendarEvent> EnumerateEventsAsync(string path, CalendarEventListOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = EventsRequest(path, options);
        var followed = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var page = (await _transport.SendAsync(request, MeetStreamJsonContext.Default.CalendarEventPage, cancellationToken).ConfigureAwait(false)).Value;
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

            request = CalendarPaging.IsUrl(next) ? FollowUrl(path, next, options) : EventsRequest(path, options.WithCursor(next));
        }
    }

    private static ApiRequest EventsRequest(string path, CalendarEventListOptions options)
    {
        var request = ApiRequest.Get(path);
        foreach (var (name, value) in QueryOf(options))
        {
            request.WithQuery(name, value);
        }

        return request;
    }

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

    private async Task<CalendarActionResponse> SendActionAsync(ApiRequest request, CancellationToken cancellationToken) =>
        await SendAllowingEmptyAsync(request, MeetStreamJsonContext.Default.CalendarActionResponse, static () => new CalendarActionResponse(), cancellationToken).ConfigureAwait(false);

    /// <summary>Sends a request whose success body may be empty, not JSON or not an object: those give <paramref name="empty"/>.</summary>
    private async Task<T> SendAllowingEmptyAsync<T>(ApiRequest request, JsonTypeInfo<T> typeInfo, Func<T> empty, CancellationToken cancellationToken)
        where T : class
    {
        var response = await _transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Value is not { ValueKind: JsonValueKind.Object } json)
        {
            return empty();
        }

        return Deserialize(request, response, json, typeInfo) ?? empty();
    }

    private static T? Deserialize<T>(ApiRequest request, ApiResponse<JsonElement?> response, JsonElement json, JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return json.Deserialize(typeInfo);
        }
        catch (JsonException ex)
        {
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
