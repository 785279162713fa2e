using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using MeetStream.Client.Realtime.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MeetStream.Client.Realtime;

/// <summary>
/// Everything real-time about one bot in one object: its audio, control and (when configured) video channels,
/// correlated by bot id by a <see cref="BotSessionRegistry"/>, with reconnects handled.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Audio"/>, <see cref="Control"/> and <see cref="Video"/> are the current channels (<see langword="null"/>
/// until the bot connects them). When the bot reconnects a channel, the new one replaces the old one and
/// <see cref="ReadAudioFramesAsync"/> and <see cref="ReadControlMessagesAsync"/> carry on with it, so your loops
/// survive reconnects. Commands sent through the session (<see cref="SpeakAsync"/>, <see cref="InterruptAsync"/>,
/// <see cref="SendMessageAsync"/>) go to the current control channel.
/// </para>
/// <para>
/// The session ends (<see cref="Completion"/>) when its audio and control channels have both closed (a video channel
/// still open then is closed too); a session with only a video channel ends when that closes. When the audio channel
/// ends on a liveness timeout (<see cref="RealtimeCloseReason.IdleTimeout"/> or
/// <see cref="RealtimeCloseReason.MessageTimeout"/>: the bot is gone) and no new audio socket arrives within
/// <see cref="BotSessionOptions.EndGracePeriod"/>, the control channel is closed too (1001), so the session ends.
/// </para>
/// </remarks>
public sealed class BotSession : IAsyncDisposable
{
    private const int KindCount = 3;

    private readonly object _gate = new();
    private readonly BotSessionRegistry _registry;
    private readonly TimeProvider _time;
    private readonly TimeSpan _grace;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // The current channel and the number of attaches of each kind, indexed by RealtimeChannelKind.
    private readonly RealtimeChannelSession?[] _channels = new RealtimeChannelSession?[KindCount];
    private readonly int[] _connections = new int[KindCount];

    // Set when the control channel of a bot whose audio timed out is being closed: the grace period was already given,
    // so the session ends as soon as that close completes.
    private bool _deadBotClosing;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ITimer? _graceTimer;
    private bool _ended;

    internal BotSession(string botId, BotSessionRegistry registry, BotSessionOptions options)
    {
        BotId = botId;
        _registry = registry;
        _time = options.TimeProvider;
        _grace = options.EndGracePeriod;
        _logger = options.Logger ?? NullLogger.Instance;
        StartedAt = _time.GetUtcNow();
    }

    /// <summary>Gets the bot id shared by the session's channels.</summary>
    public string BotId { get; }

    /// <summary>Gets when the bot's first channel was attached.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>Gets the current live-audio channel, or <see langword="null"/> before the bot connected it.</summary>
    public AudioChannelSession? Audio => (AudioChannelSession?)Current(RealtimeChannelKind.Audio);

    /// <summary>Gets the current control channel, or <see langword="null"/> before the bot connected it.</summary>
    public ControlChannelSession? Control => (ControlChannelSession?)Current(RealtimeChannelKind.Control);

    /// <summary>Gets the current live-video channel, or <see langword="null"/> when the bot has none (video is optional; Meet and Teams only).</summary>
    public VideoChannelSession? Video => (VideoChannelSession?)Current(RealtimeChannelKind.Video);

    /// <summary>Gets how many times an audio channel was attached (more than one means reconnects).</summary>
    public int AudioConnections => Connections(RealtimeChannelKind.Audio);

    /// <summary>Gets how many times a control channel was attached (more than one means reconnects).</summary>
    public int ControlConnections => Connections(RealtimeChannelKind.Control);

    /// <summary>Gets how many times a video channel was attached.</summary>
    public int VideoConnections => Connections(RealtimeChannelKind.Video);

    /// <summary>Gets a task that completes when the session has ended (audio and control channels closed).</summary>
    public Task Completion => _completion.Task;

    /// <summary>Gets whether the session has ended.</summary>
    public bool IsEnded
    {
        get
        {
            lock (_gate)
            {
                return _ended;
            }
        }
    }

    /// <summary>Waits until the bot's control channel is connected.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The current control channel.</returns>
    /// <exception cref="MeetStreamRealtimeException">The session ended without a control channel.</exception>
    public Task<ControlChannelSession> GetControlAsync(CancellationToken cancellationToken = default) =>
        WaitForChannelAsync<ControlChannelSession>(RealtimeChannelKind.Control, cancellationToken);

