using System.Buffers;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using MeetStream.Client.Realtime.Internal;

namespace MeetStream.Client.Realtime;

/// <summary>
/// The server side of a bot's live-audio socket (<c>live_audio_required.websocket_url</c>): reads the <c>ready</c>
/// handshake, then yields the meeting audio as <see cref="AudioFrame"/>s from binary frames and legacy
/// <c>PCMChunk</c> JSON frames.
/// </summary>
/// <remarks>
/// <para>
/// Create one with <see cref="StartAsync"/> over the WebSocket you accepted; the session then owns the socket. A
/// background loop receives and parses every message at once (so WebSocket pings are answered and a close is noticed
/// even while your code is busy) and queues the audio in buffers rented from <see cref="ArrayPool{T}.Shared"/>:
/// no allocation per frame. When the application falls behind, <see cref="AudioChannelOptions.FrameQueueFullMode"/>
/// decides: drop the oldest frames (counted in <see cref="FramesDropped"/>) or slow the bot down.
/// </para>
/// <para>
/// Read with <see cref="ReadFramesAsync"/> (one reader at a time). A frame's PCM is valid until the next
/// <c>MoveNextAsync</c>; see <see cref="AudioFrame"/>. Messages of other types are skipped and counted in
/// <see cref="FramesSkipped"/>; malformed frames are skipped and counted in <see cref="FramesMalformed"/>; neither
/// ends the session. The enumeration ends cleanly after the last queued frame once the bot has closed the socket
/// (status 1000 when it leaves) or the connection dropped (<see cref="RealtimeChannelSession.ClosedAbruptly"/>).
/// </para>
/// </remarks>
public sealed class AudioChannelSession : RealtimeChannelSession
{
    private const int NameScratchBytes = 512;

    private readonly Channel<QueuedFrame> _frames;
    private readonly bool _waitWhenFull;
    private readonly Utf8StringCache _speakerIds;
    private readonly Utf8StringCache _speakerNames;
    private readonly byte[] _nameScratch = new byte[NameScratchBytes];
    private int _readerActive;
    private long _sequence;
    private long _received;
    private long _skipped;
    private long _malformed;
    private long _dropped;
    private int _lastError;

    private AudioChannelSession(RealtimeChannel channel, ReadyMessage ready, AudioChannelOptions options)
        : base(channel, ready.BotId!)
    {
        Ready = ready;
        _speakerIds = new Utf8StringCache(options.SpeakerCacheSize);
        _speakerNames = new Utf8StringCache(options.SpeakerCacheSize);
        _waitWhenFull = options.FrameQueueFullMode == FrameQueueFullMode.Wait;
        _frames = Channel.CreateBounded<QueuedFrame>(
            new BoundedChannelOptions(options.FrameQueueCapacity)
            {
                SingleReader = true,
                SingleWriter = true,
                FullMode = _waitWhenFull ? BoundedChannelFullMode.Wait : BoundedChannelFullMode.DropOldest,
                AllowSynchronousContinuations = false,
            },
            OnFrameDropped);
    }

    /// <summary>Gets the <c>ready</c> handshake as received.</summary>
    public ReadyMessage Ready { get; }

    /// <summary>Gets the number of valid audio frames received (delivered, queued or dropped).</summary>
    public long FramesReceived => Interlocked.Read(ref _received);

    /// <summary>Gets the number of frames dropped because the application did not read them in time (<see cref="FrameQueueFullMode.DropOldest"/>).</summary>
    public long FramesDropped => Interlocked.Read(ref _dropped);

    /// <summary>Gets the number of messages skipped because they are not audio (another binary <c>msg_type</c>, or JSON of another <c>type</c>).</summary>
    public long FramesSkipped => Interlocked.Read(ref _skipped);

    /// <summary>Gets the number of malformed frames skipped (too short, lengths past the end, invalid UTF-8, bad JSON or base64).</summary>
    public long FramesMalformed => Interlocked.Read(ref _malformed);

    /// <summary>Gets why the most recent malformed frame was rejected (<see cref="AudioFrameParseError.None"/> if none was).</summary>
    public AudioFrameParseError LastMalformedReason => (AudioFrameParseError)Volatile.Read(ref _lastError);

