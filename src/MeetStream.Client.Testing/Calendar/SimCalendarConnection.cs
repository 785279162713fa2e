namespace MeetStream.Client.Testing;

/// <summary>A connected calendar account (Google or Outlook).</summary>
internal sealed class SimCalendarConnection
{
    public required string Provider { get; init; }

    public required string AccountId { get; init; }

    public required string UserName { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string Credential { get; init; }

    public List<(string Id, string Summary, bool Primary)> Calendars { get; } = [];
}
