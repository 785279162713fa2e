using System.Text.Json.Nodes;

namespace MeetStream.Client.Testing;

/// <summary>The scripted lifecycle of a bot (§3.3, §5.1): each stage changes the status, adds a timeline entry, emits its webhook and schedules the next.</summary>
internal sealed partial class SimulatorEngine
{
    /// <summary>Schedules a step for a bot; the step is skipped if the bot's script changed (remove_bot, delete, reschedule) meanwhile.</summary>
    private void After(SimBot bot, TimeSpan delay, string label, Action<SimBot> step)
    {
        var version = bot.Version;
        Clock.Schedule(Now + (delay < TimeSpan.Zero ? TimeSpan.Zero : delay), $"{bot.Id} {label}", () =>
        {
            lock (Gate)
            {
                if (bot.Version != version || !_bots.ContainsKey(bot.Id))
                {
                    return;
                }

                step(bot);
            }

            NotifyChanged();
        });
    }

    private void Schedule(SimBot bot, DateTimeOffset joinAt)
    {
        SetStatus(bot, "Scheduled", "Scheduled", $"Bot scheduled to join at {Json.Iso(joinAt)}");
        EmitLifecycle(bot, LifecyclePayload(bot, "bot.scheduled", "bot.scheduled", "Scheduled", $"Bot scheduled to join at {Json.Iso(joinAt)}", 200), "bot.scheduled", "bot.scheduled");
        After(bot, joinAt - Now, "join", StartJoining);
    }

    private void StartJoining(SimBot bot)
    {
        SetStatus(bot, "Joining", "Joining", "Bot is joining the meeting");
        EmitLifecycle(bot, LifecyclePayload(bot, "bot.joining", "bot.joining", "Joining", "Bot is joining the meeting", 200), "bot.joining", "bot.joining");
        if (bot.Scenario is SimulatorScenarios.WaitingRoom or SimulatorScenarios.NotAdmitted or SimulatorScenarios.Denied)
        {
            After(bot, Timings.JoinDelay, "waiting room", EnterWaitingRoom);
        }
        else
        {
            After(bot, Timings.JoinDelay, "admitted", Admit);
        }
    }

    private void EnterWaitingRoom(SimBot bot)
    {
        SetStatus(bot, "InWaitingRoom", "WaitingRoom", "Bot is in the waiting room");
        EmitLifecycle(bot, LifecyclePayload(bot, "bot.in_waiting_room", "bot.in_waiting_room", "InWaitingRoom", "Bot is waiting to be admitted", 200), "bot.in_waiting_room", "bot.in_waiting_room");
        switch (bot.Scenario)
        {
            case SimulatorScenarios.NotAdmitted:
                After(bot, TimeSpan.FromSeconds(bot.WaitingRoomTimeoutSeconds), "not admitted", b => Stop(b, "bot.notallowed"));
                break;
            case SimulatorScenarios.Denied:
                After(bot, Timings.WaitingRoomDuration, "denied", b => Stop(b, "bot.denied"));
                break;
            default:
                After(bot, Timings.WaitingRoomDuration, "admitted", Admit);
                break;
        }
    }

    private void Admit(SimBot bot)
    {
        bot.StartTime = Now;
        SetStatus(bot, "InMeeting", "InMeeting", "Bot joined the meeting");
        EmitLifecycle(bot, LifecyclePayload(bot, "bot.inmeeting", "bot.inmeeting", "InMeeting", "Bot is in the meeting", 200), "bot.inmeeting", "bot.inmeeting");
        Join(bot, bot.BotName, isBot: true, isHost: false);
        var first = true;
        foreach (var speaker in ConversationPlan.Speakers(Options.Conversation))
        {
            Join(bot, speaker, isBot: false, isHost: first);
            first = false;
        }

        if (!string.IsNullOrWhiteSpace(bot.BotMessage))
        {
            AddChat(bot, bot.Participants[0], bot.BotMessage);
        }

        StartRealtime(bot);

        if (bot.Scenario == SimulatorScenarios.RecordingPermissionDenied)
        {
            After(bot, Timings.StageGap, "recording permission denied", b =>
            {
                SetStatus(b, "RecordingPermissionDenied", null, "The host did not allow recording");
                EmitLifecycle(b, LifecyclePayload(b, "bot.recording_permission_denied", "bot.recording_permission_denied", "RecordingPermissionDenied", "The host denied the recording permission", 200), "bot.recording_permission_denied", "bot.recording_permission_denied");
                After(b, Timings.StageGap, "leaving", x => Leave(x, "bot.stopped"));
            });
            return;
        }

        if (bot.Platform == "Zoom")
        {
            After(bot, Timings.StageGap / 2, "recording permission allowed", b =>
            {
                SetStatus(b, "RecordingPermissionAllowed", null, "The host allowed recording");
                EmitLifecycle(b, LifecyclePayload(b, "bot.recording_permission_allowed", "bot.recording_permission_allowed", "RecordingPermissionAllowed", "The host allowed the bot to record", 200), "bot.recording_permission_allowed", "bot.recording_permission_allowed");
            });
        }

        After(bot, Timings.StageGap, "recording", StartRecording);
    }

