using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Threading.Channels;

namespace MeetStream.Client.Realtime.Internal;

/// <summary>What an outbound message is, for the writer loop's ordering rules.</summary>
internal enum OutboundKind : byte
{
    /// <summary>An ordinary command, sent in queue order.</summary>
    Command,

    /// <summary>A <c>sendaudio</c> chunk: dropped unsent when an interrupt with a newer generation has been sent.</summary>
    Audio,

    /// <summary>An <c>interrupt</c>: goes through the priority lane, ahead of every queued message.</summary>
    Interrupt,

    /// <summary>No payload: wakes the writer so it looks at the priority lane.</summary>
    Wake,

    /// <summary>No payload, priority lane: drops queued audio like an interrupt does, without sending anything.</summary>
    DiscardAudio,
}

/// <summary>One serialized text message waiting to be sent; the buffer is rented from <see cref="ArrayPool{T}.Shared"/>.</summary>
internal readonly struct OutboundMessage(byte[]? buffer, int length, OutboundKind kind, long generation, TaskCompletionSource<bool>? completion)
{
    public byte[]? Buffer { get; } = buffer;

    public int Length { get; } = length;

    public OutboundKind Kind { get; } = kind;

    /// <summary>For audio: the audio generation when it was queued. For an interrupt: the generation it starts.</summary>
    public long Generation { get; } = generation;

    /// <summary>Completed with true when sent, false when discarded by an interrupt, an exception when the channel closed first.</summary>
    public TaskCompletionSource<bool>? Completion { get; } = completion;

    public void ReturnBuffer()
    {
        if (Buffer is { Length: > 0 })
        {
            ArrayPool<byte>.Shared.Return(Buffer);
        }
    }
}

/// <summary>
/// The send side of a channel: a bounded <see cref="Channel{T}"/> drained by ONE writer loop (a WebSocket allows one
/// send at a time), plus a priority lane for interrupts.
/// </summary>
/// <remarks>
/// <para>Barge-in is race-free by construction:</para>
/// <list type="number">
/// <item>Audio is tagged with the audio generation read under <c>_gate</c> when it is queued.</item>
/// <item><see cref="TryEnqueueInterrupt"/> increments the generation and puts the interrupt in the priority lane in
/// the same critical section, then wakes the writer.</item>
/// <item>The writer drains the priority lane <i>after</i> taking each message from the main queue and before sending
/// it, so a message queued after an interrupt can never be sent before it.</item>
/// <item>Sending an interrupt raises the writer's discard watermark to the interrupt's generation, so every older audio
/// chunk still queued is dropped when dequeued; audio queued after the interrupt (the next utterance) is kept.</item>
/// </list>
/// <para>After completion the writer sends what is left (or discards it when the peer already closed), then the close frame.</para>
/// </remarks>
internal sealed class OutboundQueue
{
    private readonly WebSocket _socket;
    private readonly Channel<OutboundMessage> _main;
    private readonly ConcurrentQueue<OutboundMessage> _priority = new();
    private readonly Func<Exception> _closedError;
    private readonly object _gate = new();
    private long _generation;
    private long _discardBelow;
    private bool _closed;
    private bool _discardPending;
    private WebSocketCloseStatus _closeStatus = WebSocketCloseStatus.NormalClosure;
    private string? _closeDescription;
    private long _sent;
    private long _discardedAudio;
    private Task _writer = Task.CompletedTask;

