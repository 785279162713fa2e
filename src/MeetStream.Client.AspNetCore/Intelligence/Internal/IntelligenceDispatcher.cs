using MeetStream.Client.Keywords;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeetStream.Client.AspNetCore.Internal;

/// <summary>
/// Raises keyword hits and meeting analytics to the registered handlers (classes from the event's DI scope, then
/// delegates), one after another; a failing handler is logged and the others still run.
/// </summary>
internal sealed class IntelligenceDispatcher(
    IEnumerable<KeywordHitDelegate> hitDelegates,
    IEnumerable<MeetingAnalyticsDelegate> analyticsDelegates,
    ILogger<IntelligenceDispatcher> logger)
{
    private readonly KeywordHitDelegate[] _hitDelegates = hitDelegates.ToArray();
    private readonly MeetingAnalyticsDelegate[] _analyticsDelegates = analyticsDelegates.ToArray();

    public async Task RaiseHitsAsync(IReadOnlyList<KeywordHit> hits, IServiceProvider scope, CancellationToken cancellationToken)
    {
        if (hits.Count == 0)
        {
            return;
        }

        var handlers = scope.GetServices<IKeywordHitHandler>().ToArray();
        foreach (var hit in hits)
        {
            foreach (var handler in handlers)
            {
                try
                {
                    await handler.HandleAsync(hit, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    IntelligenceLog.HitHandlerFailed(logger, ex, handler.GetType().Name, hit.BotId);
                }
            }

            foreach (var handler in _hitDelegates)
            {
                try
                {
                    await handler.Handle(hit, scope, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    IntelligenceLog.HitHandlerFailed(logger, ex, "OnKeywordHit delegate", hit.BotId);
                }
            }
        }
    }

    public async Task RaiseAnalyticsAsync(MeetingAnalyticsResult result, IServiceProvider scope, CancellationToken cancellationToken)
    {
        foreach (var handler in scope.GetServices<IMeetingAnalyticsHandler>())
        {
            try
            {
                await handler.HandleAsync(result, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                IntelligenceLog.AnalyticsHandlerFailed(logger, ex, handler.GetType().Name, result.BotId);
            }
        }

        foreach (var handler in _analyticsDelegates)
        {
            try
            {
                await handler.Handle(result, scope, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                IntelligenceLog.AnalyticsHandlerFailed(logger, ex, "OnMeetingAnalytics delegate", result.BotId);
            }
        }
    }
}
