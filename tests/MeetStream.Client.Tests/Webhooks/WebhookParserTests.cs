using System.Text;
using MeetStream.Client.Webhooks;

namespace MeetStream.Client.Tests.Webhooks;

public sealed class WebhookParserTests
{
    public static TheoryData<string, string, Type, string> LifecycleEvents => new()
    {
        { "bot.scheduled", "Scheduled", typeof(BotScheduledEvent), "Bot scheduled to join at 2026-02-27T08:00:00Z" },
        { "bot.joining", "Joining", typeof(BotJoiningEvent), "Bot is joining the meeting" },
        { "bot.in_waiting_room", "InWaitingRoom", typeof(BotInWaitingRoomEvent), "Bot is in the waiting room" },
        { "bot.inmeeting", "InMeeting", typeof(BotInMeetingEvent), "Bot is in the meeting" },
        { "bot.recording_permission_allowed", "RecordingPermissionAllowed", typeof(BotRecordingPermissionAllowedEvent), "Recording permission granted" },
        { "bot.recording_permission_denied", "RecordingPermissionDenied", typeof(BotRecordingPermissionDeniedEvent), "Recording permission denied" },
        { "bot.recording", "Recording", typeof(BotRecordingEvent), "Bot started recording" },
        { "bot.leaving", "Leaving", typeof(BotLeavingEvent), "Bot is leaving the meeting" },
        { "bot.done", "Done", typeof(BotDoneEvent), "All processing finished" },
    };

    [Theory]
    [MemberData(nameof(LifecycleEvents))]
    public void Parse_LifecycleEvent_ReturnsTypedEventWithEnvelopeFields(string name, string status, Type type, string message)
    {
        var parsed = WebhookParser.Parse(WebhookPayloads.Lifecycle(name, status, message));

        Assert.IsType(type, parsed);
        var lifecycle = Assert.IsAssignableFrom<BotLifecycleEvent>(parsed);
        Assert.Equal(name, parsed.Event);
        Assert.Equal(name, parsed.BotEvent);
        Assert.Equal(new WebhookEventType(name), parsed.Type);
        Assert.Equal(WebhookPayloads.BotId, parsed.BotId);
        Assert.Equal(new BotStatus(status), lifecycle.BotStatus);
        Assert.Equal(message, parsed.Message);
        Assert.Equal(200, parsed.StatusCode);
        Assert.Equal(new DateTimeOffset(2026, 2, 27, 7, 11, 51, TimeSpan.Zero).AddTicks(8635430), parsed.Timestamp);
        Assert.Equal("acme", parsed.CustomAttributes!["tenant"]);
        Assert.Equal("mtg-42", parsed.CustomAttributes["meeting_ref"]);
        Assert.Null(parsed.AdditionalProperties);
    }

    [Fact]
    public void Parse_OlderShapeWithOnlyEventKey_ReadsTheName()
    {
        var parsed = WebhookParser.Parse("""{"event":"bot.inmeeting","bot_id":"b1","bot_status":"InMeeting","message":"Bot is in the meeting","status_code":200}""");

        var inMeeting = Assert.IsType<BotInMeetingEvent>(parsed);
        Assert.Null(inMeeting.BotEvent);
        Assert.Equal(WebhookEventType.BotInMeeting, inMeeting.Type);
        Assert.Null(inMeeting.Timestamp);
        Assert.Null(inMeeting.CustomAttributes);
    }

    [Fact]
    public void Parse_CurrentGuideShapeWithOnlyBotEventKey_ReadsTheName()
    {
        var parsed = WebhookParser.Parse("""{"bot_event":"bot.joining","bot_id":"b1","bot_status":"Joining","message":"Bot is joining the meeting","status_code":200,"timestamp":"2026-02-27T07:11:51.863543+00:00","custom_attributes":{}}""");

        var joining = Assert.IsType<BotJoiningEvent>(parsed);
        Assert.Null(joining.Event);
        Assert.Equal("bot.joining", joining.BotEvent);
        Assert.Empty(joining.CustomAttributes!);
    }