    private void StartRecording(SimBot bot)
    {
        bot.RecordingStart = Now;
        bot.Recorded = true;
        SetStatus(bot, "Recording", "Recording", "Bot started recording");
        EmitLifecycle(bot, LifecyclePayload(bot, "bot.recording", "bot.recording", "Recording", "Bot started recording", 200), "bot.recording", "bot.recording");

        var plan = ConversationPlan.Plan(Options.Conversation, bot.MeetingDuration);
        if (bot.LiveTranscriptUrl is not null && bot.Transcription is TranscriptionKind.Streaming or TranscriptionKind.Captions)
        {
            foreach (var utterance in plan)
            {
                var middle = (utterance.Start + utterance.End) / 2;
                After(bot, TimeSpan.FromSeconds(middle), "live transcript (partial)", b => SendLiveTranscript(b, utterance, final: false));
                After(bot, TimeSpan.FromSeconds(utterance.End), "live transcript (final)", b => SendLiveTranscript(b, utterance, final: true));
            }
        }

        var speakers = bot.Participants.Where(p => !p.IsBot).ToList();
        if (speakers.Count > 0)
        {
            After(bot, TimeSpan.FromSeconds(Math.Min(2, bot.MeetingDuration.TotalSeconds / 4)), "participant chat", b =>
            {
                if (b.IsInMeeting)
                {
                    AddChat(b, speakers[0], "Hi! Please share the notes after the call.");
                }
            });
        }

        var half = TimeSpan.FromTicks(bot.MeetingDuration.Ticks / 2);
        switch (bot.Scenario)
        {
            case SimulatorScenarios.Kicked:
                After(bot, half, "kicked", b => Stop(b, "bot.kicked"));
                return;
            case SimulatorScenarios.Failed:
                After(bot, half, "failed", b => Stop(b, "bot.failed"));
                return;
            case SimulatorScenarios.StreamingError:
                After(bot, TimeSpan.FromTicks(bot.MeetingDuration.Ticks / 3), "streaming error", b =>
                {
                    var provider = b.ProviderName ?? "deepgram_streaming";
                    var payload = LifecyclePayload(b, "bot.error", "bot.error", "InMeeting", $"Streaming transcription error: {provider} upstream account has insufficient funds", null, withCustomAttributes: false, withTimestamp: false);
                    EmitLifecycle(b, payload, "bot.error", "bot.error");
                });
                break;
        }

        var length = bot.Scenario == SimulatorScenarios.UntilRemoved ? (TimeSpan?)null : bot.MeetingDuration;
        if (bot.InCallRecordingTimeoutSeconds is { } limit && (length is null || TimeSpan.FromSeconds(limit) < length))
        {
            length = TimeSpan.FromSeconds(limit);
        }

        if (length is { } meeting)
        {
            After(bot, meeting, "meeting ends", b => Leave(b, "bot.stopped"));
        }
    }

    /// <summary>Starts leaving (remove_bot, the meeting ended, a timeout): bot.leaving, participants leave, then bot.stopped.</summary>
    internal void Leave(SimBot bot, string reason)
    {
        bot.Version++;
        SetStatus(bot, "Leaving", "Leaving", "Bot is leaving the meeting");
        EmitLifecycle(bot, LifecyclePayload(bot, "bot.leaving", "bot.leaving", "Leaving", "Bot is leaving the meeting", 200), "bot.leaving", "bot.leaving");
        After(bot, Timings.StageGap, "stopped", b => Stop(b, reason));
    }

