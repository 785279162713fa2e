using MeetStream.Client.Analytics;
using MeetStream.Client.Keywords;
using MeetStream.Client.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeetStream.Client.AspNetCore.Internal;

/// <summary>
/// Computes a bot's end-of-meeting analytics once: at <c>transcription.processed</c> from the post-call transcript,
/// else at <c>bot.done</c> from the transcript if there is one by then, or from the speaker timeline; then raises the
/// result (and the transcript's keyword hits) to the handlers. A failure (the REST call, say) gives the claim back
/// and propagates, so the pipeline logs it and a later event (or the durable inbox's redelivery) tries again.
/// </summary>
internal sealed class MeetingAnalyticsHandler(
    MeetingAnalyticsTracker tracker,
    IntelligenceDispatcher dispatcher,
    IOptions<MeetingAnalyticsOptions> options,
    IServiceProvider scope,
    ILogger<MeetingAnalyticsHandler> logger)
    : IMeetStreamWebhookHandler<TranscriptionProcessedEvent>, IMeetStreamWebhookHandler<BotDoneEvent>
{
    private readonly MeetingAnalyticsOptions _options = options.Value;

    public Task HandleAsync(TranscriptionProcessedEvent webhookEvent, CancellationToken cancellationToken) =>
        RunAsync(webhookEvent, finalEvent: false, cancellationToken);

    public Task HandleAsync(BotDoneEvent webhookEvent, CancellationToken cancellationToken) =>
        RunAsync(webhookEvent, finalEvent: true, cancellationToken);

    private async Task RunAsync(WebhookEvent trigger, bool finalEvent, CancellationToken cancellationToken)
    {
        if (trigger.BotId is not { Length: > 0 } botId)
        {
            return;
        }

        var triggerName = trigger.Type.ToString();
        if (!tracker.TryBegin(botId))
        {
            IntelligenceLog.AlreadyAnalysed(logger, botId, triggerName);
            return;
        }

        var settled = false;
        try
        {
            var client = scope.GetService<IMeetStreamClient>()
                ?? throw new InvalidOperationException("Meeting analytics fetch the transcript through IMeetStreamClient: also call services.AddMeetStreamClient(...).");
            var result = await FromTranscriptAsync(client, botId, trigger, cancellationToken).ConfigureAwait(false);
            if (result is null)
            {
                if (!finalEvent)
                {
                    IntelligenceLog.TranscriptNotReady(logger, botId, "the transcript is not available");
                    return; // not settled: bot.done tries again
                }

                if (!_options.UseSpeakerTimelineWithoutTranscript)
                {
                    settled = true;
                    IntelligenceLog.NothingToAnalyse(logger, botId, "no post-call transcript, and the speaker timeline is off");
                    return;
                }

                result = await FromSpeakerTimelineAsync(client, botId, trigger, cancellationToken).ConfigureAwait(false);
                if (result is null)
                {
                    settled = true;
                    IntelligenceLog.NothingToAnalyse(logger, botId, "no post-call transcript and an empty speaker timeline");
                    return;
                }
            }

            settled = true;
            IntelligenceLog.AnalyticsReady(logger, botId, result.TalkTime.Source.ToString(), result.TalkTime.Participants.Count, result.KeywordHits.Count, triggerName);
            await dispatcher.RaiseAnalyticsAsync(result, scope, cancellationToken).ConfigureAwait(false);
            await dispatcher.RaiseHitsAsync(result.KeywordHits, scope, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (!settled)
            {
                tracker.Release(botId);
            }
        }
    }

    private async Task<MeetingAnalyticsResult?> FromTranscriptAsync(IMeetStreamClient client, string botId, WebhookEvent trigger, CancellationToken cancellationToken)
    {
        var transcriptId = _options.TranscriptIdResolver is { } resolve
            ? await resolve(botId, scope, cancellationToken).ConfigureAwait(false)
            : await DefaultTranscriptIdAsync(client, botId, cancellationToken).ConfigureAwait(false);
        if (transcriptId is not { Length: > 0 })
        {
            return null;
        }

        Transcript transcript;
        try
        {
            transcript = await client.Transcripts.GetAsync(transcriptId, cancellationToken).ConfigureAwait(false);
        }
        catch (MeetStreamNotReadyException)
        {
            return null; // 202: still processing, failed, or a streaming-only provider
        }

        if (transcript.Segments.Count == 0)
        {
            return null;
        }

        var spotter = _options.SpotKeywordsInTranscript ? scope.GetService<KeywordSpotter>() : null;
        return new MeetingAnalyticsResult
        {
            BotId = botId,
            TalkTime = TalkTimeAnalyzer.FromTranscript(transcript, _options.TalkTime),
            KeywordHits = spotter?.Spot(transcript, botId, trigger.CustomAttributes) ?? [],
            TranscriptId = transcriptId,
            Transcript = transcript,
            CustomAttributes = trigger.CustomAttributes,
            Trigger = trigger,
        };
    }

    private async Task<MeetingAnalyticsResult?> FromSpeakerTimelineAsync(IMeetStreamClient client, string botId, WebhookEvent trigger, CancellationToken cancellationToken)
    {
        SpeakerTimeline timeline;
        try
        {
            timeline = await client.Bots.GetSpeakerTimelineAsync(botId, cancellationToken).ConfigureAwait(false);
        }
        catch (MeetStreamNotReadyException)
        {
            return null;
        }
        catch (MeetStreamNotFoundException)
        {
            return null; // nothing was recorded (a denied or never admitted bot)
        }

        if (timeline.Chunks is not { Count: > 0 })
        {
            return null;
        }

        return new MeetingAnalyticsResult
        {
            BotId = botId,
            TalkTime = TalkTimeAnalyzer.FromSpeakerTimeline(timeline, _options.TalkTime),
            CustomAttributes = trigger.CustomAttributes,
            Trigger = trigger,
        };
    }

    /// <summary>The latest successful run of <c>/transcriptions</c>, else <c>bot_details.transcript_id</c>.</summary>
    private static async Task<string?> DefaultTranscriptIdAsync(IMeetStreamClient client, string botId, CancellationToken cancellationToken)
    {
        try
        {
            var runs = await client.Transcripts.ListForBotAsync(botId, cancellationToken).ConfigureAwait(false);
            var latest = runs.Transcriptions?.LastOrDefault(r => r.Status == TranscriptionStatus.Success && r.TranscriptId is { Length: > 0 });
            if (latest is not null)
            {
                return latest.TranscriptId;
            }
        }
        catch (MeetStreamNotFoundException)
        {
            // Older deployments without the endpoint: fall back to the bot's detail.
        }

        var details = await client.Bots.GetDetailsAsync(botId, cancellationToken).ConfigureAwait(false);
        return details.TranscriptId;
    }
}