    [Theory]
    [InlineData("bot.stopped", "Stopped", 200, "Bot left the meeting", false)]
    [InlineData("bot.kicked", "Stopped", 200, "Bot was removed by a participant", false)]
    [InlineData("bot.notallowed", "NotAllowed", 500, "Waiting room timeout reached", true)]
    [InlineData("bot.denied", "Denied", 500, "Host denied entry", true)]
    [InlineData("bot.failed", "FAILED", 500, "Meeting ended unexpectedly", true)]
    public void Parse_StoppedWithReasonInBotEvent_ReturnsStoppedEventWithReason(string reason, string status, int code, string message, bool failure)
    {
        var parsed = WebhookParser.Parse(WebhookPayloads.Stopped(reason, status, code, message));

        var stopped = Assert.IsType<BotStoppedEvent>(parsed);
        Assert.Equal("bot.stopped", stopped.Event);
        Assert.Equal(new BotStopReason(reason), stopped.Reason);
        Assert.Equal(new BotStopReason(reason), stopped.StopReason);
        Assert.Equal(new WebhookEventType(reason), stopped.Type);
        Assert.Equal(failure, stopped.IsFailure);
        Assert.Equal(code, stopped.StatusCode);
        Assert.Equal(new BotStatus(status), stopped.BotStatus);
        Assert.True(stopped.IsParticipationEnded);
        Assert.False(stopped.IsPipelineFinished);
    }

    [Fact]
    public void Parse_FailedStatusInAnyCase_IsAFailureStatus()
    {
        var stopped = (BotStoppedEvent)WebhookParser.Parse(WebhookPayloads.Stopped("bot.failed", "ERROR", 500, "crash"));

        Assert.True(stopped.BotStatus!.Value.IsFailure);
    }

    [Theory]
    [InlineData("NotAllowed", "bot.notallowed")]
    [InlineData("denied", "bot.denied")]
    [InlineData("ERROR", "bot.failed")]
    [InlineData("Stopped", "bot.stopped")]
    public void Parse_StoppedWithoutBotEvent_DerivesReasonFromStatus(string status, string reason)
    {
        var stopped = (BotStoppedEvent)WebhookParser.Parse($$"""{"event":"bot.stopped","bot_id":"b1","bot_status":"{{status}}","status_code":500}""");

        Assert.Equal(new BotStopReason(reason), stopped.Reason);
    }

    [Theory]
    [InlineData("bot.kicked")]
    [InlineData("bot.notallowed")]
    public void Parse_ReasonNameAsOnlyKey_ReturnsStoppedEvent(string reason)
    {
        var stopped = Assert.IsType<BotStoppedEvent>(WebhookParser.Parse($$"""{"bot_event":"{{reason}}","bot_id":"b1"}"""));

        Assert.Equal(new BotStopReason(reason), stopped.Reason);
    }

    [Fact]
    public void Parse_StoppedWithNewReason_KeepsTheReason()
    {
        var stopped = Assert.IsType<BotStoppedEvent>(WebhookParser.Parse("""{"event":"bot.stopped","bot_event":"bot.evicted","bot_id":"b1"}"""));

        Assert.Equal("bot.evicted", stopped.Reason.Value);
        Assert.False(stopped.IsFailure);
    }

    [Fact]
    public void Parse_BotError_IsNotTerminalAndHasNoOptionalFields()
    {
        var error = Assert.IsType<BotErrorEvent>(WebhookParser.Parse(WebhookPayloads.BotError));

        Assert.Equal("deepgram_streaming: Deepgram API error: insufficient funds", error.Message);
        Assert.Equal(BotStatus.InMeeting, error.BotStatus);
        Assert.Null(error.StatusCode);
        Assert.Null(error.Timestamp);
        Assert.Null(error.CustomAttributes);
        Assert.False(error.IsParticipationEnded);
        Assert.False(error.IsPipelineFinished);
    }

    [Fact]
    public void Parse_BotUploadingWithoutBotEvent_ReturnsUploadingEvent()
    {
        var uploading = Assert.IsType<BotUploadingEvent>(WebhookParser.Parse(WebhookPayloads.BotUploading));

        Assert.Null(uploading.BotEvent);
        Assert.Equal(WebhookEventType.BotUploading, uploading.Type);
        Assert.Equal(WebhookPayloads.BotId, uploading.BotId);
    }

    [Fact]
    public void Parse_BotTranscriptionReady_ReturnsTypedEvent()
    {
        var ready = Assert.IsType<BotTranscriptionReadyEvent>(WebhookParser.Parse(WebhookPayloads.BotTranscriptionReady));

        Assert.Equal(WebhookEventType.BotTranscriptionReady, ready.Type);
        Assert.Equal("Transcription ready", ready.Message);
    }

