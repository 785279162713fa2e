namespace MeetStream.Client.Testing;

/// <summary>A calendar event synced from a connected account.</summary>
internal sealed class SimCalendarEvent
{
    public required string Id { get; init; }

    public required string Provider { get; init; }

    public required string AccountId { get; init; }

    public required string CalendarId { get; init; }

    public required string Title { get; init; }

    public required DateTimeOffset Start { get; init; }

    public required DateTimeOffset End { get; init; }

    public required string MeetingUrl { get; init; }

    public required string MeetingPlatform { get; init; }

    public bool Recurring { get; init; }

    public bool RecurringEnabled { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool Deleted { get; set; }

    public string? BotId { get; set; }

    public string? ScheduleId { get; set; }

    public string? ScheduleGroup { get; set; }
}
