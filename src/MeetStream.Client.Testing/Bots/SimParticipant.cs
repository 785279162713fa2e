namespace MeetStream.Client.Testing;

/// <summary>A participant of the simulated meeting.</summary>
internal sealed class SimParticipant
{
    public required string DeviceId { get; init; }

    public required string Name { get; init; }

    public bool IsBot { get; init; }

    public bool IsHost { get; init; }

    public DateTimeOffset Joined { get; init; }

    public DateTimeOffset? LeftAt { get; set; }
}
