using System.Buffers;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using MeetStream.Client.Realtime.Internal;

namespace MeetStream.Client.Realtime;

/// <summary>
/// The server side of a bot's live-audio socket (<c>live_audio_required.websocket_url</c>, §4.2): reads the
/// <c>ready</c> handshake, then yields the meeting audio as <see cref="AudioFrame"/>s from binary frames and legacy
/// <c>PCMChunk</c> JSON frames.
/// </summary>
/// <remarks>
/// <para>
/// Create one with <see cref="StartAsync"/> over the WebSocket you accepted; the session then owns the socket.
/// Frames are read on demand by <see cref="ReadFramesAsync"/> (one reader at a time): there is no background copy
/// and no per-frame allocation, and a slow consumer slows the bot down through TCP flow control instead of growing
/// memory. A frame's PCM is valid until the next <c>MoveNextAsync</c>; see <see cref="AudioFrame"/>.
/// </para>
/// <para>
/// Messages of other types are skipped and counted in <see cref="FramesSkipped"/>; malformed frames are skipped and
/// counted in <see cref="FramesMalformed"/>; neither ends the session. The enumeration ends cleanly when the bot
/// closes the socket (status 1000 when it leaves) or the connection drops (<see cref="ClosedAbruptly"/>).
/// </para>
/// </remarks>
public sealed class AudioChannelSession : IAsyncDisposable
{
    private const int NameScratchBytes = 512;

    private readonly RealtimeChannel _channel;
    private readonly Utf8StringCache _speakerIds;
    private readonly Utf8StringCache _speakerNames;
    private byte[] _legacyPcm = [];
    private byte[]? _nameScratch;
    private long _received;
    private long _skipped;
    private long _malformed;
    private int _lastError;

    private AudioChannelSession(RealtimeChannel channel, ReadyMessage ready, AudioChannelOptions options)
    {
        _channel = channel;
        Ready = ready;
        BotId = ready.BotId!;
        _speakerIds = new Utf8StringCache(options.SpeakerCacheSize);
        _speakerNames = new Utf8StringCache(options.SpeakerCacheSize);
        _channel.Completion.ContinueWith(static (_, state) => ((AudioChannelSession)state!).ReleaseBuffers(), this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Gets the bot id from the <c>ready</c> handshake.</summary>
    public string BotId { get; }

    /// <summary>Gets the <c>ready</c> handshake as received.</summary>
    public ReadyMessage Ready { get; }

    /// <summary>Gets the number of audio frames delivered.</summary>
    public long FramesReceived => Interlocked.Read(ref _received);

    /// <summary>Gets the number of messages skipped because they are not audio (another binary <c>msg_type</c>, or JSON of another <c>type</c>).</summary>
    public long FramesSkipped => Interlocked.Read(ref _skipped);

    /// <summary>Gets the number of malformed frames skipped (too short, lengths past the end, invalid UTF-8, bad JSON or base64).</summary>
    public long FramesMalformed => Interlocked.Read(ref _malformed);

    /// <summary>Gets why the most recent malformed frame was rejected (<see cref="AudioFrameParseError.None"/> if none was).</summary>
    public AudioFrameParseError LastMalformedReason => (AudioFrameParseError)Volatile.Read(ref _lastError);

    /// <summary>Gets the number of messages over <see cref="RealtimeChannelOptions.MaxMessageBytes"/>.</summary>
    public long MessagesTooLarge => _channel.OversizedMessages;

    /// <summary>Gets a task that completes when the channel has closed (the bot left, the connection dropped, or the session was closed).</summary>
    public Task Completion => _channel.Completion;

    /// <summary>Gets whether the channel has closed.</summary>
    public bool IsClosed => _channel.Completion.IsCompleted;

    /// <summary>Gets the close status the bot sent (1000 when it leaves), or <see langword="null"/> if it sent none.</summary>
    public WebSocketCloseStatus? CloseStatus => _channel.CloseStatus;

    /// <summary>Gets the close description the bot sent, if any.</summary>
    public string? CloseStatusDescription => _channel.CloseStatusDescription;

    /// <summary>Gets whether the connection ended without a close handshake (reset, network loss, abort).</summary>
    public bool ClosedAbruptly => _channel.ClosedAbruptly;

    /// <summary>Starts a session on a WebSocket the bot opened: waits for its <c>ready</c> handshake.</summary>
    /// <param name="webSocket">The accepted, open WebSocket. The session owns it from now on.</param>
    /// <param name="options">Settings; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels waiting for the handshake (and aborts the socket).</param>
    /// <returns>The session, ready to read frames.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="webSocket"/> is null.</exception>
    /// <exception cref="ArgumentException">The socket is not open, or an option is out of range.</exception>
    /// <exception cref="MeetStreamRealtimeException">
    /// The first message was not a <c>ready</c> JSON message with a <c>bot_id</c>, none came within
    /// <see cref="RealtimeChannelOptions.HandshakeTimeout"/>, or the socket closed first. The socket is closed (1008) or aborted.
    /// </exception>
    public static async Task<AudioChannelSession> StartAsync(WebSocket webSocket, AudioChannelOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new AudioChannelOptions();
        var channel = new RealtimeChannel(webSocket, RealtimeChannel.AudioName, options, initialBufferBytes: 8 * 1024, sendCapacity: 4);
        var ready = await ReadyHandshake.ReadAsync(channel, cancellationToken).ConfigureAwait(false);
        channel.Start();
        return new AudioChannelSession(channel, ready, options);
    }

    /// <summary>
    /// Reads the audio frames until the channel closes. Only one enumeration may run at a time; breaking out of the
    /// loop leaves the channel open, and a later call continues with the next frame.
    /// </summary>
    /// <param name="cancellationToken">Stops the enumeration. Cancelling while it waits for a frame aborts the socket (WebSocket semantics).</param>
    /// <returns>The frames, in arrival order. Each frame's PCM is valid until the next <c>MoveNextAsync</c>.</returns>
    /// <exception cref="InvalidOperationException">Another enumeration is running.</exception>
    public async IAsyncEnumerable<AudioFrame> ReadFramesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!_channel.TryEnterReader())
        {
            if (_channel.ReadEnded)
            {
                yield break;
            }

            throw new InvalidOperationException($"Another enumeration is already reading the audio channel of bot {BotId}; only one reader at a time is allowed.");
        }

        try
        {
            while (true)
            {
                var kind = await ReceiveAsync(cancellationToken).ConfigureAwait(false);
                if (kind is ReceivedKind.Text or ReceivedKind.Binary)
                {
                    if (!_channel.IsClosing && TryReadFrame(kind, out var frame))
                    {
                        yield return frame;
                    }
                }
                else if (_channel.HandleNonData(kind))
                {
                    yield break;
                }
            }
        }
        finally
        {
            _channel.ExitReader();
        }
    }

