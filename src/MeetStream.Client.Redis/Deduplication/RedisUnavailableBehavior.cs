namespace MeetStream.Client.Redis.Deduplication;

/// <summary>What the webhook endpoint does with a delivery while the shared deduplication store on Redis cannot answer.</summary>
public enum RedisUnavailableBehavior
{
    /// <summary>
    /// Answer 503 (<c>reason: DeduplicationUnavailable</c>): MeetStream's send fails visibly and nothing is handled
    /// twice. The default, and the only choice consistent with a durable inbox on the same Redis, which could not
    /// store the delivery either.
    /// </summary>
    Reject = 0,

    /// <summary>Process the delivery as new: nothing is refused, but a duplicate arriving during the outage is handled twice.</summary>
    Process = 1,
}
