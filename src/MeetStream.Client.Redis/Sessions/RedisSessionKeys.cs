using StackExchange.Redis;

namespace MeetStream.Client.Redis.Sessions;

/// <summary>The Redis keys and channels of the live-session scale-out, all under the configured prefix.</summary>
internal sealed class RedisSessionKeys
{
    private readonly string _prefix;

    /// <summary>Initializes the names for a prefix.</summary>
    /// <param name="prefix">The key prefix, e.g. <c>meetstream:</c>.</param>
    public RedisSessionKeys(string prefix) => _prefix = prefix + "sessions:";

    /// <summary>The directory entry of a bot: a string holding the owning replica's id, with an expiry.</summary>
    /// <param name="botId">The bot id.</param>
    /// <returns>The key.</returns>
    public RedisKey Bot(string botId) => _prefix + "bot:" + botId;

    /// <summary>The channel a replica receives commands for its bots on.</summary>
    /// <param name="replicaId">The replica id.</param>
    /// <returns>The channel.</returns>
    public RedisChannel Commands(string replicaId) => RedisChannel.Literal(_prefix + "replica:" + replicaId + ":commands");

    /// <summary>The channel a replica receives the replies to its commands on.</summary>
    /// <param name="replicaId">The replica id.</param>
    /// <returns>The channel.</returns>
    public RedisChannel Replies(string replicaId) => RedisChannel.Literal(_prefix + "replica:" + replicaId + ":replies");
}
