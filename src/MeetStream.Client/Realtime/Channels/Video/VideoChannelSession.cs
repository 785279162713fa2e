using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text.Json;
using MeetStream.Client.Realtime.Internal;
using MeetStream.Client.Serialization;

namespace MeetStream.Client.Realtime;

/// <summary>
/// The server side of a bot's live-video socket (<c>live_video_required.websocket_url</c>; Google Meet and Teams):
/// reads the <c>video_stream_start</c> metadata, then yields the fMP4 fragments in order, answers latency pings
/// automatically, and records <c>video_stream_end</c>.
/// </summary>
/// <remarks>
/// Fragments are read on demand (one reader at a time) into a pooled buffer, zero-copy; see <see cref="VideoFragment"/>
/// for their lifetime. Read them with <see cref="ReadFragmentsAsync"/>, or as one byte stream with
/// <see cref="OpenReadStream"/> / <see cref="CopyToAsync"/>. Pings are answered while you read.
/// </remarks>
public sealed class VideoChannelSession : RealtimeChannelSession
{
    private const int MaxMessagesBeforeStart = 16;

    private readonly bool _answerPings;
    private VideoStreamStart _start;
    private VideoStreamEnd? _end;
    private VideoLatencyPing? _lastPing;
    private long _fragments;
    private long _bytes;
    private long _pongs;
    private long _skipped;

    private VideoChannelSession(RealtimeChannel channel, VideoStreamStart start, VideoChannelOptions options)
        : base(channel, channel.BotId!)
    {
        _start = start;
        _answerPings = options.AnswerLatencyPings;
    }

    /// <summary>Gets the stream metadata (codec, container, size, frame rate, audio format); updated if the bot sends it again.</summary>
    public VideoStreamStart StreamStart => Volatile.Read(ref _start);

    /// <summary>Gets the <c>video_stream_end</c> message once it has been read (the bot sends it before closing), else <see langword="null"/>.</summary>
    public VideoStreamEnd? StreamEnd => Volatile.Read(ref _end);

    /// <summary>Gets the most recent latency ping.</summary>
    public VideoLatencyPing? LastLatencyPing => Volatile.Read(ref _lastPing);

    /// <summary>Gets the number of fragments delivered.</summary>
    public long FragmentsReceived => Interlocked.Read(ref _fragments);

    /// <summary>Gets the number of fragment bytes delivered.</summary>
    public long BytesReceived => Interlocked.Read(ref _bytes);

    /// <summary>Gets the number of <c>video_latency_pong</c> replies queued.</summary>
    public long LatencyPingsAnswered => Interlocked.Read(ref _pongs);

    /// <summary>Gets the number of text messages skipped (unknown types or not JSON).</summary>
    public long MessagesSkipped => Interlocked.Read(ref _skipped);

