namespace MeetStream.Client.Lambda;

/// <summary>
/// Remembers operations that must happen once: webhook deliveries (a repeated delivery is not processed twice) and
/// calendar triggers (two simultaneous triggers for one event do not both create a bot). An operation is claimed with
/// a conditional put, completed when its effects are written, and released when it fails so a retry can run it.
/// </summary>
public interface IIdempotencyLedger
{
    /// <summary>Claims an operation.</summary>
    /// <param name="key">A stable key of the operation (the same delivery or trigger gives the same key).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether this caller should run it.</returns>
    Task<IdempotencyClaim> TryBeginAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Marks a claimed operation as done.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when written.</returns>
    Task CompleteAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Releases a claim after a failure so the same operation can run again.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when released.</returns>
    Task ReleaseAsync(string key, CancellationToken cancellationToken = default);
}

/// <summary>The outcome of <see cref="IIdempotencyLedger.TryBeginAsync"/>.</summary>
public enum IdempotencyClaim
{
    /// <summary>First time seen (or a previous attempt's claim expired): run it.</summary>
    Claimed,

    /// <summary>Already done: skip it.</summary>
    AlreadyProcessed,

    /// <summary>Another invocation is running it right now: skip it (or retry later).</summary>
    InProgress,
}
