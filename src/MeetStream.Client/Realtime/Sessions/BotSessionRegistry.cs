using System.Diagnostics.CodeAnalysis;

namespace MeetStream.Client.Realtime;

/// <summary>
/// Correlates the audio, control and video channels of each bot into one <see cref="BotSession"/> per bot id.
/// MeetStream's bot opens each socket separately and in any order; attach every channel session here as it starts.
/// </summary>
/// <remarks>
/// A channel that connects again for the same bot id replaces the old one (which is aborted) without ending the
/// session. A session ends when its audio and control channels have closed (after <see cref="BotSessionOptions.EndGracePeriod"/>);
/// a channel of that bot attached afterwards starts a new session. Thread-safe.
/// </remarks>
/// <example>
/// <code>
/// var registry = new BotSessionRegistry();
/// // in the audio WebSocket endpoint:
/// var audio = await AudioChannelSession.StartAsync(socket);
/// var attached = registry.Attach(audio);
/// if (attached.IsNewSession) _ = RunBotAsync(attached.Session);
/// await audio.Completion; // keep the request alive while the socket is in use
/// </code>
/// </example>
public sealed class BotSessionRegistry : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<string, BotSession> _sessions = new(StringComparer.Ordinal);
    private readonly BotSessionOptions _options;
    private bool _disposed;

    /// <summary>Initializes a registry.</summary>
    /// <param name="options">Settings; defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public BotSessionRegistry(BotSessionOptions? options = null)
    {
        _options = options ?? new BotSessionOptions();
        _options.Validate();
    }

    /// <summary>Gets the number of live sessions.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _sessions.Count;
            }
        }
    }

    /// <summary>Gets a snapshot of the live sessions.</summary>
    public IReadOnlyList<BotSession> Sessions
    {
        get
        {
            lock (_gate)
            {
                return [.. _sessions.Values];
            }
        }
    }

    /// <summary>
    /// Attaches a started channel (audio, control or video) to its bot's session, creating the session if this is the
    /// bot's first channel. A channel of a kind the session already has replaces it (the bot reconnected; the old one
    /// is aborted).
    /// </summary>
    /// <param name="channel">A started <see cref="AudioChannelSession"/>, <see cref="ControlChannelSession"/> or <see cref="VideoChannelSession"/>.</param>
    /// <returns>The session and whether it is new.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="channel"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The registry was disposed.</exception>
    public BotSessionAttachment Attach(RealtimeChannelSession channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        string botId = channel.BotId;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            while (true)
            {
                bool isNew = false;
                if (!_sessions.TryGetValue(botId, out var session) || session.IsEnded)
                {
                    session = new BotSession(botId, this, _options);
                    _sessions[botId] = session;
                    isNew = true;
                }

                if (session.TryAttach(channel, out bool replaced))
                {
                    return new BotSessionAttachment(session, isNew, replaced);
                }

                // The session ended between the lookup and the attach: start a fresh one.
                _sessions.Remove(botId);
            }
        }
    }

    /// <summary>Finds the live session of a bot.</summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="session">The session, when found.</param>
    /// <returns>Whether the bot has a live session.</returns>
    public bool TryGetSession(string botId, [NotNullWhen(true)] out BotSession? session)
    {
        ArgumentNullException.ThrowIfNull(botId);
        lock (_gate)
        {
            return _sessions.TryGetValue(botId, out session);
        }
    }

    /// <summary>Closes every session and refuses further attaches.</summary>
    /// <returns>A task that completes when every session has ended.</returns>
    public async ValueTask DisposeAsync()
    {
        BotSession[] sessions;
        lock (_gate)
        {
            _disposed = true;
            sessions = [.. _sessions.Values];
        }

        await Task.WhenAll(sessions.Select(s => s.CloseAsync())).ConfigureAwait(false);
    }

    internal void Remove(BotSession session)
    {
        lock (_gate)
        {
            if (_sessions.TryGetValue(session.BotId, out var current) && ReferenceEquals(current, session))
            {
                _sessions.Remove(session.BotId);
            }
        }
    }
}
