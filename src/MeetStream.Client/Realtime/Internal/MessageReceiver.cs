using System.Buffers;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;

namespace MeetStream.Client.Realtime.Internal;

/// <summary>What <see cref="MessageReceiver.ReceiveAsync"/> got.</summary>
internal enum ReceivedKind
{
    Text,
    Binary,

    /// <summary>The message exceeded the size cap (it was drained and dropped, or left unread when the channel closes with 1009).</summary>
    TooLarge,

    /// <summary>The peer sent a close frame.</summary>
    Closed,

    /// <summary>The connection ended without a close handshake (reset, aborted, disposed).</summary>
    Aborted,
}

/// <summary>
/// Reassembles whole WebSocket messages across fragments into one pooled, growable buffer with a size cap.
/// Not thread-safe: only the channel's single reader uses it.
/// </summary>
internal sealed class MessageReceiver
{
    private const int DrainChunk = 16 * 1024;

    private readonly WebSocket _socket;
    private readonly int _maxMessageBytes;
    private readonly bool _drainOversized;
    private readonly LivenessMonitor? _liveness;
    private byte[] _buffer;
    private int _length;

    public MessageReceiver(WebSocket socket, int initialBytes, int maxMessageBytes, bool drainOversized, LivenessMonitor? liveness = null)
    {
        _socket = socket;
        _liveness = liveness;
        _maxMessageBytes = maxMessageBytes;
        _drainOversized = drainOversized;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(initialBytes, maxMessageBytes) + 1);
    }

    /// <summary>Gets the last message received (valid until the next receive).</summary>
    public ReadOnlyMemory<byte> Message => _buffer.AsMemory(0, _length);

    /// <summary>Receives the next complete message.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (this aborts the socket).</exception>
    /// <remarks>Runs once per message and usually completes asynchronously: the pooling builder keeps that allocation-free.</remarks>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<ReceivedKind> ReceiveAsync(CancellationToken cancellationToken)
    {
        _length = 0;
        int count = 0;
        try
        {
            while (true)
            {
                if (count == _buffer.Length)
                {
                    Grow(count);
                }

                _liveness?.ReceiveStarting();
                var result = await _socket.ReceiveAsync(_buffer.AsMemory(count), cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    _liveness?.ReceiveEnded();
                    return ReceivedKind.Closed;
                }

                _liveness?.ReceiveProgress(result.EndOfMessage);

                count += result.Count;
                if (count > _maxMessageBytes)
                {
                    if (!result.EndOfMessage && _drainOversized && !await DrainAsync(cancellationToken).ConfigureAwait(false))
                    {
                        return ReceivedKind.Closed;
                    }

                    return ReceivedKind.TooLarge;
                }

                if (result.EndOfMessage)
                {
                    _length = count;
                    return result.MessageType == WebSocketMessageType.Text ? ReceivedKind.Text : ReceivedKind.Binary;
                }
            }
        }
        catch (Exception ex) when (IsConnectionLoss(ex, cancellationToken))
        {
            _liveness?.ReceiveEnded();
            return ReceivedKind.Aborted;
        }
    }

    /// <summary>Returns the buffer to the pool; the receiver must not be used afterwards.</summary>
    public void Release()
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        _length = 0;
    }

    internal static bool IsConnectionLoss(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        WebSocketException or IOException or ObjectDisposedException or InvalidOperationException => true,
        _ => false,
    };

    private void Grow(int used)
    {
        // The buffer may hold one byte more than the cap, so an over-long message is detected without a second read.
        int size = (int)Math.Min((long)_buffer.Length * 2, (long)_maxMessageBytes + 1);
        var bigger = ArrayPool<byte>.Shared.Rent(size);
        _buffer.AsSpan(0, used).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }

    /// <summary>Reads and discards the rest of an over-long message; false if the peer closed meanwhile.</summary>
    private async ValueTask<bool> DrainAsync(CancellationToken cancellationToken)
    {
        var scratch = _buffer.AsMemory(0, Math.Min(_buffer.Length, DrainChunk));
        while (true)
        {
            _liveness?.ReceiveStarting();
            var result = await _socket.ReceiveAsync(scratch, cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                _liveness?.ReceiveEnded();
                return false;
            }

            _liveness?.ReceiveProgress(result.EndOfMessage);

            if (result.EndOfMessage)
            {
                return true;
            }
        }
    }
}
