namespace MeetStream.Client.Testing;

/// <summary>
/// The scripted lifecycle of a bot in the meeting (§3.3, §5.1): each stage changes the status, adds a timeline entry,
/// emits its webhook and schedules the next, until the bot leaves and its post-call processing starts.
/// </summary>
internal sealed class BotLifecycle(
    SimulatorEngine engine,
    BotWebhooks webhooks,
    MeetingActivity meeting,
    RealtimeBots realtime,
    LoginStore logins,
    TranscriptStore transcripts,
    BotPostProcessing postProcessing)
{
    public void Schedule(SimBot bot, DateTimeOffset joinAt)
    {
        bot.SetStatus("Scheduled", "Scheduled", $"Bot scheduled to join at {Json.Iso(joinAt)}", engine.Now);
        webhooks.EmitLifecycle(bot, webhooks.LifecyclePayload(bot, "bot.scheduled", "bot.scheduled", "Scheduled", $"Bot scheduled to join at {Json.Iso(joinAt)}", 200), "bot.scheduled", "bot.scheduled");
        engine.After(bot, joinAt - engine.Now, "join", StartJoining);
    }

    /// <summary>A scheduled bot gets a new join time: the old join step is dropped and a new one scheduled.</summary>
    public void Reschedule(SimBot bot, DateTimeOffset joinAt)
    {
        bot.Version++;
        bot.JoinAt = joinAt;
        bot.LastUpdatedAt = engine.Now;
        bot.AddTimeline("Scheduled", $"Bot rescheduled to join at {Json.Iso(joinAt)}", engine.Now);
        engine.After(bot, joinAt - engine.Now, "join", StartJoining);
    }

    public void StartJoining(SimBot bot)
    {
        bot.SetStatus("Joining", "Joining", "Bot is joining the meeting", engine.Now);
        webhooks.EmitLifecycle(bot, webhooks.LifecyclePayload(bot, "bot.joining", "bot.joining", "Joining", "Bot is joining the meeting", 200), "bot.joining", "bot.joining");
        if (bot.Scenario is SimulatorScenarios.WaitingRoom or SimulatorScenarios.NotAdmitted or SimulatorScenarios.Denied)
        {
            engine.After(bot, engine.Timings.JoinDelay, "waiting room", EnterWaitingRoom);
        }
        else
        {
            engine.After(bot, engine.Timings.JoinDelay, "admitted", Admit);
        }
    }

    private void EnterWaitingRoom(SimBot bot)
    {
        bot.SetStatus("InWaitingRoom", "WaitingRoom", "Bot is in the waiting room", engine.Now);
        webhooks.EmitLifecycle(bot, webhooks.LifecyclePayload(bot, "bot.in_waiting_room", "bot.in_waiting_room", "InWaitingRoom", "Bot is waiting to be admitted", 200), "bot.in_waiting_room", "bot.in_waiting_room");
        switch (bot.Scenario)
        {
            case SimulatorScenarios.NotAdmitted:
                engine.After(bot, TimeSpan.FromSeconds(bot.WaitingRoomTimeoutSeconds), "not admitted", b => Stop(b, "bot.notallowed"));
                break;
            case SimulatorScenarios.Denied:
                engine.After(bot, engine.Timings.WaitingRoomDuration, "denied", b => Stop(b, "bot.denied"));
                break;
            default:
                engine.After(bot, engine.Timings.WaitingRoomDuration, "admitted", Admit);
                break;
        }
    }

    private void Admit(SimBot bot)
    {
        bot.StartTime = engine.Now;
        bot.SetStatus("InMeeting", "InMeeting", "Bot joined the meeting", engine.Now);
        webhooks.EmitLifecycle(bot, webhooks.LifecyclePayload(bot, "bot.inmeeting", "bot.inmeeting", "InMeeting", "Bot is in the meeting", 200), "bot.inmeeting", "bot.inmeeting");
        meeting.Join(bot, bot.BotName, isBot: true, isHost: false);
        var first = true;
        foreach (var speaker in ConversationPlan.Speakers(engine.Options.Conversation))
        {
            meeting.Join(bot, speaker, isBot: false, isHost: first);
            first = false;
        }

        if (!string.IsNullOrWhiteSpace(bot.BotMessage))
        {
            meeting.AddChat(bot, bot.Participants[0], bot.BotMessage);
        }

        realtime.Start(bot);

        if (bot.Scenario == SimulatorScenarios.RecordingPermissionDenied)
        {
            engine.After(bot, engine.Timings.StageGap, "recording permission denied", b =>
            {
                b.SetStatus("RecordingPermissionDenied", null, "The host did not allow recording", engine.Now);
                webhooks.EmitLifecycle(b, webhooks.LifecyclePayload(b, "bot.recording_permission_denied", "bot.recording_permission_denied", "RecordingPermissionDenied", "The host denied the recording permission", 200), "bot.recording_permission_denied", "bot.recording_permission_denied");
                engine.After(b, engine.Timings.StageGap, "leaving", x => Leave(x, "bot.stopped"));
            });
            return;
        }

        if (bot.Platform == "Zoom")
        {
            engine.After(bot, engine.Timings.StageGap / 2, "recording permission allowed", b =>
            {
                b.SetStatus("RecordingPermissionAllowed", null, "The host allowed recording", engine.Now);
                webhooks.EmitLifecycle(b, webhooks.LifecyclePayload(b, "bot.recording_permission_allowed", "bot.recording_permission_allowed", "RecordingPermissionAllowed", "The host allowed the bot to record", 200), "bot.recording_permission_allowed", "bot.recording_permission_allowed");
            });
        }

        engine.After(bot, engine.Timings.StageGap, "recording", StartRecording);
    }

    private void StartRecording(SimBot bot)
    {
        bot.RecordingStart = engine.Now;
        bot.Recorded = true;
        bot.SetStatus("Recording", "Recording", "Bot started recording", engine.Now);
        webhooks.EmitLifecycle(bot, webhooks.LifecyclePayload(bot, "bot.recording", "bot.recording", "Recording", "Bot started recording", 200), "bot.recording", "bot.recording");

        var plan = ConversationPlan.Plan(engine.Options.Conversation, bot.MeetingDuration);
        if (bot.LiveTranscriptUrl is not null && bot.Transcription is TranscriptionKind.Streaming or TranscriptionKind.Captions)
        {
            foreach (var utterance in plan)
            {
                var middle = (utterance.Start + utterance.End) / 2;
                engine.After(bot, TimeSpan.FromSeconds(middle), "live transcript (partial)", b => meeting.SendLiveTranscript(b, utterance, final: false));
                engine.After(bot, TimeSpan.FromSeconds(utterance.End), "live transcript (final)", b => meeting.SendLiveTranscript(b, utterance, final: true));
            }
        }

        var speakers = bot.Participants.Where(p => !p.IsBot).ToList();
        if (speakers.Count > 0)
        {
            engine.After(bot, TimeSpan.FromSeconds(Math.Min(2, bot.MeetingDuration.TotalSeconds / 4)), "participant chat", b =>
            {
                if (b.IsInMeeting)
                {
                    meeting.AddChat(b, speakers[0], "Hi! Please share the notes after the call.");
                }
            });
        }

        var half = TimeSpan.FromTicks(bot.MeetingDuration.Ticks / 2);
        switch (bot.Scenario)
        {
            case SimulatorScenarios.Kicked:
                engine.After(bot, half, "kicked", b => Stop(b, "bot.kicked"));
                return;
            case SimulatorScenarios.Failed:
                engine.After(bot, half, "failed", b => Stop(b, "bot.failed"));
                return;
            case SimulatorScenarios.StreamingError:
                engine.After(bot, TimeSpan.FromTicks(bot.MeetingDuration.Ticks / 3), "streaming error", b =>
                {
                    var provider = b.ProviderName ?? "deepgram_streaming";
                    var payload = webhooks.LifecyclePayload(b, "bot.error", "bot.error", "InMeeting", $"Streaming transcription error: {provider} upstream account has insufficient funds", null, withCustomAttributes: false, withTimestamp: false);
                    webhooks.EmitLifecycle(b, payload, "bot.error", "bot.error");
                });
                break;
        }

        var length = bot.Scenario == SimulatorScenarios.UntilRemoved ? (TimeSpan?)null : bot.MeetingDuration;
        if (bot.InCallRecordingTimeoutSeconds is { } limit && (length is null || TimeSpan.FromSeconds(limit) < length))
        {
            length = TimeSpan.FromSeconds(limit);
        }

        if (length is { } until)
        {
            engine.After(bot, until, "meeting ends", b => Leave(b, "bot.stopped"));
        }
    }

    /// <summary>Starts leaving (remove_bot, the meeting ended, a timeout): bot.leaving, participants leave, then bot.stopped.</summary>
    public void Leave(SimBot bot, string reason)
    {
        bot.Version++;
        bot.SetStatus("Leaving", "Leaving", "Bot is leaving the meeting", engine.Now);
        webhooks.EmitLifecycle(bot, webhooks.LifecyclePayload(bot, "bot.leaving", "bot.leaving", "Leaving", "Bot is leaving the meeting", 200), "bot.leaving", "bot.leaving");
        engine.After(bot, engine.Timings.StageGap, "stopped", b => Stop(b, reason));
    }

    private void Stop(SimBot bot, string reason)
    {
        bot.Version++;
        bot.Left = true;
        bot.StopReason = reason;
        bot.EndTime = engine.Now;
        bot.Realtime?.Leave();
        logins.Release(bot);
        foreach (var participant in bot.Participants.Where(p => p.LeftAt is null).ToArray())
        {
            meeting.LeaveParticipant(bot, participant);
        }

        var (status, stage, code, message) = reason switch
        {
            "bot.kicked" => ("Stopped", "Stopped", 200, "Bot was removed from the meeting by a participant"),
            "bot.failed" => ("Error", "Error", 500, "Bot encountered an error during the meeting"),
            "bot.notallowed" => ("NotAllowed", "BotNotAllowed", 500, "Bot was not admitted before the waiting room timeout"),
            "bot.denied" => ("Denied", "BotRejected", 500, "Bot was denied entry to the meeting"),
            _ => ("Stopped", "Stopped", 200, "Bot left the meeting"),
        };
        bot.SetStatus(status, stage, message, engine.Now);
        webhooks.EmitLifecycle(bot, webhooks.LifecyclePayload(bot, "bot.stopped", reason, status, message, code), "bot.stopped", reason);

        if (!bot.Recorded)
        {
            transcripts.FailProcessing(bot, "Nothing was recorded");
            engine.After(bot, engine.Timings.ProcessingStep, "done", b => postProcessing.Finish(b, code == 200 ? null : "Error: " + message));
            return;
        }

        postProcessing.Schedule(bot);
    }
}
