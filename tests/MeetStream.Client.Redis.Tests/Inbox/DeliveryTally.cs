using System.Collections.Concurrent;
using System.Net;

namespace MeetStream.Client.Redis.Tests.Inbox;

/// <summary>
/// What the senders of a proof got back: the events answered 200 (stored), answered as duplicates, answered 503, or
/// whose connection failed (a replica killed under them).
/// </summary>
internal sealed class DeliveryTally
{
    private int _duplicates;
    private int _unavailable;
    private int _failed;

    /// <summary>Gets the events answered 200 and stored (not as a duplicate).</summary>
    public ConcurrentDictionary<string, bool> Accepted { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets how many deliveries were answered <c>{"status":"duplicate"}</c>.</summary>
    public int Duplicates => Volatile.Read(ref _duplicates);

    /// <summary>Gets how many deliveries were answered 503.</summary>
    public int Unavailable => Volatile.Read(ref _unavailable);

    /// <summary>Gets how many deliveries got no answer (connection refused or dropped).</summary>
    public int Failed => Volatile.Read(ref _failed);

    /// <summary>Posts <paramref name="message"/> to <paramref name="replica"/> and records the answer.</summary>
    /// <returns>The status code, or <see langword="null"/> when the connection failed.</returns>
    public async Task<HttpStatusCode?> SendAsync(InboxReplica replica, string message)
    {
        var ct = TestContext.Current.CancellationToken;
        try
        {
            using var response = await replica.PostAsync(message);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var body = await response.Content.ReadAsStringAsync(ct);
                if (body.Contains("duplicate", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref _duplicates);
                }
                else
                {
                    Accepted[message] = true;
                }
            }
            else if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                Interlocked.Increment(ref _unavailable);
            }
            else
            {
                Assert.Fail($"Unexpected {(int)response.StatusCode} for {message}");
            }

            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            Interlocked.Increment(ref _failed);
            return null;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            Interlocked.Increment(ref _failed);
            return null;
        }
    }
}