    /// <summary>Starts a session on a WebSocket the bot opened: waits for <c>video_stream_start</c> (a <c>ready</c> or latency ping before it is tolerated).</summary>
    /// <param name="webSocket">The accepted, open WebSocket. The session owns it from now on.</param>
    /// <param name="options">Settings; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels waiting for the metadata (and aborts the socket).</param>
    /// <returns>The session, ready to read fragments.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="webSocket"/> is null.</exception>
    /// <exception cref="ArgumentException">The socket is not open, or an option is out of range.</exception>
    /// <exception cref="MeetStreamRealtimeException">
    /// No <c>video_stream_start</c> with a <c>bot_id</c> came first (binary data, another message, a timeout, or the
    /// socket closed). The socket is closed (1008) or aborted.
    /// </exception>
    public static async Task<VideoChannelSession> StartAsync(WebSocket webSocket, VideoChannelOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new VideoChannelOptions();
        var channel = new RealtimeChannel(webSocket, RealtimeChannelKind.Video, options, initialBufferBytes: 64 * 1024, sendCapacity: options.SendQueueCapacity);
        var pendingPings = new List<JsonElement>();
        for (int i = 0; i < MaxMessagesBeforeStart; i++)
        {
            byte[] json = await channel.ReadHandshakeAsync("video_stream_start", cancellationToken).ConfigureAwait(false);
            var root = ParseObject(json);
            string? type = root is { } r && r.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            switch (type)
            {
                case "video_stream_start":
                    var start = Deserialize(root!.Value, MeetStreamJsonContext.Default.VideoStreamStart);
                    string? botId = start?.BotId ?? channel.BotId;
                    if (start is null || string.IsNullOrEmpty(botId))
                    {
                        throw await channel.FailHandshakeAsync("video_stream_start has no bot_id", abort: false).ConfigureAwait(false);
                    }

                    channel.BotId = botId;
                    channel.Start();
                    RealtimeLog.Ready(channel.Logger, channel.Name, botId);
                    var session = new VideoChannelSession(channel, start, options);
                    foreach (var ping in pendingPings)
                    {
                        await session.AnswerPingAsync(ping, cancellationToken).ConfigureAwait(false);
                    }

                    return session;
                case "ready":
                    channel.BotId ??= root!.Value.TryGetProperty("bot_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
                    break;
                case "video_latency_ping":
                    pendingPings.Add(root!.Value);
                    break;
                default:
                    throw await channel.FailHandshakeAsync($"the first message was {(type is null ? "not a typed JSON object" : "'" + type + "'")}, not video_stream_start", abort: false).ConfigureAwait(false);
            }
        }

        throw await channel.FailHandshakeAsync($"no video_stream_start among the first {MaxMessagesBeforeStart} messages", abort: false).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads the fMP4 fragments in order until the channel closes, answering latency pings and recording
    /// <c>video_stream_end</c> on the way. One enumeration at a time; breaking out leaves the channel open.
    /// </summary>
    /// <param name="cancellationToken">Stops the enumeration. Cancelling while it waits aborts the socket (WebSocket semantics).</param>
    /// <returns>The fragments; each one's data is valid until the next <c>MoveNextAsync</c>.</returns>
    /// <exception cref="InvalidOperationException">Another enumeration is running.</exception>
    public async IAsyncEnumerable<VideoFragment> ReadFragmentsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!Core.TryEnterReader())
        {
            if (Core.ReadEnded)
            {
                yield break;
            }

            throw new InvalidOperationException($"Another enumeration is already reading the video channel of bot {BotId}; only one reader at a time is allowed.");
        }

        try
        {
            while (true)
            {
                ReceivedKind kind;
                try
                {
                    kind = await Core.Receiver.ReceiveAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    Core.HandleNonData(ReceivedKind.Aborted);
                    throw;
                }

                if (kind == ReceivedKind.Binary)
                {
                    if (Core.IsClosing)
                    {
                        continue;
                    }

                    var data = Core.Receiver.Message;
                    long offset = Interlocked.Add(ref _bytes, data.Length) - data.Length;
                    long sequence = Interlocked.Increment(ref _fragments) - 1;
                    RealtimeTelemetry.VideoFragments.Add(1);
                    yield return new VideoFragment(data, sequence, offset, Core.Time.GetUtcNow());
                }
                else if (kind == ReceivedKind.Text)
                {
                    await HandleTextAsync(cancellationToken).ConfigureAwait(false);
                }
                else if (Core.HandleNonData(kind))
                {
                    yield break;
                }
            }
        }
        finally
        {
            Core.ExitReader();
        }
    }

    /// <summary>
    /// Opens the video as one read-only, forward-only byte stream (the fragments concatenated): copy it to a file
    /// to get a playable fMP4. Reading it is the channel's one enumeration; dispose it to stop.
    /// </summary>
    /// <returns>The stream; it ends when the channel closes.</returns>
    public Stream OpenReadStream() => new VideoFragmentStream(ReadFragmentsAsync().GetAsyncEnumerator());

    /// <summary>Writes every fragment to <paramref name="destination"/> in order until the channel closes.</summary>
    /// <param name="destination">A writable stream, e.g. a <see cref="FileStream"/>.</param>
    /// <param name="cancellationToken">Stops copying (cancelling while waiting for a fragment aborts the socket).</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null.</exception>
    public async Task<long> CopyToAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        long total = 0;
        await foreach (var fragment in ReadFragmentsAsync(cancellationToken).ConfigureAwait(false))
        {
            await destination.WriteAsync(fragment.Data, cancellationToken).ConfigureAwait(false);
            total += fragment.Data.Length;
        }

