using System.Net.WebSockets;
using System.Threading.Channels;
using MeetStream.Client.Realtime.Dsp;
using MeetStream.Client.Realtime.Internal;

namespace MeetStream.Client.Realtime;

/// <summary>
/// The server side of a bot's control socket (<c>socket_connection_url.websocket_url</c>): reads the <c>ready</c>
/// handshake, then sends typed commands (speak, chat, images, interrupt) and yields what the bot sends
/// (<c>usermsg</c> chat, inbound <c>interrupt</c>, anything else as raw JSON).
/// </summary>
/// <remarks>
/// <para>
/// Every command carries the bot id from <c>ready</c>. All sends go through one bounded queue drained by a single
/// writer loop (a WebSocket allows one send at a time); each send method completes when its message has been written
/// to the socket. A background loop reads inbound messages, so the session notices the bot leaving even when you never
/// read them.
/// </para>
/// <para>
/// <b>Barge-in.</b> <see cref="InterruptAsync"/> overtakes everything: it is sent before any other queued message,
/// every audio chunk queued before it and not yet sent is discarded, and running <c>SpeakAsync</c> calls stop and
/// return <see cref="SpeakResult.Interrupted"/>. Audio queued after it (your next answer) is kept. MeetStream clears
/// the audio already queued on the bot only on Google Meet; Zoom and Teams accept the command without effect.
/// </para>
/// </remarks>
public sealed class ControlChannelSession : RealtimeChannelSession
{
    private readonly Channel<ControlMessage> _inbound;
    private readonly object _speechGate = new();
    private readonly TimeSpan _chunkDuration;
    private readonly double _pacingFactor;
    private readonly bool _stopOnInboundInterrupt;
    private readonly PcmResamplerOptions? _resampling;
    private readonly SemaphoreSlim _speakLock = new(1, 1);
    private CancellationTokenSource _speechCts = new();
    private long _nextSendAt;
    private long _received;
    private long _inboundDropped;
    private long _inboundMalformed;

    private ControlChannelSession(RealtimeChannel channel, ReadyMessage ready, ControlChannelOptions options)
        : base(channel, ready.BotId!)
    {
        Ready = ready;
        _chunkDuration = options.SpeechChunkDuration;
        _pacingFactor = options.PacingFactor;
        _stopOnInboundInterrupt = options.StopSpeakingOnInboundInterrupt;
        _resampling = options.SpeechResampling;
        _inbound = Channel.CreateBounded<ControlMessage>(
            new BoundedChannelOptions(options.InboundQueueCapacity)
            {
                FullMode = BoundedChannelFullMode.DropOldest,
                SingleWriter = true,
                SingleReader = false,
            },
            _ => Interlocked.Increment(ref _inboundDropped));
        _inbound.Writer.TryWrite(ready);
    }

    /// <summary>Gets the <c>ready</c> handshake as received (also the first item of <see cref="ReadMessagesAsync"/>).</summary>
    public ReadyMessage Ready { get; }

    /// <summary>Gets the number of commands written to the socket.</summary>
    public long MessagesSent => Core.Outbound.SentCount;

    /// <summary>Gets the number of queued audio chunks discarded unsent because of an interrupt.</summary>
    public long AudioChunksDiscarded => Core.Outbound.DiscardedAudioCount;

    /// <summary>Gets the number of commands waiting in the send queue.</summary>
    public int PendingSendCount => Core.Outbound.PendingCount;

    /// <summary>Gets the number of inbound messages received after the handshake.</summary>
    public long MessagesReceived => Interlocked.Read(ref _received);

    /// <summary>Gets the number of inbound messages dropped because nobody read them (see <see cref="ControlChannelOptions.InboundQueueCapacity"/>).</summary>
    public long InboundMessagesDropped => Interlocked.Read(ref _inboundDropped);

    /// <summary>Gets the number of inbound messages skipped because they were not JSON objects, or were binary.</summary>
    public long InboundMessagesMalformed => Interlocked.Read(ref _inboundMalformed);

