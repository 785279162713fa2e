namespace MeetStream.Client.Lambda;

/// <summary>A lifecycle change to record on a session: applied only if its stage is later than the stored one.</summary>
public sealed class SessionStateChange
{
    /// <summary>Gets the new status.</summary>
    public required BotStatus Status { get; init; }

    /// <summary>
    /// Gets the change's stage in the lifecycle (usually <see cref="BotStatus.LifecycleStage"/> of <see cref="Status"/>,
    /// or <see cref="BotLifecycle.StageOf"/> of the event); stored as <c>state_rank</c>. Must be a defined
    /// <see cref="BotLifecycleStage"/>.
    /// </summary>
    public required BotLifecycleStage Stage { get; init; }

    /// <summary>Gets the event that reported it, e.g. <c>bot.inmeeting</c>.</summary>
    public required string Event { get; init; }

    /// <summary>Gets when it happened (the webhook's timestamp, or the time it was received).</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Gets the specific reason on a terminal change (<c>bot.kicked</c>, <c>bot.notallowed</c>, ...).</summary>
    public string? StopReason { get; init; }
}
