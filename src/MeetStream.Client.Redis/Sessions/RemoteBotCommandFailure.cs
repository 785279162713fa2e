namespace MeetStream.Client.Redis;

/// <summary>Why a command for a bot could not be carried out (the <see cref="RemoteBotCommandException.Failure"/>).</summary>
public enum RemoteBotCommandFailure
{
    /// <summary>No replica holds a live session of the bot (it never connected, it left, or its replica died and its entry expired).</summary>
    NotConnected = 0,

    /// <summary>The directory names a replica that is not listening (it stopped or died; its entry has not expired yet).</summary>
    ReplicaUnreachable = 1,

    /// <summary>The owning replica did not answer within <see cref="RedisBotSessionOptions.CommandTimeout"/>.</summary>
    TimedOut = 2,

    /// <summary>The owning replica ran the command and it failed there (for example the control channel closed).</summary>
    Failed = 3,

    /// <summary>Redis could not be reached.</summary>
    RedisUnavailable = 4,
}
