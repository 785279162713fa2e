using System.Diagnostics;

namespace MeetStream.Client.Benchmarks.WebhookInbox;

/// <summary>
/// What happened to every delivery of a run, by sequence number: whether the endpoint acknowledged it (200) and how
/// many times a handler ran for it, plus the time of the last handler call. Lets the generator count lost (acknowledged,
/// never handled) and handled-twice deliveries instead of trusting counters.
/// </summary>
internal sealed class DeliveryLedger(int capacity)
{
    private readonly byte[] _acknowledged = new byte[capacity];
    private readonly int[] _handled = new int[capacity];
    private long _sequence = -1;
    private long _handledCount;
    private long _lastHandled;

    /// <summary>Gets the number of handler calls so far (redeliveries included).</summary>
    public long HandledCount => Interlocked.Read(ref _handledCount);

    /// <summary>Gets the <see cref="Stopwatch"/> timestamp of the last handler call.</summary>
    public long LastHandled => Interlocked.Read(ref _lastHandled);

    /// <summary>Gets the number of sequence numbers handed out so far.</summary>
    public long Issued => Interlocked.Read(ref _sequence) + 1;

    /// <summary>Hands out the next sequence number; fails plainly when the run outgrows the ledger.</summary>
    public long Next()
    {
        var sequence = Interlocked.Increment(ref _sequence);
        return sequence < _acknowledged.Length
            ? sequence
            : throw new InvalidOperationException($"The run sent more than {_acknowledged.Length:N0} deliveries: lower --seconds or raise the ledger size.");
    }

    /// <summary>Records that the endpoint answered 200 for <paramref name="sequence"/>.</summary>
    public void Acknowledged(long sequence) => Volatile.Write(ref _acknowledged[sequence], 1);

    /// <summary>Records a handler call for <paramref name="sequence"/> (ignored when it is not one of ours).</summary>
    public void Handled(long sequence)
    {
        if (sequence >= 0 && sequence < _handled.Length)
        {
            Interlocked.Increment(ref _handled[sequence]);
        }

        Interlocked.Exchange(ref _lastHandled, Stopwatch.GetTimestamp());
        Interlocked.Increment(ref _handledCount);
    }

    /// <summary>Counts, among <c>[first, end)</c>: acknowledged, acknowledged but never handled, and handled more than once.</summary>
    public (long Acknowledged, long Lost, long HandledTwice) Count(long first, long end)
    {
        long acknowledged = 0, lost = 0, twice = 0;
        for (var i = first; i < end; i++)
        {
            var calls = Volatile.Read(ref _handled[i]);
            if (Volatile.Read(ref _acknowledged[i]) == 1)
            {
                acknowledged++;
                lost += calls == 0 ? 1 : 0;
            }

            twice += calls > 1 ? 1 : 0;
        }

        return (acknowledged, lost, twice);
    }

    /// <summary>Counts the acknowledged deliveries among <c>[first, end)</c> that were handled at least once.</summary>
    public long HandledAmong(long first, long end)
    {
        long handled = 0;
        for (var i = first; i < end; i++)
        {
            handled += Volatile.Read(ref _acknowledged[i]) == 1 && Volatile.Read(ref _handled[i]) > 0 ? 1 : 0;
        }

        return handled;
    }
}