    private void Stop(SimBot bot, string reason)
    {
        bot.Version++;
        bot.Left = true;
        bot.StopReason = reason;
        bot.EndTime = Now;
        bot.Realtime?.Leave();
        ReleaseLogin(bot);
        foreach (var participant in bot.Participants.Where(p => p.LeftAt is null).ToArray())
        {
            LeaveParticipant(bot, participant);
        }

        var (status, stage, code, message) = reason switch
        {
            "bot.kicked" => ("Stopped", "Stopped", 200, "Bot was removed from the meeting by a participant"),
            "bot.failed" => ("Error", "Error", 500, "Bot encountered an error during the meeting"),
            "bot.notallowed" => ("NotAllowed", "BotNotAllowed", 500, "Bot was not admitted before the waiting room timeout"),
            "bot.denied" => ("Denied", "BotRejected", 500, "Bot was denied entry to the meeting"),
            _ => ("Stopped", "Stopped", 200, "Bot left the meeting"),
        };
        SetStatus(bot, status, stage, message);
        EmitLifecycle(bot, LifecyclePayload(bot, "bot.stopped", reason, status, message, code), "bot.stopped", reason);

        if (!bot.Recorded)
        {
            foreach (var transcript in _transcripts.Values.Where(t => t.BotId == bot.Id && t.Status == "Processing"))
            {
                transcript.Status = "Failed";
                transcript.FailureMessage = "Nothing was recorded";
            }

            After(bot, Timings.ProcessingStep, "done", b => Finish(b, code == 200 ? null : "Error: " + message));
            return;
        }

        SchedulePostProcessing(bot);
    }

    private void SchedulePostProcessing(SimBot bot)
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

        if (bot.ReorderPostCall || Options.ReorderPostCallWebhooks)
        {
            steps.Reverse();
        }

        for (var i = 0; i < steps.Count; i++)
        {
            After(bot, Timings.ProcessingStep * (i + 1), steps[i].Label, steps[i].Step);
        }

        var failed = bot.Scenario is SimulatorScenarios.Failed or SimulatorScenarios.TranscriptionFailed;
        var withoutPostCallTranscript = bot.Transcription != TranscriptionKind.PostCall;
        if (withoutPostCallTranscript && !Options.SendBotDoneWithoutPostCallTranscript)
        {
            After(bot, Timings.ProcessingStep * (steps.Count + 1), "done (silent)", b => Finish(b, null, emit: false));
            return;
        }

