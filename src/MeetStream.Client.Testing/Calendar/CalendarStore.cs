using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace MeetStream.Client.Testing;

/// <summary>
/// The connected calendar accounts, their synced (seeded) events and the workspace's auto-schedule setting.
/// Read and changed under the engine's lock.
/// </summary>
internal sealed class CalendarStore(SimulatorClock clock)
{
    private readonly List<SimCalendarConnection> _connections = [];
    private readonly Dictionary<string, SimCalendarEvent> _events = new(StringComparer.Ordinal);

    public IReadOnlyList<SimCalendarConnection> Connections => _connections;

    /// <summary>Every synced event, deleted ones included.</summary>
    public IEnumerable<SimCalendarEvent> Events => _events.Values;

    /// <summary>The default bot config of auto-schedule, once it was enabled.</summary>
    public JsonObject? AutoScheduleConfig { get; set; }

    public bool AutoScheduleEnabled { get; set; }

    /// <summary>Bumped at every enable/disable, so a nightly run scheduled by an older setting does nothing.</summary>
    public int AutoScheduleGeneration { get; set; }

    /// <summary>Connects an account (or returns the connected one when <paramref name="replace"/>) and seeds three upcoming events on its primary calendar.</summary>
    public SimCalendarConnection Connect(string provider, string account, string credential, bool replace)
    {
        var existing = _connections.FirstOrDefault(c => c.Provider == provider && c.AccountId == account);
        if (existing is not null && replace)
        {
            return existing;
        }

        var connection = new SimCalendarConnection { Provider = provider, AccountId = account, UserName = "Calendar User " + account[..4], CreatedAt = clock.UtcNow, Credential = credential };
        connection.Calendars.Add((account, account, true));
        connection.Calendars.Add((provider == "google" ? $"team-{Hash(account)}@group.calendar.google.com" : $"AAMk{Hash(account)}", "Team events", false));
        _connections.Add(connection);

        var baseTime = new DateTimeOffset(clock.UtcNow.UtcDateTime.Date.AddHours(clock.UtcNow.UtcDateTime.Hour + 1), TimeSpan.Zero);
        (string Title, TimeSpan At, string Url, string Platform, bool Recurring)[] seed =
        [
            ("Weekly product sync", TimeSpan.FromHours(1), "https://meet.google.com/sim-prod-sync", "google_meet", true),
            ("Customer onboarding call", TimeSpan.FromDays(1), "https://zoom.us/j/9876543210?pwd=simulated", "zoom", false),
            ("Design review", TimeSpan.FromDays(2), "https://teams.microsoft.com/l/meetup-join/19%3asimulated%40thread.v2/0", "teams", false),
        ];
        foreach (var (title, at, url, platform, recurring) in seed)
        {
            var id = "evt_" + SimulatorIds.RandomHex(8);
            _events[id] = new SimCalendarEvent
            {
                Id = id,
                Provider = provider,
                AccountId = account,
                CalendarId = account,
                Title = title,
                Start = baseTime + at,
                End = baseTime + at + TimeSpan.FromMinutes(30),
                MeetingUrl = url,
                MeetingPlatform = platform,
                Recurring = recurring,
                RecurringEnabled = recurring,
                CreatedAt = clock.UtcNow,
                UpdatedAt = clock.UtcNow,
            };
        }

        return connection;
    }

    public List<SimCalendarConnection> Filter(ApiCall call)
    {
        var provider = call.Query("provider");
        var account = call.Query("account_id");
        if (account is not null && provider is null)
        {
            throw ApiError.BadRequest("account_id requires provider (google or outlook)");
        }

        if (provider is not null && provider is not ("google" or "outlook"))
        {
            throw ApiError.BadRequest($"provider must be google or outlook; got '{provider}'");
        }

        if (_connections.Count == 0)
        {
            throw ApiError.NotFound("No calendar is connected; connect one with POST /calendar/create_calendar or /calendar/create_outlook_calendar");
        }

        return _connections.Where(c => (provider is null || c.Provider == provider) && (account is null || string.Equals(c.AccountId, account, StringComparison.OrdinalIgnoreCase))).ToList();
    }

    public SimCalendarEvent FindEvent(string id) =>
        _events.TryGetValue(id, out var calendarEvent) && !calendarEvent.Deleted ? calendarEvent : throw ApiError.NotFound($"Calendar event '{id}' not found");

    public static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8].ToLowerInvariant();

    /// <summary>Forgets a connection; its events stay until <see cref="RemoveEvent"/>.</summary>
    public void Remove(SimCalendarConnection connection) => _connections.Remove(connection);

    public void RemoveEvent(SimCalendarEvent calendarEvent) => _events.Remove(calendarEvent.Id);

    /// <summary>The bot of these events was cancelled: they have no schedule any more.</summary>
    public void ClearBot(string botId)
    {
        foreach (var calendarEvent in _events.Values.Where(e => e.BotId == botId))
        {
            calendarEvent.BotId = calendarEvent.ScheduleId = calendarEvent.ScheduleGroup = null;
        }
    }
}