    [Fact]
    public void Parse_ManifestCompleted_ReadsStatuses()
    {
        var manifest = Assert.IsType<ManifestCompletedEvent>(WebhookParser.Parse(WebhookPayloads.ManifestCompleted));

        Assert.Equal("success", manifest.Status);
        Assert.Equal("Success", manifest.ManifestStatus);
        Assert.True(manifest.Succeeded);
        Assert.Equal(WebhookEventType.ManifestCompleted, manifest.Type);
        Assert.Equal(new DateTimeOffset(2026, 6, 18, 17, 9, 12, 114, TimeSpan.Zero), manifest.Timestamp);
    }

    [Theory]
    [InlineData(nameof(WebhookPayloads.ManifestSkipped), typeof(ManifestSkippedEvent), "manifest.skipped")]
    [InlineData(nameof(WebhookPayloads.AudioSkipped), typeof(AudioSkippedEvent), "audio.skipped")]
    [InlineData(nameof(WebhookPayloads.TranscriptionSkipped), typeof(TranscriptionSkippedEvent), "transcription.skipped")]
    public void Parse_SkippedArtifact_ReturnsTypedEvent(string payload, Type type, string name)
    {
        var json = (string)typeof(WebhookPayloads).GetField(payload)!.GetValue(null)!;

        var parsed = WebhookParser.Parse(json);

        Assert.IsType(type, parsed);
        Assert.Equal(new WebhookEventType(name), parsed.Type);
        Assert.Equal(WebhookPayloads.BotId, parsed.BotId);
        Assert.True(((BotArtifactEvent)parsed).Succeeded);
    }

    [Fact]
    public void Parse_AudioProcessed_ReadsStatuses()
    {
        var audio = Assert.IsType<AudioProcessedEvent>(WebhookParser.Parse(WebhookPayloads.AudioProcessed));

        Assert.Equal("Success", audio.AudioStatus);
        Assert.Equal("success", audio.Status);
        Assert.Equal("Audio processing completed successfully", audio.Message);
        Assert.True(audio.Succeeded);
    }

    [Fact]
    public void Parse_TranscriptionProcessed_ReadsStatus()
    {
        var transcript = Assert.IsType<TranscriptionProcessedEvent>(WebhookParser.Parse(WebhookPayloads.TranscriptionProcessed));

        Assert.Equal("Success", transcript.TranscriptStatus);
        Assert.Equal("5b0ff6e7-3cea-4c9f-a6b4-851c5f11cf4f", transcript.BotId);
        Assert.True(transcript.Succeeded);
    }

    [Fact]
    public void Parse_TranscriptionFailed_ReadsFailure()
    {
        var failed = Assert.IsType<TranscriptionFailedEvent>(WebhookParser.Parse(WebhookPayloads.TranscriptionFailed));

        Assert.Equal("Failed", failed.TranscriptStatus);
        Assert.Equal("error", failed.Status);
        Assert.Equal(500, failed.StatusCode);
        Assert.Equal("Transcript processing error: Deepgram API error: 401", failed.Message);
        Assert.False(failed.Succeeded);
    }

    [Fact]
    public void Parse_VideoProcessed_ReadsStatus()
    {
        var video = Assert.IsType<VideoProcessedEvent>(WebhookParser.Parse(WebhookPayloads.VideoProcessed));

        Assert.Equal("Success", video.VideoStatus);
        Assert.True(video.Succeeded);
    }

    [Fact]
    public void Parse_BotDoneWithError_IsPipelineEndAndNotSucceeded()
    {
        var done = Assert.IsType<BotDoneEvent>(WebhookParser.Parse(WebhookPayloads.BotDoneFailed));

        Assert.False(done.Succeeded);
        Assert.True(done.IsPipelineFinished);
        Assert.False(done.IsParticipationEnded);
        Assert.Equal(BotStatus.Done, done.BotStatus);
    }

    [Fact]
    public void Parse_DataDeletion_ReadsCountAndHasNoAttributes()
    {
        var deletion = Assert.IsType<DataDeletionEvent>(WebhookParser.Parse(WebhookPayloads.DataDeletion));

        Assert.Equal(7, deletion.DeletedObjects);
        Assert.Equal("success", deletion.Status);
        Assert.Null(deletion.CustomAttributes);
        Assert.True(deletion.IsPipelineFinished);
        Assert.Equal(WebhookEventType.DataDeletion, deletion.Type);
    }

