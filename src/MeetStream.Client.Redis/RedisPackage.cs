namespace MeetStream.Client.Redis;

/// <summary>Facts about the MeetStream.Client.Redis package (the scale-out package on Redis).</summary>
public static class RedisPackage
{
    /// <summary>The prefix of every Redis key this package writes, unless configured otherwise.</summary>
    public const string DefaultKeyPrefix = "meetstream:";
}
