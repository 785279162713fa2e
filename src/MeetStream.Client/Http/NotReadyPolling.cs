namespace MeetStream.Client.Http;

/// <summary>
/// Repeats a read while MeetStream answers 202 (not ready), pausing on the client's clock, until it succeeds, the
/// wait's timeout passes (<see cref="MeetStreamTimeoutException"/>) or the caller cancels.
/// </summary>
internal static class NotReadyPolling
{
    /// <summary>Polls <paramref name="read"/> until it stops throwing <see cref="MeetStreamNotReadyException"/>.</summary>
    /// <param name="read">The read to repeat.</param>
    /// <param name="options">Timeout and interval; <see langword="null"/> for defaults.</param>
    /// <param name="time">The clock.</param>
    /// <param name="what">What is awaited, for the timeout message, e.g. "the audio of bot 'x'".</param>
    /// <param name="hint">Extra advice appended to the timeout message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public static async Task<T> WaitAsync<T>(
        Func<CancellationToken, Task<T>> read,
        MeetStreamWaitOptions? options,
        TimeProvider time,
        string what,
        string? hint,
        CancellationToken cancellationToken)
    {
        options ??= new MeetStreamWaitOptions();
        options.Validate();
        var started = time.GetTimestamp();
        var polls = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            polls++;
            MeetStreamNotReadyException notReady;
            try
            {
                return await read(cancellationToken).ConfigureAwait(false);
            }
            catch (MeetStreamNotReadyException ex)
            {
                notReady = ex;
            }

            var elapsed = time.GetElapsedTime(started);
            if (options.Timeout != Timeout.InfiniteTimeSpan && elapsed + options.Interval > options.Timeout)
            {
                throw new MeetStreamTimeoutException(
                    $"Gave up waiting for {what} after {elapsed.TotalSeconds:0.#} s and {polls} polls (MeetStreamWaitOptions.Timeout = {options.Timeout}); MeetStream still answers 202{(notReady.ApiMessage is { } m ? $": \"{m}\"" : string.Empty)}.{(hint is null ? string.Empty : " " + hint)}",
                    options.Timeout,
                    notReady);
            }

            await Task.Delay(options.Interval, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
