using MeetStream.Client.Webhooks;

namespace MeetStream.Client.Tests.Webhooks;

public sealed class WebhookEventDescriptionTests
{
    [Fact]
    public void Describe_Lifecycle_NamesEventBotStatusAndMessage()
    {
        var text = WebhookParser.Parse(WebhookPayloads.Lifecycle("bot.inmeeting", "InMeeting", "Bot is in the meeting")).Describe();

        Assert.Equal("bot.inmeeting for bot 6667fd0c-0165-471a-a880-06a1180be377 (status InMeeting) [status_code 200] at 2026-02-27T07:11:51.8635430+00:00: Bot is in the meeting", text);
    }

    [Fact]
    public void Describe_Stopped_NamesReasonAndGenericEvent()
    {
        var text = WebhookParser.Parse(WebhookPayloads.Stopped("bot.notallowed", "NotAllowed", 500, "Waiting room timeout reached")).ToString();

        Assert.StartsWith("bot.notallowed (bot.stopped) for bot 6667fd0c-0165-471a-a880-06a1180be377 (status NotAllowed) [status_code 500]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_Artifact_IncludesItsStatus()
    {
        var text = WebhookParser.Parse(WebhookPayloads.TranscriptionFailed).Describe();

        Assert.Contains("transcription.failed for bot 6667fd0c-0165-471a-a880-06a1180be377 (Failed) [status_code 500]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_DataDeletion_IncludesCount()
    {
        Assert.Contains("(7 objects deleted)", WebhookParser.Parse(WebhookPayloads.DataDeletion).Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_Participant_ShowsIdButNotNames()
    {
        var text = WebhookParser.Parse(WebhookPayloads.ParticipantLeave).Describe();

        Assert.Contains("participant_events.leave for bot 6667fd0c-0165-471a-a880-06a1180be377 (participant spaces/AAQA1b2c3d4/devices/290)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Lovelace", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_LiveTranscript_ShowsLengthNotText()
    {
        var text = WebhookParser.Parse(WebhookPayloads.LiveTranscript).Describe();

        Assert.StartsWith("live_transcript for bot 6667fd0c-0165-471a-a880-06a1180be377 (10 chars, final)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("engine", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Lovelace", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_MessageWithLineBreaks_StaysOnOneLine()
    {
        var text = WebhookParser.Parse("{\"event\":\"bot.error\",\"bot_id\":\"b1\",\"message\":\"line one\\nFAKE LOG LINE\\r\\nend\"}").Describe();

        Assert.DoesNotContain('\n', text);
        Assert.DoesNotContain('\r', text);
        Assert.EndsWith("line one FAKE LOG LINE  end", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_LongMessage_IsCut()
    {
        var text = WebhookParser.Parse($$"""{"event":"bot.error","bot_id":"b1","message":"{{new string('x', 5000)}}"}""").Describe();

        Assert.True(text.Length < 300);
        Assert.EndsWith("…", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_Unknown_ShowsItsName()
    {
        Assert.StartsWith("bot.teleported for bot b1", WebhookParser.Parse("""{"event":"bot.teleported","bot_id":"b1"}""").Describe(), StringComparison.Ordinal);
        Assert.StartsWith("(unnamed event)", new UnknownWebhookEvent().Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_NeverIncludesCustomAttributes()
    {
        Assert.DoesNotContain("acme", WebhookParser.Parse(WebhookPayloads.AudioProcessed).Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Helpers_ParticipationAndPipeline_AreSeparateNotions()
    {
        var stopped = WebhookParser.Parse(WebhookPayloads.Stopped("bot.stopped", "Stopped", 200, "Bot left"));
        var done = WebhookParser.Parse(WebhookPayloads.Lifecycle("bot.done", "Done", "All done"));
        var deletion = WebhookParser.Parse(WebhookPayloads.DataDeletion);
        var audio = WebhookParser.Parse(WebhookPayloads.AudioProcessed);

        Assert.True(stopped.IsParticipationEnded);
        Assert.False(stopped.IsPipelineFinished);
        Assert.Equal(BotStopReason.Stopped, stopped.StopReason);
        Assert.False(done.IsParticipationEnded);
        Assert.True(done.IsPipelineFinished);
        Assert.Null(done.StopReason);
        Assert.True(deletion.IsPipelineFinished);
        Assert.False(audio.IsPipelineFinished);
        Assert.False(audio.IsParticipationEnded);
    }

    [Fact]
    public void StopReason_IsFailure_MatchesMeetStreamSemantics()
    {
        Assert.False(BotStopReason.Stopped.IsFailure);
        Assert.False(BotStopReason.Kicked.IsFailure);
        Assert.True(BotStopReason.NotAllowed.IsFailure);
        Assert.True(BotStopReason.Denied.IsFailure);
        Assert.True(BotStopReason.Failed.IsFailure);
        Assert.True(new BotStopReason("BOT.FAILED").IsFailure);
    }
}