    [Fact]
    public void Parse_ParticipantLeave_ReadsNestedShapeAndBotId()
    {
        var left = Assert.IsType<ParticipantLeftEvent>(WebhookParser.Parse(WebhookPayloads.ParticipantLeave));

        Assert.Equal(WebhookEventType.ParticipantLeave, left.Type);
        Assert.Equal(WebhookPayloads.BotId, left.BotId);
        Assert.Equal("leave", left.Action);
        Assert.Equal("spaces/AAQA1b2c3d4/devices/290", left.Participant!.Id);
        Assert.Equal("Unknown", left.Participant.Name);
        Assert.Equal("Ada Lovelace", left.Participant.FullName);
        Assert.Equal(MeetingPlatform.GoogleMeet, left.Participant.Platform);
        Assert.Equal(50.792, left.OccurredAt!.Relative);
        Assert.Equal(new DateTimeOffset(2026, 5, 26, 10, 11, 14, 990, TimeSpan.Zero), left.OccurredAt.Absolute);
        Assert.Equal(new DateTimeOffset(2026, 5, 26, 10, 11, 14, 990, TimeSpan.Zero), left.Timestamp);
        Assert.Equal(WebhookPayloads.BotId, left.Data!.Bot!.Id);
        Assert.Equal("acme", left.CustomAttributes!["tenant"]);
    }

    [Fact]
    public void Parse_ParticipantJoin_ReadsParticipantAndMetadata()
    {
        var joined = Assert.IsType<ParticipantJoinedEvent>(WebhookParser.Parse(WebhookPayloads.ParticipantJoin));

        Assert.Equal("join", joined.Action);
        Assert.Equal("Grace Hopper", joined.Participant!.FullName);
        Assert.Equal(0.0, joined.OccurredAt!.Relative);
        Assert.Equal("calendar", joined.Data!.Bot!.Metadata!.Value.GetProperty("source").GetString());
    }

    [Fact]
    public void Parse_LiveTranscriptChunk_ReadsEveryField()
    {
        var chunk = Assert.IsType<LiveTranscriptEvent>(WebhookParser.Parse(WebhookPayloads.LiveTranscript));

        Assert.Equal(WebhookEventType.LiveTranscript, chunk.Type);
        Assert.Null(chunk.Event);
        Assert.Equal(WebhookPayloads.BotId, chunk.BotId);
        Assert.Equal("Ada Lovelace", chunk.SpeakerName);
        Assert.Equal("Ada Lovelace", chunk.SpeakerDisplayName);
        Assert.Equal("the engine", chunk.NewText);
        Assert.Equal("Let us look at the engine", chunk.Transcript);
        Assert.Equal(string.Empty, chunk.Utterance);
        Assert.True(chunk.IsFinal);
        Assert.True(chunk.IsFinalChunk);
        Assert.False(chunk.EndOfTurn);
        Assert.True(chunk.TurnIsFormatted);
        Assert.Equal(TranscriptionMode.Sentence, chunk.TranscriptionMode);
        Assert.Equal(new DateTimeOffset(2026, 5, 26, 10, 11, 2, 412, TimeSpan.Zero), chunk.Timestamp);
        Assert.Equal(2, chunk.Words!.Count);
        var word = chunk.Words[1];
        Assert.Equal("engine", word.Word);
        Assert.Equal("engine.", word.PunctuatedWord);
        Assert.Equal(12.6, word.Start);
        Assert.Equal(13.02, word.End);
        Assert.Equal(0, word.Confidence);
        Assert.Equal(0, word.SpeechConfidence);
        Assert.Equal("Ada Lovelace", word.Speaker);
        Assert.Null(word.WordIsFinal);
    }

    [Fact]
    public void Parse_LiveTranscriptGuideShape_ReadsSpeakerAndWordFinality()
    {
        var chunk = Assert.IsType<LiveTranscriptEvent>(WebhookParser.Parse(WebhookPayloads.LiveTranscriptGuideShape));

        Assert.Null(chunk.SpeakerName);
        Assert.Equal("Speaker 1", chunk.SpeakerDisplayName);
        Assert.Null(chunk.IsFinal);
        Assert.True(chunk.IsFinalChunk);
        Assert.Equal("1", chunk.Words![0].Speaker);
        Assert.Equal(TranscriptionMode.Word, chunk.TranscriptionMode);
    }

    [Fact]
    public void Parse_UnknownEventName_ReturnsUnknownEventWithRawJson()
    {
        const string json = """{"event":"bot.teleported","bot_event":"bot.teleported","bot_id":"b1","message":"Beamed up","status_code":200,"destination":{"planet":"Mars"}}""";

        var unknown = Assert.IsType<UnknownWebhookEvent>(WebhookParser.Parse(json));

        Assert.Equal("bot.teleported", unknown.Type.Value);
        Assert.Equal("b1", unknown.BotId);
        Assert.Equal("Beamed up", unknown.Message);
        Assert.Equal(json, unknown.RawJson);
        Assert.Equal("Mars", unknown.Json.GetProperty("destination").GetProperty("planet").GetString());
        Assert.Equal("Mars", unknown.AdditionalProperties!["destination"].GetProperty("planet").GetString());
    }

