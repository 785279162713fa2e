using System.Net.WebSockets;
using MeetStream.Client.Realtime.Internal;

namespace MeetStream.Client.Realtime;

/// <summary>
/// One of a bot's real-time sockets after its handshake (an <see cref="AudioChannelSession"/>, a
/// <see cref="ControlChannelSession"/> or a <see cref="VideoChannelSession"/>): the lifecycle every channel shares.
/// </summary>
/// <remarks>
/// <para>
/// The session owns its WebSocket. It ends (<see cref="Completion"/>) when the bot closes the socket, the connection
/// drops, a liveness timeout takes the bot for gone, or the application closes it (<see cref="CloseAsync(CancellationToken)"/>,
/// <see cref="Abort"/>, <see cref="DisposeAsync"/>); <see cref="CloseReason"/> says which. Code that handles "a
/// channel" (a <see cref="BotSessionRegistry"/>, a bridge endpoint) uses this type; the derived types add what their
/// socket carries.
/// </para>
/// <para>
/// Only the SDK derives from this class (its constructor is not accessible): the set of channels is MeetStream's.
/// </para>
/// </remarks>
public abstract class RealtimeChannelSession : IAsyncDisposable
{
    private protected RealtimeChannelSession(RealtimeChannel core, string botId)
    {
        Core = core;
        BotId = botId;
    }

    /// <summary>Gets which socket of the bot this is.</summary>
    public RealtimeChannelKind Kind => Core.Kind;

    /// <summary>Gets the bot id from the channel's handshake.</summary>
    public string BotId { get; }

    /// <summary>
    /// Gets a task that completes when the channel has closed (the bot left, the connection dropped, or the session was
    /// closed) and its loops have ended. What was received before that can still be read.
    /// </summary>
    public Task Completion => Core.Completion;

    /// <summary>Gets whether the channel has closed (<see cref="Completion"/> has completed).</summary>
    public bool IsClosed => Core.Completion.IsCompleted;

    /// <summary>Gets the close status the bot sent (1000 when it leaves), or <see langword="null"/> if it sent none.</summary>
    public WebSocketCloseStatus? CloseStatus => Core.CloseStatus;

    /// <summary>Gets the close description the bot sent, if any.</summary>
    public string? CloseStatusDescription => Core.CloseStatusDescription;

    /// <summary>Gets whether the connection ended without a close handshake (reset, network loss, abort).</summary>
    public bool ClosedAbruptly => Core.ClosedAbruptly;

    /// <summary>
    /// Gets why the channel ended (<see cref="RealtimeCloseReason.None"/> while it is open): the bot closed it, the
    /// application did, the connection dropped, or a liveness timeout (<see cref="RealtimeChannelOptions.IdleTimeout"/>,
    /// <see cref="RealtimeChannelOptions.MessageTimeout"/>) took the bot for gone.
    /// </summary>
    public RealtimeCloseReason CloseReason => Core.CloseReason;

    /// <summary>Gets the number of messages over <see cref="RealtimeChannelOptions.MaxMessageBytes"/>.</summary>
    public long MessagesTooLarge => Core.OversizedMessages;

    /// <summary>Gets the connection core (for the derived sessions and tests).</summary>
    internal RealtimeChannel Core { get; }

    /// <summary>Gets the background receive loop, awaited when the channel closes (none for a channel read on demand).</summary>
    private protected Task ReceiveLoop { get; private set; } = Task.CompletedTask;

    /// <summary>
    /// Closes the channel with status 1000: what is queued is sent first, then the close handshake; waits until the
    /// channel has closed, aborting after <see cref="RealtimeChannelOptions.CloseTimeout"/>.
    /// </summary>
    /// <param name="cancellationToken">Aborts the socket instead of waiting.</param>
    /// <returns>A task that completes when the channel has closed.</returns>
    public Task CloseAsync(CancellationToken cancellationToken = default) => CloseAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);

    /// <summary>
    /// Closes the channel with a status: what is queued is sent first, then the close handshake; waits until the
    /// channel has closed, aborting after <see cref="RealtimeChannelOptions.CloseTimeout"/>.
    /// </summary>
    /// <param name="status">The close status to send.</param>
    /// <param name="description">The close reason to send (at most 123 UTF-8 bytes).</param>
    /// <param name="cancellationToken">Aborts the socket instead of waiting.</param>
    /// <returns>A task that completes when the channel has closed.</returns>
    public async Task CloseAsync(WebSocketCloseStatus status, string? description, CancellationToken cancellationToken = default)
    {
        try
        {
            await Core.CloseAsync(status, description, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            OnStopped();
            await ReceiveLoop.ConfigureAwait(false);
        }
    }

    /// <summary>Tears the connection down at once without a close handshake; queued sends fail.</summary>
    public void Abort()
    {
        Core.Abort();
        OnStopped();
    }

    /// <summary>Closes the channel (status 1000) and waits for it, as <see cref="CloseAsync(CancellationToken)"/>, then releases what it holds.</summary>
    /// <returns>A task that completes when the channel has closed.</returns>
    public async ValueTask DisposeAsync()
    {
        await CloseAsync(CancellationToken.None).ConfigureAwait(false);
        OnDisposed();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// After the handshake: starts the writer loop, takes the reader role for good and runs <paramref name="loop"/> in
    /// the background (it must call <see cref="RealtimeChannel.ExitReader"/> when the socket has ended).
    /// </summary>
    private protected void StartReceiveLoop(Func<Task> loop)
    {
        Core.Start();
        if (!Core.TryEnterReader())
        {
            throw new InvalidOperationException($"The {Core.Name} channel reader could not start.");
        }

        ReceiveLoop = Task.Run(loop, CancellationToken.None);
    }

    /// <summary>Called when the channel is closed or aborted by the application: stop the session's own work.</summary>
    private protected virtual void OnStopped()
    {
    }

    /// <summary>Called once the channel has closed on <see cref="DisposeAsync"/>: give back what the session still holds.</summary>
    private protected virtual void OnDisposed()
    {
    }
}
