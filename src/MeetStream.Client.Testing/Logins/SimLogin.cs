namespace MeetStream.Client.Testing;

/// <summary>A signed-in bot account; its secrets (PEM, password) are stored but never returned.</summary>
internal sealed class SimLogin
{
    public required string Id { get; init; }

    public required string Domain { get; init; }

    public required string Email { get; init; }

    public bool IsActive { get; set; } = true;

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public HashSet<string> Sessions { get; } = new(StringComparer.Ordinal);

    public string? LastSessionResult { get; set; }

    public string? LastLoginError { get; set; }
}