    public OutboundQueue(WebSocket socket, int capacity, Func<Exception> closedError)
    {
        _socket = socket;
        _closedError = closedError;
        _main = Channel.CreateBounded<OutboundMessage>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
            AllowSynchronousContinuations = false,
        });
    }

    /// <summary>Gets the writer loop; it ends after the close frame was sent or the socket failed.</summary>
    public Task WriterTask => _writer;

    /// <summary>Gets the number of messages written to the socket.</summary>
    public long SentCount => Interlocked.Read(ref _sent);

    /// <summary>Gets the number of audio chunks dropped unsent because of an interrupt.</summary>
    public long DiscardedAudioCount => Interlocked.Read(ref _discardedAudio);

    /// <summary>Gets the number of messages waiting in the main queue.</summary>
    public int PendingCount => _main.Reader.Count;

    /// <summary>Gets whether no more messages are accepted.</summary>
    public bool IsClosed
    {
        get
        {
            lock (_gate)
            {
                return _closed;
            }
        }
    }

    /// <summary>Gets the current audio generation (audio queued with an older one is stale).</summary>
    public long CurrentGeneration
    {
        get
        {
            lock (_gate)
            {
                return _generation;
            }
        }
    }

    /// <summary>Starts the writer loop.</summary>
    public void Start() => _writer = Task.Run(WriteLoopAsync);

    /// <summary>Queues a message, waiting for room when the queue is full.</summary>
    /// <exception cref="OperationCanceledException">Cancelled; the message was not queued.</exception>
    /// <exception cref="MeetStreamRealtimeException">The channel is closed.</exception>
    public async ValueTask EnqueueAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await _main.Writer.WriteAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ChannelClosedException or OperationCanceledException)
        {
            message.ReturnBuffer();
            if (ex is ChannelClosedException)
            {
                throw _closedError();
            }

            throw;
        }
    }

    /// <summary>Starts a new audio generation and puts an interrupt ahead of everything queued.</summary>
    /// <returns>False when the channel is closed (the buffer was returned).</returns>
    public bool TryEnqueueInterrupt(byte[] buffer, int length, TaskCompletionSource<bool> completion)
    {
        lock (_gate)
        {
            if (_closed)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                return false;
            }

            _generation++;
            _priority.Enqueue(new OutboundMessage(buffer, length, OutboundKind.Interrupt, _generation, completion));
        }

        // If the queue is full the writer is busy and will look at the priority lane before its next send.
        _main.Writer.TryWrite(new OutboundMessage(null, 0, OutboundKind.Wake, 0, null));
        return true;
    }

    /// <summary>Starts a new audio generation so queued audio is dropped unsent, without sending an interrupt.</summary>
    /// <returns>False when the channel is closed.</returns>
    public bool TryDiscardQueuedAudio()
    {
        lock (_gate)
        {
            if (_closed)
            {
                return false;
            }

            _generation++;
            _priority.Enqueue(new OutboundMessage(null, 0, OutboundKind.DiscardAudio, _generation, null));
        }

        _main.Writer.TryWrite(new OutboundMessage(null, 0, OutboundKind.Wake, 0, null));
        return true;
    }

    /// <summary>Accepts no more messages; the writer then drains the queue (or discards it) and sends the close frame.</summary>
    /// <param name="status">The close status to send, unless the socket is already closed.</param>
    /// <param name="description">The close description.</param>
    /// <param name="discardPending">Drop queued messages instead of sending them (the peer has gone).</param>
    public void Complete(WebSocketCloseStatus status, string? description, bool discardPending)
    {
        lock (_gate)
        {
            if (discardPending)
            {
                _discardPending = true;
            }

            if (_closed)
            {
                return;
            }

            _closed = true;
            _closeStatus = status;
            _closeDescription = description;
        }

        _main.Writer.TryComplete();
    }

    private async Task WriteLoopAsync()
    {
        var reader = _main.Reader;
        Exception? failure = null;
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (reader.TryRead(out var message))
                {
                    // Interrupts queued before this message was taken go first (see the class remarks).
                    failure = await DrainPriorityAsync(failure).ConfigureAwait(false);
                    failure = await ProcessAsync(message, failure).ConfigureAwait(false);
                }
            }

            failure = await DrainPriorityAsync(failure).ConfigureAwait(false);
            if (failure is null)
            {
                await SendCloseAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            // Nothing may be left behind: fail whatever is still queued so no caller waits forever.
            Complete(WebSocketCloseStatus.NormalClosure, null, discardPending: true);
            var error = _closedError();
            while (reader.TryRead(out var message))
            {
                Fail(message, error);
            }

            while (_priority.TryDequeue(out var message))
            {
                Fail(message, error);
            }
        }
    }

    private async ValueTask<Exception?> DrainPriorityAsync(Exception? failure)
    {
        while (_priority.TryDequeue(out var interrupt))
        {
            failure = await ProcessAsync(interrupt, failure).ConfigureAwait(false);
        }

        return failure;
    }

    private async ValueTask<Exception?> ProcessAsync(OutboundMessage message, Exception? failure)
    {
        if (message.Kind == OutboundKind.Wake)
        {
            return failure;
        }

        if (message.Kind == OutboundKind.DiscardAudio)
        {
            _discardBelow = Math.Max(_discardBelow, message.Generation);
            return failure;
        }

        bool discardPending;
        lock (_gate)
        {
            discardPending = _discardPending;
        }

        if (failure is not null || discardPending)
        {
            Fail(message, failure ?? _closedError());
            return failure;
        }

        if (message.Kind == OutboundKind.Audio && message.Generation < _discardBelow)
        {
            message.ReturnBuffer();
            Interlocked.Increment(ref _discardedAudio);
            message.Completion?.TrySetResult(false);
            return null;
        }

        if (message.Kind == OutboundKind.Interrupt)
        {
            _discardBelow = Math.Max(_discardBelow, message.Generation);
        }

        try
        {
            await _socket.SendAsync(message.Buffer.AsMemory(0, message.Length), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The socket is gone (reset, aborted or closed): stop accepting, fail this and every later message.
            Complete(WebSocketCloseStatus.NormalClosure, null, discardPending: true);
            var error = _closedError();
            Fail(message, error);
            return error;
        }

        message.ReturnBuffer();
        Interlocked.Increment(ref _sent);
        message.Completion?.TrySetResult(true);
        return null;
    }

    private async Task SendCloseAsync()
    {
        WebSocketCloseStatus status;
        string? description;
        lock (_gate)
        {
            status = _closeStatus;
            description = _closeDescription;
        }

        var state = _socket.State;
        if (state is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        try
        {
            await _socket.CloseOutputAsync(status, description, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (MessageReceiver.IsConnectionLoss(ex, CancellationToken.None))
        {
            // The peer went away first; nothing left to tell it.
        }
    }

    private static void Fail(OutboundMessage message, Exception error)
    {
        message.ReturnBuffer();
        message.Completion?.TrySetException(error);
    }
}
