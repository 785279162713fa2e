using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MeetStream.Client.Realtime.Internal;

/// <summary>
/// The connection core every channel session is built on: one socket, one reader at a time (the session's
/// enumerator or background loop), one writer loop (<see cref="OutboundQueue"/>), and the close protocol.
/// </summary>
/// <remarks>
/// The channel is finished (<see cref="Completion"/>) when the reader has seen the end of the socket (a close frame,
/// a reset, or an abort) and the writer loop has ended. Then the receive buffer goes back to the pool and the socket
/// is disposed.
/// </remarks>
internal sealed class RealtimeChannel
{
    public const string AudioName = "audio";
    public const string ControlName = "control";
    public const string VideoName = "video";

    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _reader;
    private volatile bool _readEnded;
    private volatile bool _closing;
    private int _finished;
    private int _started;
    private long _oversized;
    private int _closeReason;

    public RealtimeChannel(WebSocket socket, RealtimeChannelKind kind, RealtimeChannelOptions options, int initialBufferBytes, int sendCapacity)
    {
        string name = NameOf(kind);
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (socket.State != WebSocketState.Open)
        {
            throw new ArgumentException($"The WebSocket must be open to start a {name} session; it is {socket.State}.", nameof(socket));
        }

        Socket = socket;
        Kind = kind;
        Name = name;
        Time = options.TimeProvider;
        Logger = options.Logger ?? NullLogger.Instance;
        MaxMessageBytes = options.MaxMessageBytes;
        OversizedAction = options.OversizedMessageAction;
        HandshakeTimeout = options.HandshakeTimeout;
        CloseTimeout = options.CloseTimeout;
        IdleTimeout = options.IdleTimeout;
        MessageTimeout = options.MessageTimeout;
        Liveness = new LivenessMonitor(Time, IdleTimeout, MessageTimeout, OnLivenessExpired);
        Receiver = new MessageReceiver(socket, initialBufferBytes, MaxMessageBytes, drainOversized: OversizedAction == OversizedMessageAction.Skip, Liveness.Enabled ? Liveness : null);
        Outbound = new OutboundQueue(socket, sendCapacity, CreateClosedError);
    }

    public WebSocket Socket { get; }

    public RealtimeChannelKind Kind { get; }

    /// <summary>Gets the channel's name in logs, metrics and exceptions: <c>audio</c>, <c>control</c> or <c>video</c>.</summary>
    public string Name { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    public int MaxMessageBytes { get; }

    public OversizedMessageAction OversizedAction { get; }

    public TimeSpan HandshakeTimeout { get; }

    public TimeSpan CloseTimeout { get; }

    public TimeSpan IdleTimeout { get; }

    public TimeSpan MessageTimeout { get; }

    public LivenessMonitor Liveness { get; }

    public MessageReceiver Receiver { get; }

    public OutboundQueue Outbound { get; }

    public string? BotId { get; set; }

    /// <summary>Gets or sets what else must stop when the channel aborts (e.g. a receive loop blocked on a full queue).</summary>
    public Action? AbortHook { get; set; }

    public Task Completion => _completion.Task;

    public bool IsClosing => _closing;

    public bool ReadEnded => _readEnded;

    public long OversizedMessages => Interlocked.Read(ref _oversized);

    public WebSocketCloseStatus? CloseStatus { get; private set; }

    public string? CloseStatusDescription { get; private set; }

    public bool ClosedAbruptly { get; private set; }

    /// <summary>Gets why the channel ended; <see cref="RealtimeCloseReason.None"/> until it has.</summary>
    public RealtimeCloseReason CloseReason => Completion.IsCompleted ? (RealtimeCloseReason)Volatile.Read(ref _closeReason) : RealtimeCloseReason.None;

    /// <summary>Gets the name of a kind of channel in logs, metrics and exceptions.</summary>
    public static string NameOf(RealtimeChannelKind kind) => kind switch
    {
        RealtimeChannelKind.Audio => AudioName,
        RealtimeChannelKind.Control => ControlName,
        RealtimeChannelKind.Video => VideoName,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a MeetStream channel kind."),
    };

    /// <summary>Starts the writer loop (after the handshake).</summary>
    public void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            return;
        }