    [Fact]
    public void Parse_ObjectWithoutName_ThrowsMissingEventType()
    {
        var error = Assert.Throws<WebhookParseException>(() => WebhookParser.Parse("""{"hello":"world"}"""));

        Assert.Equal(WebhookParseError.MissingEventType, error.Error);
        Assert.DoesNotContain("world", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownNameInBotEventOnly_ReturnsUnknownEvent()
    {
        var unknown = Assert.IsType<UnknownWebhookEvent>(WebhookParser.Parse("""{"bot_event":"bot.teleported","bot_id":"b1"}"""));

        Assert.Equal("bot.teleported", unknown.Type.Value);
    }

    [Fact]
    public void Parse_UnknownFieldOnKnownEvent_IsKeptInAdditionalProperties()
    {
        var parsed = WebhookParser.Parse("""{"event":"bot.recording","bot_id":"b1","recording_id":"rec-9"}""");

        Assert.Equal("rec-9", parsed.AdditionalProperties!["recording_id"].GetString());
    }

    [Fact]
    public void Parse_EventNameInOtherCase_ReturnsTypedEvent()
    {
        Assert.IsType<BotInMeetingEvent>(WebhookParser.Parse("""{"event":"Bot.InMeeting","bot_id":"b1"}"""));
    }

    [Fact]
    public void Parse_NonStringCustomAttribute_KeepsItsJsonText()
    {
        var parsed = WebhookParser.Parse("""{"event":"bot.joining","bot_id":"b1","custom_attributes":{"seats":3,"vip":true,"nested":{"a":1}}}""");

        Assert.Equal("3", parsed.CustomAttributes!["seats"]);
        Assert.Equal("true", parsed.CustomAttributes["vip"]);
        Assert.Equal("""{"a":1}""", parsed.CustomAttributes["nested"]);
    }

    [Theory]
    [InlineData("\"2026-05-26T10:11:14Z\"", "2026-05-26T10:11:14+00:00")]
    [InlineData("\"2026-05-26T10:11:14.123456789+02:00\"", "2026-05-26T08:11:14.1234567+00:00")]
    [InlineData("\"2026-05-26T10:11:14\"", "2026-05-26T10:11:14+00:00")]
    [InlineData("1779790274", "2026-05-26T10:11:14+00:00")]
    public void Parse_TimestampFormats_AreRead(string json, string expected)
    {
        var parsed = WebhookParser.Parse($$"""{"event":"bot.joining","bot_id":"b1","timestamp":{{json}}}""");

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), parsed.Timestamp);
    }

    [Fact]
    public void Parse_UnreadableTimestampString_IsNullNotAnError()
    {
        var parsed = WebhookParser.Parse("""{"event":"bot.joining","bot_id":"b1","timestamp":"yesterday"}""");

        Assert.Null(parsed.Timestamp);
    }

    [Fact]
    public void Parse_StatusCodeAsString_IsRead()
    {
        Assert.Equal(500, WebhookParser.Parse("""{"event":"bot.done","bot_id":"b1","status_code":"500"}""").StatusCode);
    }

    [Fact]
    public void Parse_ReadOnlyMemory_ReturnsSameEvent()
    {
        ReadOnlyMemory<byte> body = Encoding.UTF8.GetBytes(WebhookPayloads.AudioProcessed);

        Assert.IsType<AudioProcessedEvent>(WebhookParser.Parse(body));
    }

    [Fact]
    public void Parse_BodyWithByteOrderMark_IsRead()
    {
        var body = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(WebhookPayloads.AudioProcessed)).ToArray();

        Assert.IsType<AudioProcessedEvent>(WebhookParser.Parse(body));
    }

    [Fact]
    public void Parse_RoundTripThroughTypedEvent_KeepsEveryField()
    {
        var parsed = (BotStoppedEvent)WebhookParser.Parse(WebhookPayloads.Stopped("bot.kicked", "Stopped", 200, "Removed"));

        Assert.Equal("bot.kicked", parsed.BotEvent);
        Assert.Equal("Removed", parsed.Message);
        Assert.Equal(new DateTimeOffset(2026, 6, 18, 17, 9, 0, TimeSpan.Zero), parsed.Timestamp);
        Assert.Equal("acme", parsed.CustomAttributes!["tenant"]);
    }
}