    /// <summary>Closes the channel with status 1000 and waits until it has closed (aborting after <see cref="RealtimeChannelOptions.CloseTimeout"/>).</summary>
    /// <param name="cancellationToken">Aborts the socket instead of waiting.</param>
    /// <returns>A task that completes when the channel has closed.</returns>
    public Task CloseAsync(CancellationToken cancellationToken = default) => CloseAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);

    /// <summary>Closes the channel with a status and waits until it has closed (aborting after <see cref="RealtimeChannelOptions.CloseTimeout"/>).</summary>
    /// <param name="status">The close status to send.</param>
    /// <param name="description">The close reason to send (at most 123 UTF-8 bytes).</param>
    /// <param name="cancellationToken">Aborts the socket instead of waiting.</param>
    /// <returns>A task that completes when the channel has closed.</returns>
    public Task CloseAsync(WebSocketCloseStatus status, string? description, CancellationToken cancellationToken = default) =>
        _channel.CloseAsync(status, description, cancellationToken);

    /// <summary>Tears the connection down at once without a close handshake.</summary>
    public void Abort() => _channel.Abort();

    /// <summary>Closes the channel (status 1000) and waits for it, as <see cref="CloseAsync(CancellationToken)"/>.</summary>
    /// <returns>A task that completes when the channel has closed.</returns>
    public async ValueTask DisposeAsync() => await CloseAsync(CancellationToken.None).ConfigureAwait(false);

    /// <inheritdoc />
    public override string ToString() => $"AudioChannelSession(bot {BotId}, {FramesReceived} frames{(IsClosed ? ", closed" : string.Empty)})";

    private async ValueTask<ReceivedKind> ReceiveAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _channel.Receiver.ReceiveAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The WebSocket aborts itself when a pending receive is cancelled: record that the channel has ended.
            _channel.HandleNonData(ReceivedKind.Aborted);
            throw;
        }
    }

    private bool TryReadFrame(ReceivedKind kind, out AudioFrame frame)
    {
        var message = _channel.Receiver.Message;
        AudioFrameParseError error;
        if (kind == ReceivedKind.Binary)
        {
            if (BinaryAudioFrame.TryParse(message.Span, out var binary, out error))
            {
                frame = new AudioFrame(
                    message[(message.Length - binary.Pcm.Length)..],
                    _speakerIds.GetString(binary.SpeakerIdUtf8),
                    _speakerNames.GetString(binary.SpeakerNameUtf8),
                    AudioFrameFormat.Binary,
                    Interlocked.Increment(ref _received) - 1,
                    _channel.Time.GetUtcNow());
                RealtimeTelemetry.AudioFrames.Add(1);
                return true;
            }
        }
        else if (LegacyPcmChunk.TryParse(message.Span, out var chunk, out error))
        {
            EnsureLegacyCapacity(chunk.MaxPcmLength);
            if (chunk.TryDecodePcm(_legacyPcm, out int written))
            {
                _nameScratch ??= new byte[NameScratchBytes];
                string name = chunk.TryGetSpeakerNameUtf8(_nameScratch, out var nameUtf8)
                    ? _speakerNames.GetString(nameUtf8)
                    : chunk.GetSpeakerName() ?? string.Empty;
                frame = new AudioFrame(
                    _legacyPcm.AsMemory(0, written),
                    string.Empty,
                    name,
                    AudioFrameFormat.LegacyJson,
                    Interlocked.Increment(ref _received) - 1,
                    _channel.Time.GetUtcNow());
                RealtimeTelemetry.AudioFrames.Add(1);
                return true;
            }

            error = AudioFrameParseError.InvalidBase64;
        }

        frame = default;
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
            RealtimeLog.MalformedFrame(_channel.Logger, RealtimeChannel.AudioName, BotId, error.ToString(), count);
        }

        return false;
    }

    private void EnsureLegacyCapacity(int bytes)
    {
        if (_legacyPcm.Length >= bytes)
        {
            return;
        }

        if (_legacyPcm.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_legacyPcm);
        }

        _legacyPcm = ArrayPool<byte>.Shared.Rent(bytes);
    }

    private void ReleaseBuffers()
    {
        var buffer = Interlocked.Exchange(ref _legacyPcm, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