        var error = bot.Scenario switch
        {
            SimulatorScenarios.Failed => "Error: the bot stopped unexpectedly; the recording is partial",
            SimulatorScenarios.TranscriptionFailed => "Error: transcription failed",
            _ => null,
        };
        After(bot, Timings.ProcessingStep * (steps.Count + 1), "done", b => Finish(b, failed ? error : null));
    }

    private void ManifestCompleted(SimBot bot)
    {
        bot.ManifestReady = true;
        var payload = LifecyclePayload(bot, "manifest.completed", null, null, "Manifest completed", 200);
        payload["status"] = "success";
        payload["manifest_status"] = "Success";
        EmitLifecycle(bot, payload, "manifest.completed", null);
    }

    private void AudioProcessed(SimBot bot)
    {
        bot.AudioReady = true;
        AddTimeline(bot, "AudioProcessing", "Audio processing completed");
        var payload = LifecyclePayload(bot, "audio.processed", "audio.processed", null, "Audio processing completed successfully", 200);
        payload["status"] = "success";
        payload["audio_status"] = "Success";
        EmitLifecycle(bot, payload, "audio.processed", "audio.processed");
    }

    private void TranscriptionFinished(SimBot bot)
    {
        var transcript = bot.TranscriptId is { } id && _transcripts.TryGetValue(id, out var t) ? t : null;
        if (bot.Scenario == SimulatorScenarios.TranscriptionFailed)
        {
            const string Message = "Transcript processing error: Deepgram API error: 401";
            if (transcript is not null)
            {
                transcript.Status = "Failed";
                transcript.FailureMessage = Message;
            }

            var failed = LifecyclePayload(bot, "transcription.failed", "transcription.failed", null, Message, 500);
            failed["status"] = "error";
            failed["transcript_status"] = "Failed";
            EmitLifecycle(bot, failed, "transcription.failed", "transcription.failed");
            return;
        }

        if (transcript is not null)
        {
            transcript.Status = "Success";
        }

        AddTimeline(bot, "TranscriptionReady", "Transcription completed");
        var payload = LifecyclePayload(bot, "transcription.processed", "transcription.processed", null, "Transcription completed successfully", 200);
        payload["status"] = "success";
        payload["transcript_status"] = "Success";
        EmitLifecycle(bot, payload, "transcription.processed", "transcription.processed");
    }

    private void VideoProcessed(SimBot bot)
    {
        bot.VideoReady = true;
        AddTimeline(bot, "VideoProcessing", "Video processing completed");
        var payload = LifecyclePayload(bot, "video.processed", "video.processed", null, "Video processing completed successfully", 200);
        payload["status"] = "success";
        payload["video_status"] = "Success";
        EmitLifecycle(bot, payload, "video.processed", "video.processed");
    }

    private void Finish(SimBot bot, string? error, bool emit = true)
    {
        bot.Done = true;
        if (bot.Status is "Stopped" or "Leaving" or "RecordingPermissionDenied")
        {
            SetStatus(bot, "Done", "Done", error ?? "All processing finished");
        }
        else
        {
            AddTimeline(bot, "Done", error ?? "All processing finished");
        }

        if (emit)
        {
            EmitLifecycle(bot, LifecyclePayload(bot, "bot.done", "bot.done", "Done", error ?? "Bot processing completed", error is null ? 200 : 500), "bot.done", "bot.done");
        }

        if (bot.RetentionHours is { } hours && bot.Recorded)
        {
            After(bot, TimeSpan.FromHours(hours), "retention expiry", b => DeleteMedia(b, "Media deleted after the retention period"));
        }
    }

    /// <summary>Deletes the bot's media and transcripts (retention expiry or DELETE /bots/{id}/delete) and sends data_deletion.</summary>
    internal int DeleteMedia(SimBot bot, string message)
    {
        bot.Version++;
        var deleted = 0;
        if (bot.Recorded && !bot.MediaDeleted)
        {
            deleted += 2 + (bot.VideoRequired ? 1 : 0) + (bot.AudioSeparateStreams ? bot.Participants.Count(p => !p.IsBot) : 0) + (bot.VideoSeparateStreams ? bot.Participants.Count(p => !p.IsBot) : 0);
        }

        foreach (var transcript in _transcripts.Values.Where(t => t.BotId == bot.Id && !t.Deleted))
        {
            transcript.Deleted = true;
            deleted += 2;
        }

        bot.MediaDeleted = true;
        bot.MediaExpired = true;
        bot.ManifestReady = bot.AudioReady = bot.VideoReady = false;
        SetStatus(bot, "MediaExpired", "MediaExpired", message);
        var payload = new JsonObject
        {
            ["event"] = "data_deletion",
            ["bot_event"] = "data_deletion",
            ["bot_id"] = bot.Id,
            ["status"] = "success",
            ["deleted_objects"] = deleted,
            ["message"] = message,
            ["status_code"] = 200,
            ["timestamp"] = Json.Iso(Now),
        };
        EmitLifecycle(bot, payload, "data_deletion", "data_deletion");
        return deleted;
    }

    // ---- meeting content ----

    private void Join(SimBot bot, string name, bool isBot, bool isHost)
    {
        var participant = new SimParticipant
        {
            DeviceId = $"spaces/{MeetingCode(bot)}/devices/{100 + bot.Participants.Count}",
            Name = name,
            IsBot = isBot,
            IsHost = isHost,
            Joined = Now,
        };
        bot.Participants.Add(participant);
        SendParticipantEvent(bot, participant, "join");
    }

    private void LeaveParticipant(SimBot bot, SimParticipant participant)
    {
        participant.LeftAt = Now;
        SendParticipantEvent(bot, participant, "leave");
    }

    private void SendParticipantEvent(SimBot bot, SimParticipant participant, string action)
    {
        var name = "participant_events." + action;
        var relative = bot.StartTime is { } start ? Math.Round((Now - start).TotalSeconds, 3) : 0;
        var payload = new JsonObject
        {
            ["event"] = name,
            ["timestamp"] = Json.IsoZ(Now),
            ["data"] = new JsonObject
            {
                ["data"] = new JsonObject
                {
                    ["action"] = action,
                    ["participant"] = new JsonObject
                    {
                        ["id"] = participant.DeviceId,
                        ["name"] = participant.Name,
                        ["full_name"] = participant.Name,
                        ["platform"] = PlatformKey(bot.Platform),
                        ["is_host"] = participant.IsHost,
                    },
                    ["timestamp"] = new JsonObject { ["relative"] = relative, ["absolute"] = Json.IsoZ(Now) },
                },
                ["bot"] = new JsonObject { ["id"] = bot.Id, ["metadata"] = bot.CustomAttributes.DeepClone() },
            },
            ["custom_attributes"] = bot.CustomAttributes.DeepClone(),
        };
        bot.ParticipantEvents.Add((JsonObject)payload.DeepClone());
        foreach (var (url, events) in bot.RealtimeEndpoints)
        {
            if (events is null || events.Contains(name) || events.Contains("participant_events.*"))
            {
                EmitTo(SimulatorWebhookChannel.Realtime, url, bot, payload, name);
            }
        }
    }

    private void AddChat(SimBot bot, SimParticipant from, string text)
    {
        var session = bot.StartTime is { } start ? (Now - start).TotalSeconds : 0;
        bot.Chat.Add(new SimChatMessage("msg_" + RandomHex(6), from.DeviceId, from.Name, text, Now, Math.Round(session, 3)));
        if (!from.IsBot)
        {
            bot.Realtime?.PostUserMessage(text);
        }
    }

    private void SendLiveTranscript(SimBot bot, PlannedUtterance utterance, bool final)
    {
        if (bot.LiveTranscriptUrl is not { } url || !bot.IsInMeeting)
        {
            return;
        }

        var words = final ? utterance.Words : utterance.Words.Take(Math.Max(1, utterance.Words.Count / 2)).ToList();
        var text = string.Join(' ', words.Select(w => w.Punctuated));
        var newText = final ? string.Join(' ', utterance.Words.Skip(Math.Max(1, utterance.Words.Count / 2)).Select(w => w.Punctuated)) : text;
        var mode = Json.Str(bot.ProviderConfig, "transcription_mode") ?? (bot.Transcription == TranscriptionKind.Captions ? "sentence" : "sentence");
        var meetstream = bot.ProviderName == "meetstream_streaming";
        var start = bot.RecordingStart ?? Now;
        var wordArray = Json.Array(words.Select(w => (JsonNode?)new JsonObject
        {
            ["word"] = w.Word,
            ["start"] = w.Start,
            ["end"] = w.End,
            ["confidence"] = meetstream ? 0 : 0.97,
            ["speaker"] = utterance.Speaker,
            ["punctuated_word"] = w.Punctuated,
            ["speech_confidence"] = meetstream ? 0 : 0.95,
            ["word_is_final"] = final,
        }));
        var payload = new JsonObject
        {
            ["bot_id"] = bot.Id,
            ["speakerName"] = utterance.Speaker,
            ["speaker"] = utterance.Speaker,
            ["timestamp"] = Json.Iso(start + TimeSpan.FromSeconds(utterance.Start)),
            ["new_text"] = newText,
            ["transcript"] = text,
            ["utterance"] = meetstream ? string.Empty : text,
            ["words"] = wordArray,
            ["is_final"] = final,
            ["end_of_turn"] = final,
            ["turn_is_formatted"] = final,
            ["transcription_mode"] = mode,
            ["custom_attributes"] = bot.CustomAttributes.DeepClone(),
        };
        EmitTo(SimulatorWebhookChannel.LiveTranscript, url, bot, payload, "live_transcript");
    }

    private static string MeetingCode(SimBot bot)
    {
        var path = Uri.TryCreate(bot.MeetingLink, UriKind.Absolute, out var uri) ? uri.AbsolutePath.Trim('/') : string.Empty;
        var last = path.Split('/').LastOrDefault(s => s.Length > 0) ?? "meeting";
        return new string(last.Where(c => char.IsLetterOrDigit(c) || c == '-').Take(40).ToArray()) is { Length: > 0 } code ? code : "meeting";
    }

    private static string PlatformKey(string platform) => platform switch
    {
        "GMeet" => "gmeet",
        "Zoom" => "zoom",
        "Teams" => "teams",
        _ => platform.ToLowerInvariant(),
    };
}
