using System.Buffers.Binary;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MeetStream.Client.Realtime;

namespace MeetStream.Client.Testing;

/// <summary>
/// The real-time side of one simulated bot, as MeetStream's bot behaves (§4): it dials the customer's WebSocket URLs,
/// opens the audio and control sockets with <c>ready</c>, streams the meeting's mixed audio as binary frames at the
/// meeting's pace (tagged with the dominant speaker, its own voice included), plays the <c>sendaudio</c> it receives
/// and drops what is queued on <c>interrupt</c> (Google Meet), forwards meeting chat as <c>usermsg</c>, streams
/// placeholder fMP4 video with latency pings, and closes every socket with 1000 when it leaves.
/// </summary>
internal sealed class RealtimeBot
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);
    private readonly RealtimeBots _owner;
    private readonly RealtimeRecorder _recorder;
    private readonly SpeechPlayback _playback = new();
    private readonly ControlSocketCommands _commands;
    private readonly TimeProvider _time;
    private readonly string _botId;
    private readonly string _botName;
    private readonly Uri? _audioUrl;
    private readonly Uri? _controlUrl;
    private readonly Uri? _videoUrl;
    private readonly IReadOnlyList<PlannedUtterance> _plan;
    private readonly Queue<(SimulatorUtterance Line, int SpeakerIndex)> _bargeIns;
    private readonly IReadOnlyDictionary<string, string> _deviceIds;
    private readonly double _speed;
    private readonly double _leadSeconds;
    private readonly SemaphoreSlim _controlSend = new(1, 1);
    private readonly SemaphoreSlim _videoSend = new(1, 1);
    private readonly CancellationTokenSource _abort = new();
    private readonly TaskCompletionSource _leave = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _framesSent;
    // Set only once the control socket has sent ready: chat forwarded before that would break the protocol (ready first).
    private volatile ClientWebSocket? _control;
    private Task _run = Task.CompletedTask;

    public RealtimeBot(RealtimeBots owner, TimeProvider time, TimeSpan lead, SimBot bot, IReadOnlyList<PlannedUtterance> plan, IReadOnlyList<(SimulatorUtterance Line, int SpeakerIndex)> bargeIns, double speed)
    {
        _owner = owner;
        _time = time;
        _botId = bot.Id;
        _botName = bot.BotName;
        _audioUrl = bot.LiveAudioUrl is { } a ? new Uri(a) : null;
        _controlUrl = bot.ControlUrl is { } c ? new Uri(c) : null;
        _videoUrl = bot.LiveVideoUrl is { } v ? new Uri(v) : null;
        _plan = plan;
        _bargeIns = new Queue<(SimulatorUtterance Line, int SpeakerIndex)>(bargeIns);
        _deviceIds = bot.Participants.ToDictionary(p => p.Name, p => p.DeviceId, StringComparer.Ordinal);
        _speed = speed;
        _leadSeconds = lead.TotalSeconds;
        _recorder = new RealtimeRecorder(owner.Journal, () => owner.Now, _botId);
        _commands = new ControlSocketCommands(owner, _recorder, _playback, _botId, interruptClearsQueue: bot.Platform == "GMeet");
    }

    public TimeSpan LiveAudioStreamed => SpeechPlayback.Duration(Interlocked.Read(ref _framesSent) * SimulatedSpeech.FrameSamples);

    public TimeSpan SpeechReceived => _playback.Received;

    public TimeSpan SpeechPlayed => _playback.Played;

    public TimeSpan SpeechDropped => _playback.Dropped;

    public void Start() => _run = Task.Run(RunAsync);

    /// <summary>The bot leaves the meeting: stop streaming, send video_stream_end, close every socket with 1000.</summary>
    public void Leave() => _leave.TrySetResult();

    /// <summary>Leaves and waits until the sockets are closed (or aborted).</summary>
    public async Task StopAsync()
    {
        Leave();
        try
        {
            await _run.WaitAsync(CloseTimeout + CloseTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await _abort.CancelAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Forwards a participant's chat message to the control socket as <c>usermsg</c>.</summary>
    public void PostUserMessage(string text)
    {
        if (_control is { State: WebSocketState.Open } control)
        {
            var json = new JsonObject { ["command"] = "usermsg", ["bot_id"] = _botId, ["message"] = text };
            _ = SendTextAsync(control, _controlSend, SimulatorRealtimeChannel.Control, json);
        }
    }

    private async Task RunAsync()
    {
        var audioTask = ConnectAsync(SimulatorRealtimeChannel.Audio, _audioUrl);
        var controlTask = ConnectAsync(SimulatorRealtimeChannel.Control, _controlUrl);
        var videoTask = ConnectAsync(SimulatorRealtimeChannel.Video, _videoUrl);
        var audio = await audioTask.ConfigureAwait(false);
        var control = await controlTask.ConfigureAwait(false);
        var video = await videoTask.ConfigureAwait(false);

        using var streaming = CancellationTokenSource.CreateLinkedTokenSource(_abort.Token);
        var receivers = new List<Task>();
        var senders = new List<Task>();
        if (audio is not null)
        {
            await SendTextAsync(audio, null, SimulatorRealtimeChannel.Audio, Ready()).ConfigureAwait(false);
            receivers.Add(ReceiveAsync(audio, SimulatorRealtimeChannel.Audio));
        }

        if (control is not null)
        {
            await SendTextAsync(control, _controlSend, SimulatorRealtimeChannel.Control, Ready()).ConfigureAwait(false);
            _control = control;
            receivers.Add(ReceiveAsync(control, SimulatorRealtimeChannel.Control));
        }

        senders.Add(AudioLoopAsync(audio, streaming.Token));
        if (video is not null)
        {
            receivers.Add(ReceiveAsync(video, SimulatorRealtimeChannel.Video));
            senders.Add(VideoLoopAsync(video, streaming.Token));
        }

        var started = _time.GetTimestamp();
        await Task.WhenAny(_leave.Task, Task.Delay(Timeout.Infinite, _abort.Token)).ConfigureAwait(false);
        await streaming.CancelAsync().ConfigureAwait(false);
        await IgnoreCancellation(Task.WhenAll(senders)).ConfigureAwait(false);

        if (video is not null)
        {
            var seconds = Math.Round(_time.GetElapsedTime(started).TotalSeconds * _speed, 1);
            await SendTextAsync(video, _videoSend, SimulatorRealtimeChannel.Video, new JsonObject { ["type"] = "video_stream_end", ["bot_id"] = _botId, ["duration_seconds"] = seconds }).ConfigureAwait(false);
        }

        await Task.WhenAll(
            CloseAsync(audio, SimulatorRealtimeChannel.Audio),
            CloseAsync(control, SimulatorRealtimeChannel.Control),
            CloseAsync(video, SimulatorRealtimeChannel.Video)).ConfigureAwait(false);
        await IgnoreCancellation(Task.WhenAll(receivers).WaitAsync(CloseTimeout)).ConfigureAwait(false);
        audio?.Dispose();
        control?.Dispose();
        video?.Dispose();
    }

    private JsonObject Ready() => new() { ["type"] = "ready", ["bot_id"] = _botId, ["message"] = "Ready to receive messages" };

    private async Task<ClientWebSocket?> ConnectAsync(SimulatorRealtimeChannel channel, Uri? url)
    {
        if (url is null)
        {
            return null;
        }

        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(30);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_abort.Token);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            await socket.ConnectAsync(url, timeout.Token).ConfigureAwait(false);
            _recorder.Record(channel, fromBot: true, "connected", detail: url.GetLeftPart(UriPartial.Path));
            return socket;
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or HttpRequestException or IOException)
        {
            socket.Dispose();
            _recorder.Record(channel, fromBot: true, "error", detail: $"could not connect to {url.GetLeftPart(UriPartial.Path)}: {ex.Message}");
            return null;
        }
    }

    private async Task AudioLoopAsync(ClientWebSocket? socket, CancellationToken cancellationToken)
    {
        var samples = new short[SimulatedSpeech.FrameSamples];
        var human = new short[SimulatedSpeech.FrameSamples];
        var frameBytes = new byte[SimulatedSpeech.FrameSamples * 2];
        var started = _time.GetTimestamp();
        long frame = 0;
        var leadFrames = (long)(_leadSeconds / 0.02);
        PlannedUtterance[]? bargeIn = null; // the barge-in being spoken, on this loop's own frame timeline
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var due = (long)(_time.GetElapsedTime(started).TotalSeconds * _speed / 0.02);
                while (frame < due && !cancellationToken.IsCancellationRequested)
                {
                    string speakerId;
                    string speakerName;
                    var now = (double)frame * SimulatedSpeech.FrameSamples / SimulatedSpeech.SampleRate;
                    if (bargeIn is not null && now >= bargeIn[0].End + 0.1)
                    {
                        bargeIn = null;
                    }

                    var playing = _playback.Take(samples);
                    if (playing && bargeIn is null && socket is not null && _bargeIns.TryDequeue(out var next))
                    {
                        // A participant starts talking over the bot, counted in frames (not wall time) from its first word.
                        bargeIn = [ConversationPlan.Place(-1, next.Line, next.SpeakerIndex, now + next.Line.AfterBotStartsSpeaking!.Value.TotalSeconds)];
                    }

                    if (bargeIn is not null && SimulatedSpeech.Fill(human, frame, bargeIn) is { } interrupting)
                    {
                        // The participant is the dominant speaker: the frame is the mix, under their name.
                        for (var i = 0; i < samples.Length; i++)
                        {
                            samples[i] = playing ? (short)Math.Clamp(samples[i] + human[i], short.MinValue, short.MaxValue) : human[i];
                        }

                        speakerId = _deviceIds.TryGetValue(interrupting.Speaker, out var id) ? id : interrupting.Speaker;
                        speakerName = interrupting.Speaker;
                    }
                    else if (playing)
                    {
                        speakerId = _deviceIds.TryGetValue(_botName, out var own) ? own : "bot";
                        speakerName = _botName;
                    }
                    else if (socket is not null && frame >= leadFrames && SimulatedSpeech.Fill(samples, frame - leadFrames, _plan) is { } utterance)
                    {
                        speakerId = _deviceIds.TryGetValue(utterance.Speaker, out var id) ? id : utterance.Speaker;
                        speakerName = utterance.Speaker;
                    }
                    else
                    {
                        Array.Clear(samples);
                        speakerId = string.Empty;
                        speakerName = "NoSpeaker";
                    }

                    frame++;
                    if (socket is { State: WebSocketState.Open })
                    {
                        for (var i = 0; i < samples.Length; i++)
                        {
                            BinaryPrimitives.WriteInt16LittleEndian(frameBytes.AsSpan(i * 2), samples[i]);
                        }

                        // Not the streaming token: cancelling a send in flight aborts the WebSocket, and the bot must
                        // still close it with 1000 when it leaves (a loaded machine is often mid-send then).
                        await socket.SendAsync(AudioFrameWriter.CreateFrame(speakerId, speakerName, frameBytes), WebSocketMessageType.Binary, true, _abort.Token).ConfigureAwait(false);
                        Interlocked.Increment(ref _framesSent);
                    }
                }

                await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(2, 20 / _speed)), _time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
        {
            _recorder.Record(SimulatorRealtimeChannel.Audio, fromBot: true, "error", detail: "audio stream broke: " + ex.Message);
        }
    }

    private async Task VideoLoopAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        try
        {
            await SendTextAsync(socket, _videoSend, SimulatorRealtimeChannel.Video, new JsonObject
            {
                ["type"] = "video_stream_start",
                ["bot_id"] = _botId,
                ["codec"] = "h264",
                ["audio_codec"] = "aac",
                ["container"] = "fmp4",
                ["width"] = 1920,
                ["height"] = 1080,
                ["framerate"] = 25,
                ["audio_sample_rate"] = 44100,
                ["audio_bitrate"] = "128k",
            }).ConfigureAwait(false);
            await SendBinaryAsync(socket, MediaFiles.VideoMp4, _abort.Token).ConfigureAwait(false); // as audio: never cancel a send in flight
            var started = _time.GetTimestamp();
            long fragments = 0;
            long pings = 0;
            while (!cancellationToken.IsCancellationRequested)
            {
                var elapsed = _time.GetElapsedTime(started).TotalSeconds * _speed;
                while (fragments < (long)elapsed)
                {
                    await SendBinaryAsync(socket, MediaFiles.VideoFragment(++fragments), _abort.Token).ConfigureAwait(false);
                }

                while (pings < (long)(elapsed / 5))
                {
                    pings++;
                    await SendTextAsync(socket, _videoSend, SimulatorRealtimeChannel.Video, new JsonObject
                    {
                        ["type"] = "video_latency_ping",
                        ["bot_id"] = _botId,
                        ["seq"] = pings,
                        ["sent_at_ms"] = _time.GetUtcNow().ToUnixTimeMilliseconds(),
                    }).ConfigureAwait(false);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(5, 200 / _speed)), _time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
        {
            _recorder.Record(SimulatorRealtimeChannel.Video, fromBot: true, "error", detail: "video stream broke: " + ex.Message);
        }
    }

    private async Task SendBinaryAsync(ClientWebSocket socket, byte[] data, CancellationToken cancellationToken)
    {
        await _videoSend.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(data, WebSocketMessageType.Binary, true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _videoSend.Release();
        }
    }

    private async Task SendTextAsync(ClientWebSocket socket, SemaphoreSlim? gate, SimulatorRealtimeChannel channel, JsonObject json)
    {
        var text = json.ToJsonString();
        if (gate is not null)
        {
            await gate.WaitAsync(_abort.Token).ConfigureAwait(false);
        }

        try
        {
            if (socket.State != WebSocketState.Open)
            {
                return;
            }

            await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, _abort.Token).ConfigureAwait(false);
            _recorder.Record(channel, fromBot: true, Json.Str(json, "command") ?? Json.Str(json, "type") ?? "message", text);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            _recorder.Record(channel, fromBot: true, "error", detail: "send failed: " + ex.Message);
        }
        finally
        {
            gate?.Release();
        }
    }

    private async Task ReceiveAsync(ClientWebSocket socket, SimulatorRealtimeChannel channel)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var result = await socket.ReceiveAsync(buffer, _abort.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (socket.State == WebSocketState.CloseReceived)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, _abort.Token).ConfigureAwait(false);
                        _recorder.Record(channel, fromBot: false, "closed", detail: $"closed by your server: {(int?)result.CloseStatus} {result.CloseStatusDescription}".TrimEnd());
                    }

                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var bytes = message.ToArray();
                message.SetLength(0);
                if (result.MessageType == WebSocketMessageType.Text)
                {
                    _commands.Handle(channel, bytes);
                }
                else
                {
                    _recorder.Record(channel, fromBot: false, "binary", detail: $"{bytes.Length} bytes (not expected on this socket)");
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            if (!_leave.Task.IsCompleted)
            {
                _recorder.Record(channel, fromBot: false, "error", detail: "connection lost: " + ex.Message);
            }
        }
    }

    private async Task CloseAsync(ClientWebSocket? socket, SimulatorRealtimeChannel channel)
    {
        if (socket is null || socket.State != WebSocketState.Open)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(CloseTimeout);
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "Bot left the meeting", timeout.Token).ConfigureAwait(false);
            _recorder.Record(channel, fromBot: true, "closed", detail: "1000 Bot left the meeting");
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            socket.Abort();
        }
    }

    private static async Task IgnoreCancellation(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
        {
        }
    }
}
