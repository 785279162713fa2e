using MeetStream.Client.AspNetCore;
using MeetStream.Client.Realtime;

namespace MeetStream.Client.Redis.Sessions;

/// <summary>
/// Wraps the application's <see cref="IMeetStreamBotHandler"/>: lists each new session in the Redis bot directory
/// under this replica as soon as its control channel is attached here, while the application's handler runs.
/// </summary>
internal sealed class DirectoryBotHandler : IMeetStreamBotHandler
{
    private readonly IMeetStreamBotHandler _inner;
    private readonly RedisBotDirectory _directory;

    public DirectoryBotHandler(IMeetStreamBotHandler inner, RedisBotDirectory directory)
    {
        _inner = inner;
        _directory = directory;
    }

    /// <inheritdoc />
    public async Task HandleAsync(BotSession session, CancellationToken cancellationToken)
    {
        _ = _directory.RegisterWhenControlAttachedAsync(session);
        await _inner.HandleAsync(session, cancellationToken).ConfigureAwait(false);
    }
}