    /// <summary>Starts a session on a WebSocket the bot opened: waits for its <c>ready</c> handshake, then starts the reader and writer loops.</summary>
    /// <param name="webSocket">The accepted, open WebSocket. The session owns it from now on.</param>
    /// <param name="options">Settings; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels waiting for the handshake (and aborts the socket).</param>
    /// <returns>The session.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="webSocket"/> is null.</exception>
    /// <exception cref="ArgumentException">The socket is not open, or an option is out of range.</exception>
    /// <exception cref="MeetStreamRealtimeException">
    /// The first message was not a <c>ready</c> JSON message with a <c>bot_id</c>, none came within
    /// <see cref="RealtimeChannelOptions.HandshakeTimeout"/>, or the socket closed first. The socket is closed (1008) or aborted.
    /// </exception>
    public static async Task<ControlChannelSession> StartAsync(WebSocket webSocket, ControlChannelOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ControlChannelOptions();
        var channel = new RealtimeChannel(webSocket, RealtimeChannelKind.Control, options, initialBufferBytes: 4 * 1024, sendCapacity: options.SendQueueCapacity);
        var ready = await ReadyHandshake.ReadAsync(channel, cancellationToken).ConfigureAwait(false);
        var session = new ControlChannelSession(channel, ready, options);
        session.StartReceiveLoop(session.ReceiveLoopAsync);
        return session;
    }

    /// <summary>
    /// Reads the messages the bot sends, starting with the <c>ready</c> handshake, until the channel closes. Several
    /// readers share one stream (each message goes to one of them).
    /// </summary>
    /// <param name="cancellationToken">Stops the enumeration (the channel stays open).</param>
    /// <returns><see cref="ReadyMessage"/>, <see cref="UserChatMessage"/>, <see cref="InterruptMessage"/> or <see cref="UnknownControlMessage"/> values in arrival order.</returns>
    public IAsyncEnumerable<ControlMessage> ReadMessagesAsync(CancellationToken cancellationToken = default) =>
        _inbound.Reader.ReadAllAsync(cancellationToken);

    /// <summary>
    /// Speaks PCM audio in the meeting: converts it to 48 kHz if needed, splits it into <c>sendaudio</c> chunks of
    /// <see cref="ControlChannelOptions.SpeechChunkDuration"/> and sends them paced slightly faster than real time
    /// (<see cref="ControlChannelOptions.PacingFactor"/>).
    /// </summary>
    /// <remarks>
    /// Pacing runs on one clock per session, so speaking an answer sentence by sentence (await one call, then the
    /// next) stays one continuous, correctly paced stream. Calls are serialized: a second call waits until the first
    /// has sent its last chunk. An interrupt stops the running call and every call waiting behind it.
    /// </remarks>
    /// <param name="samples">Mono PCM16 samples.</param>
    /// <param name="sampleRate">The sample rate of <paramref name="samples"/>. Any rate other than 48000 is resampled to 48 kHz (MeetStream's <c>sendaudio</c> rate) first.</param>
    /// <param name="cancellationToken">Stops sending further chunks; chunks already queued are still sent (use <see cref="InterruptAsync"/> to cut playback).</param>
    /// <returns><see cref="SpeakResult.Completed"/> when the last chunk has been written to the socket, <see cref="SpeakResult.Interrupted"/> when an interrupt stopped it.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sampleRate"/> is not positive or cannot be converted to 48000 Hz.</exception>
    /// <exception cref="MeetStreamRealtimeException">The channel closed before the speech was sent.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<SpeakResult> SpeakAsync(ReadOnlyMemory<short> samples, int sampleRate = ControlCommands.SampleRate, CancellationToken cancellationToken = default)
    {
        if (sampleRate != ControlCommands.SampleRate)
        {
            if (sampleRate <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "The sample rate must be positive.");
            }

            samples = SpeechResampling.To48kHz(samples, sampleRate, _resampling);
        }