        Outbound.Start();
        Liveness.Start();
        Outbound.WriterTask.ContinueWith(static (_, state) => ((RealtimeChannel)state!).TryFinish(), this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Takes the reader role; false when another reader holds it or the socket has ended.</summary>
    public bool TryEnterReader()
    {
        if (_readEnded || Interlocked.CompareExchange(ref _reader, 1, 0) != 0)
        {
            return false;
        }

        if (_readEnded)
        {
            Volatile.Write(ref _reader, 0);
            return false;
        }

        return true;
    }

    public void ExitReader()
    {
        Volatile.Write(ref _reader, 0);
        TryFinish();
    }

    /// <summary>
    /// Handles a receive result that is not a data message. Returns true when the socket has ended and the reader
    /// must stop; false for an over-long message that was skipped.
    /// </summary>
    public bool HandleNonData(ReceivedKind kind)
    {
        switch (kind)
        {
            case ReceivedKind.TooLarge:
                Interlocked.Increment(ref _oversized);
                RealtimeLog.MessageTooLarge(Logger, Name, BotId, MaxMessageBytes, OversizedAction);
                RealtimeTelemetry.MessagesTooLarge.Add(1);
                if (OversizedAction == OversizedMessageAction.Close && !_closing)
                {
                    SetCloseReason(RealtimeCloseReason.MessageTooLarge);
                    _ = CloseAsync(WebSocketCloseStatus.MessageTooBig, "message too big", CancellationToken.None);
                }

                return false;
            case ReceivedKind.Closed:
                CloseStatus = Socket.CloseStatus;
                CloseStatusDescription = Socket.CloseStatusDescription;
                SetCloseReason(RealtimeCloseReason.ClosedByBot);
                _readEnded = true;
                Liveness.Dispose();

                // Answer the close handshake with the bot's status; nothing queued is worth sending to a bot that has left.
                Outbound.Complete(CloseStatus ?? WebSocketCloseStatus.NormalClosure, null, discardPending: true);
                return true;
            default:
                ClosedAbruptly = true;
                SetCloseReason(RealtimeCloseReason.ConnectionLost);
                _readEnded = true;
                Liveness.Dispose();
                Outbound.Complete(WebSocketCloseStatus.NormalClosure, null, discardPending: true);
                Socket.Abort();
                return true;
        }
    }

    /// <summary>
    /// Closes gracefully: stops accepting sends, lets the writer send what is queued and then the close frame, and
    /// waits for the bot's close reply; aborts when that takes longer than the close timeout.
    /// </summary>
    public async Task CloseAsync(WebSocketCloseStatus status, string? description, CancellationToken cancellationToken)
    {
        SetCloseReason(RealtimeCloseReason.ClosedLocally);
        Liveness.Dispose();
        _closing = true;
        Outbound.Complete(status, description, discardPending: false);
        using var timeout = new CancellationTokenSource(CloseTimeout, Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await Outbound.WriterTask.WaitAsync(linked.Token).ConfigureAwait(false);
            if (TryEnterReader())
            {
                try
                {
                    // Nobody is reading: receive (and drop) until the bot answers the close.
                    while (!HandleNonData(await ReceiveDroppingDataAsync(linked.Token).ConfigureAwait(false)))
                    {
                    }
                }
                finally
                {
                    ExitReader();
                }
            }
            else
            {
                await Completion.WaitAsync(linked.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            Abort();
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
        }

        await Completion.ConfigureAwait(false);
    }

    /// <summary>Tears the connection down at once; pending sends fail, the reader ends.</summary>
    public void Abort()
    {
        SetCloseReason(RealtimeCloseReason.ClosedLocally);
        Liveness.Dispose();
        _closing = true;
        Outbound.Complete(WebSocketCloseStatus.NormalClosure, null, discardPending: true);
        if (Socket.State != WebSocketState.Closed)
        {
            ClosedAbruptly = CloseStatus is null;
        }

        Socket.Abort();
        AbortHook?.Invoke();
        if (TryEnterReader())
        {
            _readEnded = true;
            ExitReader();
        }
    }

    /// <summary>Reads the bot's first message, which must be a JSON text frame; returns a copy of its bytes.</summary>
    public async Task<byte[]> ReadHandshakeAsync(string expected, CancellationToken cancellationToken)
    {
        if (!TryEnterReader())
        {
            throw new InvalidOperationException("The handshake is already being read.");
        }

        using var timeout = HandshakeTimeout == Timeout.InfiniteTimeSpan ? new CancellationTokenSource() : new CancellationTokenSource(HandshakeTimeout, Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        ReceivedKind kind;
        try
        {
            kind = await Receiver.ReceiveAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw await FailHandshakeAsync($"the bot sent no {expected} message within {HandshakeTimeout.TotalSeconds:0.###} s", abort: true).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Start();
            Abort();
            throw;
        }
        finally
        {
            Volatile.Write(ref _reader, 0);
        }

        return kind switch
        {
            ReceivedKind.Text => Receiver.Message.ToArray(),
            ReceivedKind.Binary => throw await FailHandshakeAsync($"the first message was binary, not the JSON {expected} message", abort: false).ConfigureAwait(false),
            ReceivedKind.TooLarge => throw await FailHandshakeAsync($"the first message exceeded {MaxMessageBytes} bytes", abort: false).ConfigureAwait(false),
            ReceivedKind.Closed => throw await FailHandshakeAsync($"the bot closed the socket ({Socket.CloseStatus}) before sending {expected}", abort: false, closed: true).ConfigureAwait(false),
            _ => throw await FailHandshakeAsync($"the connection dropped before the bot sent {expected}", abort: true).ConfigureAwait(false),
        };
    }

    /// <summary>
    /// Builds the handshake error after closing the socket: a 1008 close handshake (bounded by the close timeout) for
    /// a protocol violation, so the bot learns why before the caller's request ends; an abort when the connection is gone.
    /// </summary>
    public async Task<MeetStreamRealtimeException> FailHandshakeAsync(string reason, bool abort, bool closed = false)
    {
        RealtimeLog.HandshakeFailed(Logger, Name, reason);
        var status = closed ? Socket.CloseStatus : null;
        Start();
        if (abort)
        {
            Abort();
        }
        else if (closed)
        {
            // The bot already sent its close: answer it and finish.
            _readEnded = true;
            Outbound.Complete(WebSocketCloseStatus.NormalClosure, null, discardPending: true);
            try
            {
                await Completion.WaitAsync(CloseTimeout, Time).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                Abort();
            }
        }
        else
        {
            await CloseAsync(WebSocketCloseStatus.PolicyViolation, "expected handshake", CancellationToken.None).ConfigureAwait(false);
        }

        return new MeetStreamRealtimeException(
            $"The MeetStream {Name} channel handshake failed: {reason}. The bot must send it first when it connects.",
            Name,
            BotId,
            status);
    }

    public Exception CreateClosedError()
    {
        var reason = (RealtimeCloseReason)Volatile.Read(ref _closeReason);
        string state = reason switch
        {
            RealtimeCloseReason.IdleTimeout => $"closed: nothing arrived from the bot for {IdleTimeout.TotalSeconds:0.###} s (IdleTimeout)",
            RealtimeCloseReason.MessageTimeout => $"closed: a message from the bot did not end within {MessageTimeout.TotalSeconds:0.###} s (MessageTimeout)",
            _ => CloseStatus is { } status ? $"closed by the bot ({(int)status} {status})" : ClosedAbruptly ? "disconnected" : "closed",
        };
        return new MeetStreamRealtimeException(
            $"The MeetStream {Name} channel{(BotId is null ? string.Empty : " of bot " + BotId)} is {state}; nothing more can be sent on it.",
            Name,
            BotId,
            CloseStatus)
        {
            CloseReason = reason,
        };
    }

    /// <summary>
    /// The peer is taken for dead (idle) or stuck (a message that does not end): log once, count, send close 1001
    /// (best effort, bounded by the close timeout) and drop the connection without waiting for a reply.
    /// </summary>
    private void OnLivenessExpired(RealtimeCloseReason reason)
    {
        if (_closing || _readEnded || Interlocked.CompareExchange(ref _closeReason, (int)reason, 0) != 0)
        {
            return;
        }

        var timeout = reason == RealtimeCloseReason.IdleTimeout ? IdleTimeout : MessageTimeout;
        string kind = reason == RealtimeCloseReason.IdleTimeout ? "idle" : "message";
        RealtimeLog.LivenessTimeout(Logger, Name, BotId, kind, timeout);
        RealtimeTelemetry.LivenessTimeout(Name, kind);
        _ = ExpireAsync(reason == RealtimeCloseReason.IdleTimeout ? "idle timeout" : "message timeout");
    }

    private async Task ExpireAsync(string description)
    {
        _closing = true;
        Outbound.Complete(WebSocketCloseStatus.EndpointUnavailable, description, discardPending: true);
        try
        {
            await Outbound.WriterTask.WaitAsync(CloseTimeout, Time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A peer that does not even take the close frame: drop it all the same.
        }

        Abort();
    }

    private void SetCloseReason(RealtimeCloseReason reason) => Interlocked.CompareExchange(ref _closeReason, (int)reason, 0);

    private async ValueTask<ReceivedKind> ReceiveDroppingDataAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var kind = await Receiver.ReceiveAsync(cancellationToken).ConfigureAwait(false);
            if (kind is not (ReceivedKind.Text or ReceivedKind.Binary))
            {
                return kind;
            }
        }
    }

    private void TryFinish()
    {
        if (!_readEnded || Volatile.Read(ref _reader) != 0 || Volatile.Read(ref _started) == 0 || !Outbound.WriterTask.IsCompleted)
        {
            return;
        }

        if (Interlocked.Exchange(ref _finished, 1) != 0)
        {
            return;
        }

        Receiver.Release();
        Liveness.Dispose();
        RealtimeLog.Closed(Logger, Name, BotId, CloseStatus, CloseStatusDescription, ClosedAbruptly);
        Socket.Dispose();
        _completion.TrySetResult();
    }
}