    /// <summary>Waits until the bot's live-audio channel is connected.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The current audio channel.</returns>
    /// <exception cref="MeetStreamRealtimeException">The session ended without an audio channel.</exception>
    public Task<AudioChannelSession> GetAudioAsync(CancellationToken cancellationToken = default) =>
        WaitForChannelAsync<AudioChannelSession>(RealtimeChannelKind.Audio, cancellationToken);

    /// <summary>Waits until the bot's live-video channel is connected.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The current video channel.</returns>
    /// <exception cref="MeetStreamRealtimeException">The session ended without a video channel.</exception>
    public Task<VideoChannelSession> GetVideoAsync(CancellationToken cancellationToken = default) =>
        WaitForChannelAsync<VideoChannelSession>(RealtimeChannelKind.Video, cancellationToken);

    /// <summary>
    /// Reads the bot's audio frames until the session ends, moving to the new audio channel whenever the bot
    /// reconnects (frame sequence numbers restart per channel). One enumeration at a time.
    /// </summary>
    /// <param name="cancellationToken">Stops the enumeration (cancelling while waiting for a frame aborts the audio socket).</param>
    /// <returns>The frames; each one's PCM is valid until the next <c>MoveNextAsync</c>.</returns>
    public async IAsyncEnumerable<AudioFrame> ReadAudioFramesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        AudioChannelSession? previous = null;
        while (await NextChannelAsync(RealtimeChannelKind.Audio, previous, cancellationToken).ConfigureAwait(false) is { } channel)
        {
            previous = channel;
            await foreach (var frame in channel.ReadFramesAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return frame;
            }
        }
    }

    /// <summary>
    /// Reads what the bot sends on the control channel until the session ends, moving to the new control channel
    /// whenever the bot reconnects (each channel starts with its <c>ready</c> message).
    /// </summary>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The control messages in arrival order.</returns>
    public async IAsyncEnumerable<ControlMessage> ReadControlMessagesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ControlChannelSession? previous = null;
        while (await NextChannelAsync(RealtimeChannelKind.Control, previous, cancellationToken).ConfigureAwait(false) is { } channel)
        {
            previous = channel;
            await foreach (var message in channel.ReadMessagesAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return message;
            }
        }
    }

    /// <summary>Speaks PCM audio through the current control channel (waiting for one); see <see cref="ControlChannelSession.SpeakAsync(ReadOnlyMemory{short}, int, CancellationToken)"/>.</summary>
    /// <param name="samples">Mono PCM16 samples.</param>
    /// <param name="sampleRate">
    /// Their sample rate. Any rate other than 48000 is resampled to 48 kHz (MeetStream's <c>sendaudio</c> rate) first,
    /// with the control channel's <see cref="ControlChannelOptions.SpeechResampling"/> filter.
    /// </param>
    /// <param name="cancellationToken">Stops waiting and sending.</param>
    /// <returns>How the speech ended.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sampleRate"/> is not positive or cannot be converted to 48000 Hz.</exception>
    /// <exception cref="MeetStreamRealtimeException">The control channel closed, or the session ended without one.</exception>
    public async Task<SpeakResult> SpeakAsync(ReadOnlyMemory<short> samples, int sampleRate = 48_000, CancellationToken cancellationToken = default)
    {
        var control = await GetControlAsync(cancellationToken).ConfigureAwait(false);
        return await control.SpeakAsync(samples, sampleRate, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Barge-in on the current control channel: see <see cref="ControlChannelSession.InterruptAsync"/>. Does nothing
    /// when no control channel is open (nothing of ours can be playing through it).
    /// </summary>
    /// <param name="cancellationToken">Cancels waiting for the send.</param>
    /// <returns>A task that completes when the interrupt has been written, or at once when there is no open control channel.</returns>
    public async Task InterruptAsync(CancellationToken cancellationToken = default)
    {
        var control = Control;
        if (control is null || control.IsClosed)
        {
            return;
        }

        try
        {
            await control.InterruptAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (MeetStreamRealtimeException) when (control.IsClosed || !ReferenceEquals(control, Control))
        {
            // The channel closed or was replaced meanwhile: its queue is gone anyway.
        }
    }

    /// <summary>Posts a meeting chat message through the current control channel (waiting for one).</summary>
    /// <param name="message">The chat text.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when the command has been written to the socket.</returns>
    /// <exception cref="ArgumentException"><paramref name="message"/> is null or empty.</exception>
    /// <exception cref="MeetStreamRealtimeException">The control channel closed, or the session ended without one.</exception>
    public async Task SendMessageAsync(string message, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(message);
        var control = await GetControlAsync(cancellationToken).ConfigureAwait(false);
        await control.SendMessageAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes every channel (status 1000) and waits until the session has ended.</summary>
    /// <param name="cancellationToken">Aborts the channels instead of waiting for their close handshakes.</param>
    /// <returns>A task that completes when the session has ended.</returns>
    public async Task CloseAsync(CancellationToken cancellationToken = default)
    {
        RealtimeChannelSession?[] channels;
        lock (_gate)
        {
            channels = (RealtimeChannelSession?[])_channels.Clone();
        }

        await Task.WhenAll(channels.Select(channel => channel?.CloseAsync(cancellationToken) ?? Task.CompletedTask)).ConfigureAwait(false);
        End();
    }

    /// <summary>Closes every channel and waits until the session has ended, as <see cref="CloseAsync"/>.</summary>
    /// <returns>A task that completes when the session has ended.</returns>
    public async ValueTask DisposeAsync() => await CloseAsync(CancellationToken.None).ConfigureAwait(false);

    /// <inheritdoc />
    public override string ToString() =>
        $"BotSession({BotId}: audio {Describe(Audio)}, control {Describe(Control)}, video {Describe(Video)}{(IsEnded ? ", ended" : string.Empty)})";

    /// <summary>
    /// Makes <paramref name="channel"/> the session's current channel of its kind; a channel it replaces (the bot
    /// reconnected) is aborted. False when the session has already ended.
    /// </summary>
    internal bool TryAttach(RealtimeChannelSession channel, out bool replaced)
    {
        int kind = (int)channel.Kind;
        RealtimeChannelSession? old;
        lock (_gate)
        {
            if (_ended)
            {
                replaced = false;
                return false;
            }

            old = _channels[kind];
            if (ReferenceEquals(old, channel))
            {
                replaced = false;
                return true;
            }

            _channels[kind] = channel;
            _connections[kind]++;
            _graceTimer?.Dispose();
            _graceTimer = null;
            SignalLocked();
        }

        replaced = old is not null;
        if (old is not null)
        {
            // The bot reconnected: the old socket is stale. Abort it so readers move to the new one at once.
            RealtimeLog.ChannelReplaced(_logger, BotId, old.Core.Name);
            old.Abort();
        }

        channel.Completion.ContinueWith(static (_, state) => ((BotSession)state!).OnChannelClosed(), this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return true;
    }

    private RealtimeChannelSession? Current(RealtimeChannelKind kind)
    {
        lock (_gate)
        {
            return _channels[(int)kind];
        }
    }

    private int Connections(RealtimeChannelKind kind)
    {
        lock (_gate)
        {
            return _connections[(int)kind];
        }
    }

    private static string Describe(RealtimeChannelSession? channel) => channel is null ? "none" : channel.IsClosed ? "closed" : "open";

    private void OnChannelClosed()
    {
        bool endNow = false;
        ControlChannelSession? deadControl = null;
        lock (_gate)
        {
            if (_ended)
            {
                return;
            }

            SignalLocked();
            if (!AllClosedLocked())
            {
                if (DeadBotControlLocked() is not { } control)
                {
                    return;
                }

                if (_grace > TimeSpan.Zero)
                {
                    // Give the bot the grace period to open a new audio socket before its control socket is closed.
                    ArmGraceTimerLocked();
                    return;
                }

                deadControl = control;
                _deadBotClosing = true;
            }
            else if (_grace <= TimeSpan.Zero || _deadBotClosing)
            {
                endNow = true;
            }
            else
            {
                // Give the bot the grace period to reconnect before the session ends.
                ArmGraceTimerLocked();
            }
        }

        if (deadControl is not null)
        {
            CloseDeadBotControl(deadControl);
        }
        else if (endNow)
        {
            End();
        }
    }

    /// <summary>(Re)starts the end-grace timer; <see cref="OnGraceElapsed"/> decides when it fires.</summary>
    private void ArmGraceTimerLocked()
    {
        _graceTimer?.Dispose();
        _graceTimer = _time.CreateTimer(static state => ((BotSession)state!).OnGraceElapsed(), this, _grace, Timeout.InfiniteTimeSpan);
    }

    private void OnGraceElapsed()
    {
        ControlChannelSession? deadControl;
        lock (_gate)
        {
            if (_ended)
            {
                return;
            }

            deadControl = AllClosedLocked() ? null : DeadBotControlLocked();
            if (deadControl is null && !AllClosedLocked())
            {
                return;
            }

            _deadBotClosing |= deadControl is not null;
        }

        if (deadControl is not null)
        {
            CloseDeadBotControl(deadControl);
        }
        else
        {
            End();
        }
    }

    /// <summary>
    /// The control channel of a bot whose audio channel died on a liveness timeout
    /// (<see cref="RealtimeCloseReason.IdleTimeout"/> or <see cref="RealtimeCloseReason.MessageTimeout"/>), or null.
    /// MeetStream streams audio without a break, silence included, so a dead audio socket means a dead bot, while its
    /// control socket may be quiet for a whole meeting and, on .NET 8 (no ping timeout), would otherwise stay open forever.
    /// </summary>
    private ControlChannelSession? DeadBotControlLocked() =>
        _channels[(int)RealtimeChannelKind.Audio] is { IsClosed: true, CloseReason: RealtimeCloseReason.IdleTimeout or RealtimeCloseReason.MessageTimeout }
        && _channels[(int)RealtimeChannelKind.Control] is ControlChannelSession { IsClosed: false } control
            ? control
            : null;

    /// <summary>Closes a dead bot's control channel with 1001; its completion then ends the session as usual.</summary>
    private static void CloseDeadBotControl(ControlChannelSession control) =>
        control.CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "audio channel timed out", CancellationToken.None)
            .ContinueWith(static task => _ = task.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    /// <summary>
    /// The audio and control channels decide (the bot closes both when it leaves); video, which is optional and read on
    /// demand, only decides for a session that has nothing else.
    /// </summary>
    private bool AllClosedLocked()
    {
        var audio = _channels[(int)RealtimeChannelKind.Audio];
        var control = _channels[(int)RealtimeChannelKind.Control];
        var video = _channels[(int)RealtimeChannelKind.Video];
        return audio is null && control is null
            ? video is null || video.IsClosed
            : (audio is null || audio.IsClosed) && (control is null || control.IsClosed);
    }

    private void End()
    {
        RealtimeChannelSession? video;
        lock (_gate)
        {
            if (_ended)
            {
                return;
            }

            _ended = true;
            _graceTimer?.Dispose();
            _graceTimer = null;
            video = _channels[(int)RealtimeChannelKind.Video];
            SignalLocked();
        }

        if (video is { IsClosed: false })
        {
            // The bot has left: do not keep its video socket open on its own.
            _ = video.CloseAsync(CancellationToken.None);
        }

        _registry.Remove(this);
        _completion.TrySetResult();
    }

    private void SignalLocked()
    {
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }

    private async Task<T> WaitForChannelAsync<T>(RealtimeChannelKind kind, CancellationToken cancellationToken)
        where T : RealtimeChannelSession
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_channels[(int)kind] is T channel)
                {
                    return channel;
                }

                if (_ended)
                {
                    string name = RealtimeChannel.NameOf(kind);
                    throw new MeetStreamRealtimeException(
                        $"The session of bot {BotId} ended before the bot connected its {name} channel. Check that create_bot set the {name} WebSocket URL.",
                        name,
                        BotId,
                        null);
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Waits for a current channel other than <paramref name="previous"/>; null once the session has ended.</summary>
    private async Task<T?> NextChannelAsync<T>(RealtimeChannelKind kind, T? previous, CancellationToken cancellationToken)
        where T : RealtimeChannelSession
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_channels[(int)kind] is T channel && !ReferenceEquals(channel, previous))
                {
                    return channel;
                }

                if (_ended)
                {
                    return null;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
