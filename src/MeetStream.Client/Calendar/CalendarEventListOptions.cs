namespace MeetStream.Client;

/// <summary>
/// Query parameters of <c>GET /calendar/events</c> and <c>GET /calendar/get_events</c> (guide-documented; the API
/// reference lists none). Every property is optional; unset ones are not sent.
/// </summary>
public sealed class CalendarEventListOptions
{
    /// <summary>Only events of this calendar (<c>calendar_id</c>).</summary>
    public string? CalendarId { get; init; }

    /// <summary>Only events ending after this time (<c>time_min</c>, sent as ISO 8601 with its offset).</summary>
    public DateTimeOffset? TimeMin { get; init; }

    /// <summary>Only events starting before this time (<c>time_max</c>, sent as ISO 8601 with its offset).</summary>
    public DateTimeOffset? TimeMax { get; init; }

    /// <summary>Whether <c>GET /calendar/events</c> syncs with the provider before listing (<c>sync</c>).</summary>
    public bool? Sync { get; init; }

    /// <summary>The page size (<c>limit</c>); at least 1.</summary>
    public int? Limit { get; init; }

    /// <summary>The page cursor from a previous page (<c>cursor</c>); see <see cref="CalendarEventPage.NextCursor"/>.</summary>
    public string? Cursor { get; init; }

    /// <summary>Only events of connections of this provider (<c>provider</c>).</summary>
    public CalendarProvider? Provider { get; init; }

    /// <summary>Only events of this account (<c>account_id</c>, its email address). Requires <see cref="Provider"/>.</summary>
    public string? AccountId { get; init; }

    /// <summary>Returns a copy with another cursor.</summary>
    /// <param name="cursor">The cursor.</param>
    /// <returns>The copy.</returns>
    internal CalendarEventListOptions WithCursor(string? cursor) => new()
    {
        CalendarId = CalendarId,
        TimeMin = TimeMin,
        TimeMax = TimeMax,
        Sync = Sync,
        Limit = Limit,
        Cursor = cursor,
        Provider = Provider,
        AccountId = AccountId,
    };

    /// <summary>Checks the documented rules before any request is sent.</summary>
    /// <param name="parameterName">The argument name for exceptions.</param>
    internal void Validate(string parameterName)
    {
        if (Limit is { } limit && limit < 1)
        {
            throw new ArgumentOutOfRangeException(parameterName, limit, $"Limit (limit) must be at least 1; got {limit}.");
        }

        if (TimeMin is { } min && TimeMax is { } max && min > max)
        {
            throw new ArgumentException($"TimeMin (time_min) {CalendarTime.Format(min)} is after TimeMax (time_max) {CalendarTime.Format(max)}.", parameterName);
        }

        if (Provider is { } provider && string.IsNullOrWhiteSpace(provider.Value))
        {
            throw new ArgumentException("Provider (provider) must not be empty; use CalendarProvider.Google or CalendarProvider.Outlook.", parameterName);
        }

        if (AccountId is not null)
        {
            if (string.IsNullOrWhiteSpace(AccountId))
            {
                throw new ArgumentException("AccountId (account_id) must not be empty or white space when set.", parameterName);
            }

            if (Provider is null)
            {
                throw new ArgumentException("AccountId (account_id) requires Provider (provider): MeetStream keys connections by (provider, account_id). Set Provider to CalendarProvider.Google or CalendarProvider.Outlook.", parameterName);
            }
        }

        if (CalendarId is not null && string.IsNullOrWhiteSpace(CalendarId))
        {
            throw new ArgumentException("CalendarId (calendar_id) must not be empty or white space when set.", parameterName);
        }
    }
}
