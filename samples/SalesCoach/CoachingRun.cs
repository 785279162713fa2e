using MeetStream.Client;
using MeetStream.Client.Analytics;
using MeetStream.Client.Keywords;

namespace SalesCoach;

/// <summary>
/// One coached call: create the bot with a streaming transcription provider and the live transcript webhook, let the
/// alerts print while the call runs, and once the bot has left, transcribe the recording and print the talk-time
/// report and the keyword summary.
/// </summary>
/// <param name="client">The MeetStream (or simulator) client.</param>
/// <param name="spotter">The keyword spotter, for the post-call summary.</param>
/// <param name="alerts">The live transcript webhook.</param>
/// <param name="botName">The bot's display name (its own speech is not coached).</param>
/// <param name="simulated">Whether this is the offline run (polls faster).</param>
/// <param name="liveDelivered">Offline: completes when the simulator has delivered every webhook it sent.</param>
internal sealed class CoachingRun(MeetStreamClient client, KeywordSpotter spotter, LiveAlerts alerts, string botName, bool simulated, Func<CancellationToken, Task>? liveDelivered)
{
    private readonly TimeSpan _pollEvery = simulated ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromSeconds(5);

    public async Task<int> RunAsync(string meetingLink, string liveTranscriptUrl, CancellationToken cancellationToken)
    {
        var bot = await client.Bots.CreateAsync(
            new CreateBotRequest
            {
                MeetingLink = meetingLink,
                BotName = botName,
                VideoRequired = false,
                LiveTranscriptionRequired = new LiveTranscriptionConfig { WebhookUrl = liveTranscriptUrl },
                RecordingConfig = new RecordingConfig
                {
                    // A streaming provider: live transcript chunks while the call runs (no post-call transcript of its own).
                    Transcript = new TranscriptConfig { Provider = TranscriptionProvider.ForMeetStreamStreaming() },
                    Retention = RetentionConfig.Timed(24),
                },
                CustomAttributes = new Dictionary<string, string> { ["use_case"] = "sales-coach" },
            },
            cancellationToken: cancellationToken);
        var botId = bot.BotId ?? throw new InvalidOperationException("MeetStream returned no bot id.");
        Console.WriteLine($"Bot {botId} is joining; alerts appear here as they are spoken (Ctrl+C to stop).");
        Console.WriteLine();

        try
        {
            await WaitUntilLeftAsync(botId, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await LeaveAsync(botId);
            throw;
        }

        if (liveDelivered is not null)
        {
            await liveDelivered(cancellationToken);
        }

        alerts.Complete(botId);
        Console.WriteLine();
        Console.WriteLine($"The call is over ({alerts.Alerts} live alerts from {alerts.Chunks} transcript chunks). Transcribing the recording...");

        Transcript transcript;
        try
        {
            var wait = new MeetStreamWaitOptions { Timeout = TimeSpan.FromMinutes(simulated ? 2 : 30), Interval = _pollEvery };
            await client.Bots.WaitForAudioAsync(botId, wait, cancellationToken);
            var run = await client.Transcripts.TranscribeAsync(botId, new TranscribeRequest { Provider = TranscriptionProvider.ForMeetStream() }, cancellationToken);
            transcript = await client.Transcripts.WaitForTranscriptAsync(run.TranscriptId!, wait, cancellationToken);
        }
        catch (MeetStreamTimeoutException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }

        var report = TalkTimeAnalyzer.FromTranscript(transcript, new TalkTimeOptions { BotName = botName });
        Console.WriteLine();
        Console.Write(report.ToText());
        if (report.LongestMonologueBy is { } talker)
        {
            Console.WriteLine($"Longest monologue: {talker.Name} ({talker.LongestMonologue:mm\\:ss}).");
        }

        Console.WriteLine();
        Console.WriteLine("Keywords in the transcript:");
        var hits = spotter.Spot(transcript, botId);
        foreach (var category in hits.GroupBy(h => h.Category ?? "keyword").OrderByDescending(g => g.Count()))
        {
            var phrases = category.GroupBy(h => h.Keyword.Phrase).Select(g => $"\"{g.Key}\" x{g.Count()}");
            Console.WriteLine($"  {category.Key,-12} {category.Count()}  ({string.Join(", ", phrases)}; first by {category.First().Speaker})");
        }

        if (hits.Count == 0)
        {
            Console.WriteLine("  (none)");
        }

        return 0;
    }

    private async Task WaitUntilLeftAsync(string botId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var status = await client.Bots.GetStatusAsync(botId, cancellationToken);
            if (status.Status is { HasLeftMeeting: true })
            {
                return;
            }

            await Task.Delay(_pollEvery, cancellationToken);
        }
    }

    // Ctrl+C: the bot must not stay in the call recording after this program gave up on it.
    private async Task LeaveAsync(string botId)
    {
        try
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await client.Bots.RemoveFromMeetingAsync(botId, limit.Token);
            Console.WriteLine($"Asked bot {botId} to leave the call.");
        }
        catch (Exception ex) when (ex is MeetStreamException or OperationCanceledException)
        {
            Console.Error.WriteLine($"Could not remove bot {botId} from the call ({ex.Message}); remove it from the MeetStream dashboard.");
        }
    }
}
