using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using MeetStream.Client.Realtime;

namespace MeetStream.Client.Benchmarks.BargeIn;

/// <summary>
/// One simulated MeetStream bot: a control socket and an audio socket (both open with <c>ready</c>), a paced stream
/// of the script's frames on the audio socket, and a loop on the control socket that takes each <c>interrupt</c>,
/// checks its bytes and records the time since the trigger frame it answers was handed to <c>SendAsync</c>.
/// </summary>
public sealed class BargeInBot : IAsyncDisposable
{
    private readonly BargeInScript _script;
    private readonly LatencyRecorder _latencies;
    private readonly byte[] _speech;
    private readonly byte[] _silence;
    private readonly int _pcmOffset;
    private readonly byte[] _expectedInterrupt;
    private readonly ConcurrentQueue<long> _pending = new();
    private readonly ClientWebSocket _control = new();
    private readonly ClientWebSocket _audio = new();
    private Task _receiveLoop = Task.CompletedTask;
    private long _frame;
    private long _triggersSent;
    private long _interruptsReceived;
    private long _unexpected;
    private long _malformed;

    /// <param name="botId">The bot id.</param>
    /// <param name="leadingSilenceFrames">Silent frames before the first cycle.</param>
    /// <param name="script">The frames to send.</param>
    /// <param name="latencies">Where the end-to-end samples go.</param>
    public BargeInBot(string botId, int leadingSilenceFrames, BargeInScript script, LatencyRecorder latencies)
    {
        BotId = botId;
        LeadingSilenceFrames = leadingSilenceFrames;
        _script = script;
        _latencies = latencies;
        var speakerId = "spk_" + botId;
        var speakerName = "Participant " + botId;
        _speech = AudioFrameWriter.CreateFrame(speakerId, speakerName, script.Speech);
        _silence = AudioFrameWriter.CreateFrame(speakerId, speakerName, script.Silence);
        _pcmOffset = _speech.Length - script.Speech.Length;
        _expectedInterrupt = BargeInServer.InterruptCommand(botId);

        _control.Options.KeepAliveInterval = TimeSpan.Zero;
        _audio.Options.KeepAliveInterval = TimeSpan.Zero;
    }

    /// <summary>Gets the bot id sent in both <c>ready</c> messages.</summary>
    public string BotId { get; }

    /// <summary>Gets how many silent frames come before the first cycle (spreads the triggers of bots sending together).</summary>
    public int LeadingSilenceFrames { get; }

    /// <summary>Gets the number of frames sent.</summary>
    public long FramesSent => Interlocked.Read(ref _frame);

    /// <summary>Gets the number of trigger frames sent.</summary>
    public long TriggersSent => Interlocked.Read(ref _triggersSent);

    /// <summary>Gets the number of interrupts received that answered a trigger.</summary>
    public long InterruptsReceived => Interlocked.Read(ref _interruptsReceived);

    /// <summary>Gets the number of interrupts received with no trigger outstanding.</summary>
    public long UnexpectedInterrupts => Interlocked.Read(ref _unexpected);

    /// <summary>Gets the number of control messages that were not exactly the expected interrupt command.</summary>
    public long MalformedMessages => Interlocked.Read(ref _malformed);

    /// <summary>Gets the number of triggers not answered (yet).</summary>
    public long Lost => _pending.Count;

    /// <summary>Gets whether every trigger sent so far has been answered.</summary>
    public bool AllAnswered => _pending.IsEmpty;

    /// <summary>Connects the control socket, then the audio socket, each followed by its <c>ready</c> message.</summary>
    public async Task ConnectAsync(Uri control, Uri audio, CancellationToken cancellationToken)
    {
        var ready = Encoding.UTF8.GetBytes($$"""{"type":"ready","bot_id":"{{BotId}}","message":"Ready to receive messages"}""");
        await _control.ConnectAsync(control, cancellationToken);
        await _control.SendAsync(ready, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        _receiveLoop = Task.Run(ReceiveLoopAsync, CancellationToken.None);
        await _audio.ConnectAsync(audio, cancellationToken);
        await _audio.SendAsync(ready, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
    }

    /// <summary>Sends the next frame of the script; a trigger frame carries its timestamp, taken just before the send.</summary>
    public ValueTask SendNextFrameAsync()
    {
        var frame = Interlocked.Increment(ref _frame) - 1;
        var position = frame - LeadingSilenceFrames;
        if (!_script.IsSpeech(position))
        {
            return _audio.SendAsync(_silence.AsMemory(), WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
        }

        var now = Stopwatch.GetTimestamp();
        BinaryPrimitives.WriteInt64LittleEndian(_speech.AsSpan(_pcmOffset + BargeInScript.TimestampOffset), now);
        if (_script.IsTrigger(position))
        {
            Interlocked.Increment(ref _triggersSent);
            _pending.Enqueue(now);
        }

        return _audio.SendAsync(_speech.AsMemory(), WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
    }

    /// <summary>Drops the connections at once (the end of a step) and waits for the control loop.</summary>
    public async ValueTask DisposeAsync()
    {
        _audio.Abort();
        _control.Abort();
        await _receiveLoop;
        _audio.Dispose();
        _control.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{BotId}: {TriggersSent} triggers, {InterruptsReceived} interrupts, {UnexpectedInterrupts} unexpected, {MalformedMessages} malformed, {Lost} lost");

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[1024];
        try
        {
            while (true)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _control.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                    length += result.Count;
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close && length < buffer.Length);

                var now = Stopwatch.GetTimestamp();
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                if (result.MessageType != WebSocketMessageType.Text || !buffer.AsSpan(0, length).SequenceEqual(_expectedInterrupt))
                {
                    Interlocked.Increment(ref _malformed);
                    continue;
                }

                OnInterrupt(now);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // Aborted at the end of the step.
        }
    }

    private void OnInterrupt(long now)
    {
        // In order: both paths answer every trigger, once, in the order sent (TCP, one socket each way). A trigger
        // frame the SDK dropped (DropOldest, reported as dropped frames) is answered on the next voiced frame, so
        // its sample includes that wait: it is when the human started talking.
        if (!_pending.TryDequeue(out var sent))
        {
            Interlocked.Increment(ref _unexpected);
            return;
        }

        Interlocked.Increment(ref _interruptsReceived);
        _latencies.Record(now - sent);
    }
}
