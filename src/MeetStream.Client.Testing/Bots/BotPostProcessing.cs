using System.Text.Json.Nodes;

namespace MeetStream.Client.Testing;

/// <summary>
/// A bot's life after the meeting (§5.1): the post-call steps (manifest, audio, transcription, video) in order or
/// reordered, bot.done, retention expiry and data deletion (data_deletion).
/// </summary>
internal sealed class BotPostProcessing(SimulatorEngine engine, BotWebhooks webhooks, TranscriptStore transcripts)
{
    public void Schedule(SimBot bot)
    {
        var steps = new List<(string Label, Action<SimBot> Step)>
        {
            ("manifest", ManifestCompleted),
            ("audio", AudioProcessed),
        };
        if (bot.Transcription == TranscriptionKind.PostCall)
        {
            steps.Add(("transcription", TranscriptionFinished));
        }

        if (bot.VideoRequired)
        {
            steps.Add(("video", VideoProcessed));
        }

        if (bot.ReorderPostCall || engine.Options.ReorderPostCallWebhooks)
        {
            steps.Reverse();
        }

        for (var i = 0; i < steps.Count; i++)
        {
            engine.After(bot, engine.Timings.ProcessingStep * (i + 1), steps[i].Label, steps[i].Step);
        }

        var failed = bot.Scenario is SimulatorScenarios.Failed or SimulatorScenarios.TranscriptionFailed;
        var withoutPostCallTranscript = bot.Transcription != TranscriptionKind.PostCall;
        if (withoutPostCallTranscript && !engine.Options.SendBotDoneWithoutPostCallTranscript)
        {
            engine.After(bot, engine.Timings.ProcessingStep * (steps.Count + 1), "done (silent)", b => Finish(b, null, emit: false));
            return;
        }

        var error = bot.Scenario switch
        {
            SimulatorScenarios.Failed => "Error: the bot stopped unexpectedly; the recording is partial",
            SimulatorScenarios.TranscriptionFailed => "Error: transcription failed",
            _ => null,
        };
        engine.After(bot, engine.Timings.ProcessingStep * (steps.Count + 1), "done", b => Finish(b, failed ? error : null));
    }

    private void ManifestCompleted(SimBot bot)
    {
        bot.ManifestReady = true;
        EmitStep(bot, "manifest.completed", null, "manifest_status", "Manifest completed");
    }

    private void AudioProcessed(SimBot bot)
    {
        bot.AudioReady = true;
        bot.AddTimeline("AudioProcessing", "Audio processing completed", engine.Now);
        EmitStep(bot, "audio.processed", "audio.processed", "audio_status", "Audio processing completed successfully");
    }

    private void TranscriptionFinished(SimBot bot)
    {
        var transcript = bot.TranscriptId is { } id ? transcripts.Find(id) : null;
        if (bot.Scenario == SimulatorScenarios.TranscriptionFailed)
        {
            const string Message = "Transcript processing error: Deepgram API error: 401";
            if (transcript is not null)
            {
                transcript.Status = "Failed";
                transcript.FailureMessage = Message;
            }

            var failed = webhooks.LifecyclePayload(bot, "transcription.failed", "transcription.failed", null, Message, 500);
            failed["status"] = "error";
            failed["transcript_status"] = "Failed";
            webhooks.EmitLifecycle(bot, failed, "transcription.failed", "transcription.failed");
            return;
        }

        if (transcript is not null)
        {
            transcript.Status = "Success";
        }

        bot.AddTimeline("TranscriptionReady", "Transcription completed", engine.Now);
        EmitStep(bot, "transcription.processed", "transcription.processed", "transcript_status", "Transcription completed successfully");
    }

    private void VideoProcessed(SimBot bot)
    {
        bot.VideoReady = true;
        bot.AddTimeline("VideoProcessing", "Video processing completed", engine.Now);
        EmitStep(bot, "video.processed", "video.processed", "video_status", "Video processing completed successfully");
    }

    /// <summary>Sends a successful post-call step's event: status success and its own <c>*_status</c> Success.</summary>
    private void EmitStep(SimBot bot, string generic, string? specific, string statusField, string message)
    {
        var payload = webhooks.LifecyclePayload(bot, generic, specific, null, message, 200);
        payload["status"] = "success";
        payload[statusField] = "Success";
        webhooks.EmitLifecycle(bot, payload, generic, specific);
    }

    public void Finish(SimBot bot, string? error, bool emit = true)
    {
        bot.Done = true;
        if (bot.Status is "Stopped" or "Leaving" or "RecordingPermissionDenied")
        {
            bot.SetStatus("Done", "Done", error ?? "All processing finished", engine.Now);
        }
        else
        {
            bot.AddTimeline("Done", error ?? "All processing finished", engine.Now);
        }

        if (emit)
        {
            webhooks.EmitLifecycle(bot, webhooks.LifecyclePayload(bot, "bot.done", "bot.done", "Done", error ?? "Bot processing completed", error is null ? 200 : 500), "bot.done", "bot.done");
        }

        if (bot.RetentionHours is { } hours && bot.Recorded)
        {
            engine.After(bot, TimeSpan.FromHours(hours), "retention expiry", b => DeleteMedia(b, "Media deleted after the retention period"));
        }
    }

    /// <summary>Deletes the bot's media and transcripts (retention expiry or DELETE /bots/{id}/delete) and sends data_deletion.</summary>
    public int DeleteMedia(SimBot bot, string message)
    {
        bot.Version++;
        var deleted = 0;
        if (bot.Recorded && !bot.MediaDeleted)
        {
            deleted += 2 + (bot.VideoRequired ? 1 : 0) + (bot.AudioSeparateStreams ? bot.Participants.Count(p => !p.IsBot) : 0) + (bot.VideoSeparateStreams ? bot.Participants.Count(p => !p.IsBot) : 0);
        }

        deleted += transcripts.Delete(bot);

        bot.MediaDeleted = true;
        bot.MediaExpired = true;
        bot.ManifestReady = bot.AudioReady = bot.VideoReady = false;
        bot.SetStatus("MediaExpired", "MediaExpired", message, engine.Now);
        var payload = new JsonObject
        {
            ["event"] = "data_deletion",
            ["bot_event"] = "data_deletion",
            ["bot_id"] = bot.Id,
            ["status"] = "success",
            ["deleted_objects"] = deleted,
            ["message"] = message,
            ["status_code"] = 200,
            ["timestamp"] = Json.Iso(engine.Now),
        };
        webhooks.EmitLifecycle(bot, payload, "data_deletion", "data_deletion");
        return deleted;
    }
}