        ThrowIfClosed();
        return SpeakCoreAsync(samples, cancellationToken);
    }

    /// <summary>
    /// Speaks raw PCM16 little-endian audio bytes in the meeting, as <see cref="SpeakAsync(ReadOnlyMemory{short}, int, CancellationToken)"/>.
    /// </summary>
    /// <param name="pcm">Mono PCM16 LE bytes (an even number).</param>
    /// <param name="sampleRate">The sample rate of <paramref name="pcm"/>. Any rate other than 48000 is resampled to 48 kHz (MeetStream's <c>sendaudio</c> rate) first.</param>
    /// <param name="cancellationToken">Stops sending further chunks.</param>
    /// <returns>How the speech ended.</returns>
    /// <exception cref="ArgumentException"><paramref name="pcm"/> has an odd number of bytes.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sampleRate"/> is not positive or cannot be converted to 48000 Hz.</exception>
    /// <exception cref="MeetStreamRealtimeException">The channel closed before the speech was sent.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<SpeakResult> SpeakAsync(ReadOnlyMemory<byte> pcm, int sampleRate = ControlCommands.SampleRate, CancellationToken cancellationToken = default)
    {
        if (pcm.Length % 2 != 0)
        {
            throw new ArgumentException($"PCM16 audio has two bytes per sample, but {pcm.Length} bytes were given.", nameof(pcm));
        }

        var samples = new short[pcm.Length / 2];
        PcmSamples.Copy(pcm.Span, samples);
        return SpeakAsync(samples, sampleRate, cancellationToken);
    }

    /// <summary>
    /// Sends one <c>sendaudio</c> command with 48 kHz PCM as is, without chunking or pacing (that is up to you:
    /// MeetStream recommends 0.5 to 2 s chunks, sent slightly faster than real time).
    /// </summary>
    /// <param name="pcm">Mono PCM16 LE bytes at 48 kHz (an even number, not empty).</param>
    /// <param name="cancellationToken">Cancels waiting for room in the queue or for the send.</param>
    /// <returns><see langword="true"/> when written to the socket; <see langword="false"/> when an interrupt discarded it first.</returns>
    /// <exception cref="ArgumentException"><paramref name="pcm"/> is empty or has an odd number of bytes.</exception>
    /// <exception cref="MeetStreamRealtimeException">The channel is closed.</exception>
    public async Task<bool> SendAudioAsync(ReadOnlyMemory<byte> pcm, CancellationToken cancellationToken = default)
    {
        if (pcm.IsEmpty || pcm.Length % 2 != 0)
        {
            throw new ArgumentException($"sendaudio needs a non-empty PCM16 chunk with an even number of bytes; {pcm.Length} bytes were given.", nameof(pcm));
        }

        ThrowIfClosed();
        long generation = CaptureSpeech(out _);
        var completion = await EnqueueAsync(ControlCommands.SendAudio(BotId, pcm.Span), OutboundKind.Audio, generation, cancellationToken).ConfigureAwait(false);
        return await completion.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Posts a message in the meeting chat (<c>sendmsg</c>, with the text in both <c>message</c> and <c>msg</c> for every platform).</summary>
    /// <param name="message">The chat text.</param>
    /// <param name="cancellationToken">Cancels waiting for room in the queue or for the send.</param>
    /// <returns>A task that completes when the command has been written to the socket.</returns>
    /// <exception cref="ArgumentException"><paramref name="message"/> is null or empty.</exception>
    /// <exception cref="MeetStreamRealtimeException">The channel is closed.</exception>
    public Task SendMessageAsync(string message, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(message);
        ThrowIfClosed();
        return SendCommandAsync(ControlCommands.SendMessage(BotId, message), cancellationToken);
    }

    /// <summary>
    /// Sends a <c>sendchat</c> message. To stream an answer, send the growing text with <paramref name="isFinal"/>
    /// <see langword="false"/> as often as you like, then once more with <see langword="true"/>.
    /// </summary>
    /// <param name="role">Who speaks: <see cref="ChatRole.Assistant"/> or <see cref="ChatRole.User"/>.</param>
    /// <param name="text">The text so far (the whole text, not a delta).</param>
    /// <param name="isFinal">Whether this is the final version of the text.</param>
    /// <param name="cancellationToken">Cancels waiting for room in the queue or for the send.</param>
    /// <returns>A task that completes when the command has been written to the socket.</returns>
    /// <exception cref="ArgumentException"><paramref name="role"/> is empty or <paramref name="text"/> is null.</exception>
    /// <exception cref="MeetStreamRealtimeException">The channel is closed.</exception>
    public Task SendChatAsync(ChatRole role, string text, bool isFinal = true, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(role.Value))
        {
            throw new ArgumentException("The chat role must not be empty; use ChatRole.Assistant or ChatRole.User.", nameof(role));
        }

        ArgumentNullException.ThrowIfNull(text);
        ThrowIfClosed();
        return SendCommandAsync(ControlCommands.SendChat(BotId, role.Value, text, isFinal), cancellationToken);
    }

    /// <summary>
    /// Barge-in: sends <c>interrupt</c> (<c>action: clear_audio_queue</c>) ahead of every queued message, discards the
    /// audio chunks queued before it and not yet sent, and stops running <c>SpeakAsync</c> calls.
    /// </summary>
    /// <param name="cancellationToken">Cancels waiting for the send (the interrupt still goes out).</param>
    /// <returns>A task that completes when the interrupt has been written to the socket.</returns>
    /// <exception cref="MeetStreamRealtimeException">The channel is closed.</exception>
    public async Task InterruptAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfClosed();
        var payload = ControlCommands.Interrupt(BotId);
        byte[] buffer = payload.Detach(out int length);
        var completion = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        CancellationTokenSource stopped;
        lock (_speechGate)
        {
            // Generation bump, priority enqueue and the new speech token happen together: a SpeakAsync starting now
            // either belongs wholly to the old generation (discarded) or wholly to the new one (kept).
            if (!Core.Outbound.TryEnqueueInterrupt(buffer, length, completion))
            {
                throw Core.CreateClosedError();
            }

            stopped = _speechCts;
            _speechCts = new CancellationTokenSource();
            _nextSendAt = 0;
        }

        StopSpeech(stopped);
        RealtimeTelemetry.Interrupts.Add(1);
        RealtimeLog.InterruptQueued(Core.Logger, BotId, AudioChunksDiscarded);
        await completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets the bot's camera feed to an image (<c>sendimg</c>, base64).</summary>
    /// <param name="image">The JPEG or PNG bytes.</param>
    /// <param name="cancellationToken">Cancels waiting for room in the queue or for the send.</param>
    /// <returns>A task that completes when the command has been written to the socket.</returns>
    /// <exception cref="ArgumentException"><paramref name="image"/> is empty.</exception>
    /// <exception cref="MeetStreamRealtimeException">The channel is closed.</exception>
    public Task SendImageAsync(ReadOnlyMemory<byte> image, CancellationToken cancellationToken = default)
    {
        if (image.IsEmpty)
        {
            throw new ArgumentException("The image must not be empty; pass JPEG or PNG bytes.", nameof(image));
        }

        ThrowIfClosed();
        return SendCommandAsync(ControlCommands.SendImage(BotId, image.Span), cancellationToken);
    }

    /// <summary>Sets the bot's camera feed to an image at a public URL (<c>sendimg_url</c>).</summary>
    /// <param name="imageUrl">An absolute <c>http</c> or <c>https</c> URL MeetStream can reach.</param>
    /// <param name="cancellationToken">Cancels waiting for room in the queue or for the send.</param>
    /// <returns>A task that completes when the command has been written to the socket.</returns>
    /// <exception cref="ArgumentException"><paramref name="imageUrl"/> is not an absolute http(s) URL.</exception>
    /// <exception cref="MeetStreamRealtimeException">The channel is closed.</exception>
    public Task SendImageUrlAsync(string imageUrl, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(imageUrl);
        if (!Uri.TryCreate(imageUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"The image URL must be an absolute http or https URL that MeetStream can reach; got '{imageUrl}'.", nameof(imageUrl));
        }

        ThrowIfClosed();
        return SendCommandAsync(ControlCommands.SendImageUrl(BotId, imageUrl), cancellationToken);
    }

    /// <summary>
    /// Sends a JSON text message as is, in queue order: for commands this SDK does not model yet. Include
    /// <c>command</c> and <c>bot_id</c> yourself.
    /// </summary>
    /// <param name="json">The UTF-8 JSON of the message.</param>
    /// <param name="cancellationToken">Cancels waiting for room in the queue or for the send.</param>
    /// <returns>A task that completes when the message has been written to the socket.</returns>
    /// <exception cref="ArgumentException"><paramref name="json"/> is empty.</exception>
    /// <exception cref="MeetStreamRealtimeException">The channel is closed.</exception>
    public Task SendRawAsync(ReadOnlyMemory<byte> json, CancellationToken cancellationToken = default)
    {
        if (json.IsEmpty)
        {
            throw new ArgumentException("The message must not be empty.", nameof(json));
        }

        ThrowIfClosed();
        var payload = new PooledBufferWriter(json.Length);
        json.Span.CopyTo(payload.GetSpan(json.Length));
        payload.Advance(json.Length);
        return SendCommandAsync(payload, cancellationToken);
    }

    /// <summary>Stops running <c>SpeakAsync</c> calls when the application closes or aborts the channel.</summary>
    private protected override void OnStopped() => StopSpeech(null);

    /// <inheritdoc />
    public override string ToString() => $"ControlChannelSession(bot {BotId}, {MessagesSent} sent{(IsClosed ? ", closed" : string.Empty)})";

    private async Task<SpeakResult> SpeakCoreAsync(ReadOnlyMemory<short> samples, CancellationToken cancellationToken)
    {
        // The generation is taken at the call, before queueing behind another speech: an interrupt issued while this
        // call waits cancels it too (it was requested before the interrupt).
        long generation = CaptureSpeech(out var speechToken);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, speechToken);
        int chunkSamples = (int)(ControlCommands.SampleRate * _chunkDuration.TotalSeconds);
        bool entered = false;
        Task<bool>? last = null;
        try
        {
            await _speakLock.WaitAsync(linked.Token).ConfigureAwait(false);
            entered = true;
            for (int offset = 0; offset < samples.Length; offset += chunkSamples)
            {
                var chunk = samples.Slice(offset, Math.Min(chunkSamples, samples.Length - offset));
                var wait = ReservePacingSlot(chunk.Length);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, Core.Time, linked.Token).ConfigureAwait(false);
                }

                if (Core.Outbound.CurrentGeneration != generation)
                {
                    return SpeakResult.Interrupted;
                }

                last = await EnqueueAsync(ControlCommands.SendAudio(BotId, chunk.Span), OutboundKind.Audio, generation, linked.Token).ConfigureAwait(false);
            }

            if (last is null)
            {
                return Core.Outbound.CurrentGeneration == generation ? SpeakResult.Completed : SpeakResult.Interrupted;
            }

            return await last.WaitAsync(linked.Token).ConfigureAwait(false) ? SpeakResult.Completed : SpeakResult.Interrupted;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && speechToken.IsCancellationRequested)
        {
            ThrowIfClosed();
            return SpeakResult.Interrupted;
        }
        finally
        {
            if (entered)
            {
                _speakLock.Release();
            }
        }
    }

    /// <summary>
    /// Books the send time of the next chunk on the session-wide pacing clock, so consecutive <c>SpeakAsync</c> calls
    /// (sentence by sentence) stay paced as one stream; returns how long to wait for it.
    /// </summary>
    private TimeSpan ReservePacingSlot(int samples)
    {
        var time = Core.Time;
        lock (_speechGate)
        {
            long now = time.GetTimestamp();
            long slot = Math.Max(now, _nextSendAt);
            double seconds = (double)samples / ControlCommands.SampleRate * _pacingFactor;
            _nextSendAt = slot + (long)(seconds * time.TimestampFrequency);
            return TimeSpan.FromSeconds((double)(slot - now) / time.TimestampFrequency);
        }
    }

    private long CaptureSpeech(out CancellationToken speechToken)
    {
        lock (_speechGate)
        {
            speechToken = _speechCts.Token;
            return Core.Outbound.CurrentGeneration;
        }
    }

    private void StopSpeech(CancellationTokenSource? stopped)
    {
        if (stopped is null)
        {
            lock (_speechGate)
            {
                stopped = _speechCts;
                _speechCts = new CancellationTokenSource();
            }
        }

        // Not disposed: a SpeakAsync may still be linking to its token; a CancellationTokenSource without timers holds nothing to release.
        stopped.Cancel();
    }

    private void StopSpeakingLocally()
    {
        CancellationTokenSource stopped;
        lock (_speechGate)
        {
            if (!Core.Outbound.TryDiscardQueuedAudio())
            {
                return;
            }

            stopped = _speechCts;
            _speechCts = new CancellationTokenSource();
            _nextSendAt = 0;
        }

        StopSpeech(stopped);
    }

    private async Task SendCommandAsync(PooledBufferWriter payload, CancellationToken cancellationToken)
    {
        var completion = await EnqueueAsync(payload, OutboundKind.Command, 0, cancellationToken).ConfigureAwait(false);
        await completion.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<Task<bool>> EnqueueAsync(PooledBufferWriter payload, OutboundKind kind, long generation, CancellationToken cancellationToken)
    {
        byte[] buffer = payload.Detach(out int length);
        var completion = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        await Core.Outbound.EnqueueAsync(new OutboundMessage(buffer, length, kind, generation, completion), cancellationToken).ConfigureAwait(false);
        return completion.Task;
    }

    private void ThrowIfClosed()
    {
        if (Core.Outbound.IsClosed)
        {
            throw Core.CreateClosedError();
        }
    }

    private async Task ReceiveLoopAsync()
    {
        try
        {
            while (true)
            {
                var kind = await Core.Receiver.ReceiveAsync(CancellationToken.None).ConfigureAwait(false);
                if (kind == ReceivedKind.Text)
                {
                    if (Core.IsClosing)
                    {
                        continue;
                    }

                    var message = ControlMessageParser.Parse(Core.Receiver.Message.Span);
                    if (message is null)
                    {
                        Interlocked.Increment(ref _inboundMalformed);
                        continue;
                    }

                    Interlocked.Increment(ref _received);
                    if (message is InterruptMessage && _stopOnInboundInterrupt)
                    {
                        StopSpeakingLocally();
                    }

                    _inbound.Writer.TryWrite(message);
                }
                else if (kind == ReceivedKind.Binary)
                {
                    Interlocked.Increment(ref _inboundMalformed);
                }
                else if (Core.HandleNonData(kind))
                {
                    break;
                }
            }
        }
        finally
        {
            _inbound.Writer.TryComplete();
            StopSpeech(null);
            Core.ExitReader();
        }
    }
}
