namespace MeetStream.Client.Redis;

/// <summary>
/// The error of a command (speak, interrupt, chat) sent through <see cref="RedisBotCommands"/> that did not reach the
/// bot or failed on the replica that holds it. <see cref="Failure"/> says which.
/// </summary>
public sealed class RemoteBotCommandException : MeetStreamException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What happened and what to do about it.</param>
    /// <param name="botId">The bot the command was for.</param>
    /// <param name="failure">Why it failed.</param>
    /// <param name="replicaId">The replica that holds (or held) the bot's session, when known.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public RemoteBotCommandException(string message, string botId, RemoteBotCommandFailure failure, string? replicaId = null, Exception? innerException = null)
        : base(message, innerException)
    {
        BotId = botId;
        Failure = failure;
        ReplicaId = replicaId;
    }

    /// <summary>Gets the bot the command was for.</summary>
    public string BotId { get; }

    /// <summary>Gets why the command failed.</summary>
    public RemoteBotCommandFailure Failure { get; }

    /// <summary>Gets the replica that holds (or held) the bot's session, when known.</summary>
    public string? ReplicaId { get; }
}