    /// <summary>Gets the number of frames waiting to be read.</summary>
    public int QueuedFrames => _frames.Reader.Count;

    /// <summary>Starts a session on a WebSocket the bot opened: waits for its <c>ready</c> handshake, then starts receiving.</summary>
    /// <param name="webSocket">The accepted, open WebSocket. The session owns it from now on.</param>
    /// <param name="options">Settings; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels waiting for the handshake (and aborts the socket).</param>
    /// <returns>The session, receiving frames.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="webSocket"/> is null.</exception>
    /// <exception cref="ArgumentException">The socket is not open, or an option is out of range.</exception>
    /// <exception cref="MeetStreamRealtimeException">
    /// The first message was not a <c>ready</c> JSON message with a <c>bot_id</c>, none came within
    /// <see cref="RealtimeChannelOptions.HandshakeTimeout"/>, or the socket closed first. The socket is closed (1008) or aborted.
    /// </exception>
    public static async Task<AudioChannelSession> StartAsync(WebSocket webSocket, AudioChannelOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new AudioChannelOptions();
        var channel = new RealtimeChannel(webSocket, RealtimeChannelKind.Audio, options, initialBufferBytes: 8 * 1024, sendCapacity: 4);
        var ready = await ReadyHandshake.ReadAsync(channel, cancellationToken).ConfigureAwait(false);
        var session = new AudioChannelSession(channel, ready, options);
        channel.AbortHook = () => session._frames.Writer.TryComplete();
        session.StartReceiveLoop(session.ReceiveLoopAsync);
        return session;
    }

    /// <summary>
    /// Reads the audio frames until the channel has closed and every queued frame was read. Only one enumeration may
    /// run at a time; breaking out of the loop leaves the channel open, and a later call continues with the next frame.
    /// </summary>
    /// <param name="cancellationToken">Stops the enumeration (the channel stays open).</param>
    /// <returns>The frames, in arrival order. Each frame's PCM is valid until the next <c>MoveNextAsync</c>.</returns>
    /// <exception cref="InvalidOperationException">Another enumeration is running.</exception>
    public async IAsyncEnumerable<AudioFrame> ReadFramesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (Interlocked.CompareExchange(ref _readerActive, 1, 0) != 0)
        {
            throw new InvalidOperationException($"Another enumeration is already reading the audio channel of bot {BotId}; only one reader at a time is allowed.");
        }

        var reader = _frames.Reader;
        byte[]? lent = null;

        // Waiting uses no cancellation token (so the channel's cached waiter is reused: no allocation per frame);
        // cancellation wakes the wait with an empty item instead.
        using var registration = cancellationToken.Register(static state => ((AudioChannelSession)state!).Wake(), this);
        try
        {
            while (true)
            {
                Return(ref lent);
                cancellationToken.ThrowIfCancellationRequested();
                if (!reader.TryRead(out var queued))
                {
                    if (!await reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
                    {
                        yield break;
                    }

                    continue;
                }

                if (queued.Buffer is null)
                {
                    continue;
                }

                lent = queued.Buffer;
                yield return queued.Frame;
            }
        }
        finally
        {
            Return(ref lent);
            Volatile.Write(ref _readerActive, 0);
        }
    }

