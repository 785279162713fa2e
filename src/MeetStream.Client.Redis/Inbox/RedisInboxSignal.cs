namespace MeetStream.Client.Redis.Inbox;

/// <summary>Wakes this replica's consumer when this replica appended an entry, so it need not wait for its next poll.</summary>
internal sealed class RedisInboxSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Wake()
    {
        try
        {
            _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _semaphore.WaitAsync(timeout, cancellationToken);
}