        return total;
    }

    /// <inheritdoc />
    public override string ToString() => $"VideoChannelSession(bot {BotId}, {FragmentsReceived} fragments{(IsClosed ? ", closed" : string.Empty)})";

    private static JsonElement? ParseObject(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static T? Deserialize<T>(JsonElement element, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
        where T : class
    {
        try
        {
            return element.Deserialize(typeInfo);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async ValueTask HandleTextAsync(CancellationToken cancellationToken)
    {
        var root = ParseObject(Core.Receiver.Message.Span);
        string? type = root is { } r && r.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        switch (type)
        {
            case "video_latency_ping":
                await AnswerPingAsync(root!.Value, cancellationToken).ConfigureAwait(false);
                break;
            case "video_stream_end" when Deserialize(root!.Value, MeetStreamJsonContext.Default.VideoStreamEnd) is { } end:
                Volatile.Write(ref _end, end);
                break;
            case "video_stream_start" when Deserialize(root!.Value, MeetStreamJsonContext.Default.VideoStreamStart) is { } start:
                Volatile.Write(ref _start, start);
                break;
            default:
                Interlocked.Increment(ref _skipped);
                break;
        }
    }

    /// <summary>Queues <c>{"type":"video_latency_pong","seq",…,"sent_at_ms",…,"server_received_at_ms",…,"bot_id",…}</c>, echoing the ping's values as sent.</summary>
    private async ValueTask AnswerPingAsync(JsonElement ping, CancellationToken cancellationToken)
    {
        long receivedAtMs = Core.Time.GetUtcNow().ToUnixTimeMilliseconds();
        Volatile.Write(ref _lastPing, Deserialize(ping, MeetStreamJsonContext.Default.VideoLatencyPing));
        if (!_answerPings || Core.IsClosing)
        {
            return;
        }

        var payload = new PooledBufferWriter(256);
        using (var writer = new Utf8JsonWriter(payload))
        {
            writer.WriteStartObject();
            writer.WriteString("type"u8, "video_latency_pong"u8);
            WriteEcho(writer, ping, "seq");
            WriteEcho(writer, ping, "sent_at_ms");
            writer.WriteNumber("server_received_at_ms"u8, receivedAtMs);
            string botId = ping.TryGetProperty("bot_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString()! : BotId;
            writer.WriteString("bot_id"u8, botId);
            writer.WriteEndObject();
        }

        byte[] buffer = payload.Detach(out int length);
        try
        {
            await Core.Outbound.EnqueueAsync(new OutboundMessage(buffer, length, OutboundKind.Command, 0, null), cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _pongs);
        }
        catch (MeetStreamRealtimeException)
        {
            // The channel is closing; the bot no longer needs the reply.
        }
    }

    private static void WriteEcho(Utf8JsonWriter writer, JsonElement ping, string name)
    {
        if (ping.TryGetProperty(name, out var value))
        {
            writer.WritePropertyName(name);
            value.WriteTo(writer);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}

/// <summary>A read-only, forward-only stream over the fragments of a <see cref="VideoChannelSession"/>.</summary>
internal sealed class VideoFragmentStream(IAsyncEnumerator<VideoFragment> fragments) : Stream
{
    private ReadOnlyMemory<byte> _current;
    private long _position;
    private bool _ended;
    private int _disposed;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException("A live video stream has no length.");

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException("A live video stream cannot seek.");
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (_current.IsEmpty)
        {
            if (_ended || !await fragments.MoveNextAsync().ConfigureAwait(false))
            {
                _ended = true;
                return 0;
            }

            cancellationToken.ThrowIfCancellationRequested();
            _current = fragments.Current.Data;
        }

        int count = Math.Min(buffer.Length, _current.Length);
        _current[..count].CopyTo(buffer);
        _current = _current[count..];
        _position += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("A live video stream cannot seek.");

    public override void SetLength(long value) => throw new NotSupportedException("A live video stream is read-only.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("A live video stream is read-only.");

    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await fragments.DisposeAsync().ConfigureAwait(false);
        }

        await base.DisposeAsync().ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            fragments.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        base.Dispose(disposing);
    }
}