    /// <summary>Returns the buffers of frames nobody read to the pool; frames of this session must not be used afterwards.</summary>
    private protected override void OnDisposed()
    {
        if (Interlocked.CompareExchange(ref _readerActive, 1, 0) == 0)
        {
            while (_frames.Reader.TryRead(out var queued))
            {
                if (queued.Buffer is not null)
                {
                    ArrayPool<byte>.Shared.Return(queued.Buffer);
                }
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"AudioChannelSession(bot {BotId}, {FramesReceived} frames{(IsClosed ? ", closed" : string.Empty)})";

    private static void Return(ref byte[]? buffer)
    {
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = null;
        }
    }

    private void Wake()
    {
        // Only an empty queue can have a waiting reader; writing into a full one would drop a real frame.
        if (_frames.Reader.Count == 0)
        {
            _frames.Writer.TryWrite(default);
        }
    }

    private void OnFrameDropped(QueuedFrame frame)
    {
        if (frame.Buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(frame.Buffer);
            Interlocked.Increment(ref _dropped);
            RealtimeTelemetry.DroppedFrames.Add(1);
        }
    }

    private async Task ReceiveLoopAsync()
    {
        try
        {
            while (true)
            {
                var kind = await Core.Receiver.ReceiveAsync(CancellationToken.None).ConfigureAwait(false);
                if (kind is ReceivedKind.Text or ReceivedKind.Binary)
                {
                    if (!Core.IsClosing && TryReadFrame(kind, out var queued))
                    {
                        if (!_frames.Writer.TryWrite(queued))
                        {
                            // Wait mode and the queue is full: stop reading the socket until there is room.
                            await WriteWhenRoomAsync(queued).ConfigureAwait(false);
                        }
                    }
                }
                else if (Core.HandleNonData(kind))
                {
                    break;
                }
            }
        }
        finally
        {
            _frames.Writer.TryComplete();
            Core.ExitReader();
        }
    }

    private async ValueTask WriteWhenRoomAsync(QueuedFrame queued)
    {
        try
        {
            while (await _frames.Writer.WaitToWriteAsync().ConfigureAwait(false))
            {
                if (_frames.Writer.TryWrite(queued))
                {
                    return;
                }
            }
        }
        catch (ChannelClosedException)
        {
        }

        ArrayPool<byte>.Shared.Return(queued.Buffer!);
    }

    private bool TryReadFrame(ReceivedKind kind, out QueuedFrame queued)
    {
        var message = Core.Receiver.Message.Span;
        AudioFrameParseError error;
        if (kind == ReceivedKind.Binary)
        {
            if (BinaryAudioFrame.TryParse(message, out var binary, out error))
            {
                byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Max(binary.Pcm.Length, 1));
                binary.Pcm.CopyTo(buffer);
                queued = Queue(buffer, binary.Pcm.Length, _speakerIds.GetString(binary.SpeakerIdUtf8), _speakerNames.GetString(binary.SpeakerNameUtf8), AudioFrameFormat.Binary);
                return true;
            }
        }
        else if (LegacyPcmChunk.TryParse(message, out var chunk, out error))
        {
            byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Max(chunk.MaxPcmLength, 1));
            if (chunk.TryDecodePcm(buffer, out int written))
            {
                string name = chunk.TryGetSpeakerNameUtf8(_nameScratch, out var nameUtf8)
                    ? _speakerNames.GetString(nameUtf8)
                    : chunk.GetSpeakerName() ?? string.Empty;
                queued = Queue(buffer, written, string.Empty, name, AudioFrameFormat.LegacyJson);
                return true;
            }

            ArrayPool<byte>.Shared.Return(buffer);
            error = AudioFrameParseError.InvalidBase64;
        }

        queued = default;
        if (error == AudioFrameParseError.UnknownType)
        {
            Interlocked.Increment(ref _skipped);
            RealtimeTelemetry.SkippedFrames.Add(1);
        }
        else
        {
            long count = Interlocked.Increment(ref _malformed);
            Volatile.Write(ref _lastError, (int)error);
            RealtimeTelemetry.MalformedFrames.Add(1);
            RealtimeLog.MalformedFrame(Core.Logger, RealtimeChannel.AudioName, BotId, error.ToString(), count);
        }

        return false;
    }

    private QueuedFrame Queue(byte[] buffer, int length, string speakerId, string speakerName, AudioFrameFormat format)
    {
        Interlocked.Increment(ref _received);
        RealtimeTelemetry.AudioFrames.Add(1);
        var frame = new AudioFrame(buffer.AsMemory(0, length), speakerId, speakerName, format, _sequence++, Core.Time.GetUtcNow());
        return new QueuedFrame(buffer, frame);
    }

    /// <summary>A frame and the pooled buffer its PCM lives in (null buffer: a wake-up item).</summary>
    private readonly record struct QueuedFrame(byte[]? Buffer, AudioFrame Frame);
}
