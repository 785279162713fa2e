namespace MeetStream.Client.Testing;

/// <summary>A registered signed-in-bot domain (Google Workspace or Microsoft 365).</summary>
internal sealed class SimLoginDomain
{
    public required string Domain { get; init; }

    public string? Name { get; set; }

    public string LoginMode { get; set; } = "always";

    public string? UserId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}
