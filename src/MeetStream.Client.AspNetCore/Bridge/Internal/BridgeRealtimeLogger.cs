using Microsoft.Extensions.Logging;

namespace MeetStream.Client.AspNetCore.Internal;

/// <summary>
/// The logger the bridge gives its channel sessions: the session logger, minus the sessions' own handshake-failure
/// event (3002), which the bridge reports itself once per failure, with the remote address and rate-limited
/// (<see cref="BridgeHandshakeFailureLog"/>).
/// </summary>
internal sealed class BridgeRealtimeLogger : ILogger
{
    /// <summary>The event id of <c>RealtimeLog.HandshakeFailed</c> in MeetStream.Client.</summary>
    public const int SessionHandshakeFailedEventId = 3002;

    private readonly ILogger _inner;

    private BridgeRealtimeLogger(ILogger inner) => _inner = inner;

    public static ILogger Wrap(ILogger logger) => logger as BridgeRealtimeLogger ?? new BridgeRealtimeLogger(logger);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => _inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => _inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (eventId.Id != SessionHandshakeFailedEventId)
        {
            _inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
