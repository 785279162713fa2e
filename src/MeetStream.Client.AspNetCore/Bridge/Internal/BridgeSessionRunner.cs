using MeetStream.Client.Realtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeetStream.Client.AspNetCore.Internal;

/// <summary>
/// Runs the registered <see cref="IMeetStreamBotHandler"/> once per new bot session, in its own DI scope, with a token
/// cancelled when the session ends or the application stops; counts active sessions.
/// </summary>
internal sealed class BridgeSessionRunner
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IHostApplicationLifetime? _lifetime;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    public BridgeSessionRunner(IServiceScopeFactory scopes, IOptions<MeetStreamBridgeOptions> options, ILogger<BridgeSessionRunner> logger, IHostApplicationLifetime? lifetime = null)
    {
        _time = options.Value.Sessions.TimeProvider;
        _scopes = scopes;
        _lifetime = lifetime;
        _logger = logger;
    }

    public void Start(BotSession session)
    {
        BridgeMetrics.ActiveSessions.Add(1);
        BridgeLog.SessionStarted(_logger, session.BotId);
        _ = session.Completion.ContinueWith(
            (_, state) =>
            {
                var ended = (BotSession)state!;
                BridgeMetrics.ActiveSessions.Add(-1);
                BridgeLog.SessionEnded(_logger, ended.BotId, _time.GetUtcNow() - ended.StartedAt);
            },
            session,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        _ = Task.Run(() => RunAsync(session), CancellationToken.None);
    }

    private async Task RunAsync(BotSession session)
    {
        using var cancellation = _lifetime is null
            ? new CancellationTokenSource()
            : CancellationTokenSource.CreateLinkedTokenSource(_lifetime.ApplicationStopping);
        var ended = session.Completion.ContinueWith(
            static (_, state) =>
            {
                try
                {
                    ((CancellationTokenSource)state!).Cancel();
                }
                catch (ObjectDisposedException)
                {
                    // The handler finished first.
                }
            },
            cancellation,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        var handlerName = nameof(IMeetStreamBotHandler);
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetRequiredService<IMeetStreamBotHandler>();
            handlerName = handler.GetType().Name;
            await handler.HandleAsync(session, cancellation.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The session ended or the application is stopping: a normal way for a handler to finish.
        }
        catch (Exception ex)
        {
            BridgeMetrics.HandlerFailures.Add(1);
            BridgeLog.HandlerFailed(_logger, ex, handlerName, session.BotId);
            await session.CloseAsync(CancellationToken.None).ConfigureAwait(false);
        }

        // Keep the token alive (and cancellable) until the session ends: the handler may have left work running on it.
        await ended.ConfigureAwait(false);
    }
}
