using MeetStream.Client.Webhooks;

namespace MeetStream.Client.Tests.Common;

public sealed class BotLifecycleTests
{
    public static TheoryData<string, BotLifecycleStage> KnownStatuses => new()
    {
        { "Active", BotLifecycleStage.Scheduled },
        { "Scheduled", BotLifecycleStage.Scheduled },
        { "Joining", BotLifecycleStage.Joining },
        { "InWaitingRoom", BotLifecycleStage.InWaitingRoom },
        { "InMeeting", BotLifecycleStage.InMeeting },
        { "RecordingPermissionAllowed", BotLifecycleStage.RecordingPermissionAnswered },
        { "RecordingPermissionDenied", BotLifecycleStage.RecordingPermissionAnswered },
        { "Recording", BotLifecycleStage.Recording },
        { "Leaving", BotLifecycleStage.Leaving },
        { "Stopped", BotLifecycleStage.Stopped },
        { "NotAllowed", BotLifecycleStage.Stopped },
        { "Denied", BotLifecycleStage.Stopped },
        { "Error", BotLifecycleStage.Stopped },
        { "ERROR", BotLifecycleStage.Stopped },
        { "Failed", BotLifecycleStage.Stopped },
        { "FAILED", BotLifecycleStage.Stopped },
        { "MediaProcessing", BotLifecycleStage.MediaProcessing },
        { "Done", BotLifecycleStage.Done },
        { "mediaexpired", BotLifecycleStage.MediaExpired },
    };

    public static TheoryData<string, string> LifecycleEvents => new()
    {
        { "bot.scheduled", "Scheduled" },
        { "bot.joining", "Joining" },
        { "bot.in_waiting_room", "InWaitingRoom" },
        { "bot.inmeeting", "InMeeting" },
        { "bot.recording_permission_allowed", "RecordingPermissionAllowed" },
        { "bot.recording_permission_denied", "RecordingPermissionDenied" },
        { "bot.recording", "Recording" },
        { "bot.leaving", "Leaving" },
        { "bot.stopped", "Stopped" },
        { "bot.kicked", "Stopped" },
        { "BOT.KICKED", "Stopped" },
        { "bot.notallowed", "NotAllowed" },
        { "bot.denied", "Denied" },
        { "bot.failed", "Failed" },
        { "bot.done", "Done" },
        { "data_deletion", "MediaExpired" },
    };

    [Theory]
    [MemberData(nameof(KnownStatuses))]
    public void LifecycleStage_KnownStatus_IsItsStageInAnyCase(string status, BotLifecycleStage expected)
    {
        Assert.Equal(expected, new BotStatus(status).LifecycleStage);
    }

    [Theory]
    [InlineData("Teleporting")]
    [InlineData("")]
    [InlineData("In Meeting")]
    public void LifecycleStage_UnknownStatus_IsNullAndHasNotLeftTheMeeting(string status)
    {
        var unknown = new BotStatus(status);

        Assert.Null(unknown.LifecycleStage);
        Assert.False(unknown.HasLeftMeeting);
    }

    [Fact]
    public void LifecycleStage_DefaultStatus_IsNull()
    {
        Assert.Null(default(BotStatus).LifecycleStage);
        Assert.False(default(BotStatus).HasLeftMeeting);
    }

    [Fact]
    public void LifecycleStage_StatusesInLifecycleOrder_StrictlyAscendWhereTheyDiffer()
    {
        BotStatus[] order = [BotStatus.Scheduled, BotStatus.Joining, BotStatus.InWaitingRoom, BotStatus.InMeeting, BotStatus.RecordingPermissionAllowed, BotStatus.Recording, BotStatus.Leaving, BotStatus.Stopped, BotStatus.MediaProcessing, BotStatus.Done, BotStatus.MediaExpired];

        for (var i = 1; i < order.Length; i++)
        {
            Assert.True(order[i].LifecycleStage > order[i - 1].LifecycleStage, $"{order[i]} after {order[i - 1]}");
        }
    }

    [Fact]
    public void BotLifecycleStage_Values_AreTheStoredRanks()
    {
        int[] ranks = [10, 20, 30, 40, 45, 50, 60, 70, 75, 80, 90];

        Assert.Equal(ranks, Enum.GetValues<BotLifecycleStage>().Select(stage => (int)stage));
    }

    [Theory]
    [InlineData("Stopped", true)]
    [InlineData("NotAllowed", true)]
    [InlineData("Denied", true)]
    [InlineData("Error", true)]
    [InlineData("failed", true)]
    [InlineData("MediaProcessing", true)]
    [InlineData("Done", true)]
    [InlineData("MediaExpired", true)]
    [InlineData("Active", false)]
    [InlineData("Scheduled", false)]
    [InlineData("Joining", false)]
    [InlineData("InWaitingRoom", false)]
    [InlineData("InMeeting", false)]
    [InlineData("RecordingPermissionAllowed", false)]
    [InlineData("RecordingPermissionDenied", false)]
    [InlineData("Recording", false)]
    [InlineData("Leaving", false)]
    public void HasLeftMeeting_Status_IsStageStoppedOrLater(string status, bool expected)
    {
        var value = new BotStatus(status);

        Assert.Equal(expected, value.HasLeftMeeting);
        Assert.Equal(expected, value.LifecycleStage >= BotLifecycleStage.Stopped);
    }

    [Theory]
    [MemberData(nameof(LifecycleEvents))]
    public void StatusOf_LifecycleEvent_IsTheImpliedStatusAndStageOfIsItsStage(string eventName, string expectedStatus)
    {
        var type = new WebhookEventType(eventName);

        Assert.Equal(new BotStatus(expectedStatus), BotLifecycle.StatusOf(type));
        Assert.Equal(new BotStatus(expectedStatus).LifecycleStage, BotLifecycle.StageOf(type));
        Assert.NotNull(BotLifecycle.StageOf(type));
    }

    [Theory]
    [InlineData("bot.error")]
    [InlineData("bot.uploading")]
    [InlineData("bot.transcriptionready")]
    [InlineData("audio.processed")]
    [InlineData("video.processed")]
    [InlineData("manifest.completed")]
    [InlineData("transcription.processed")]
    [InlineData("transcription.failed")]
    [InlineData("participant_events.join")]
    [InlineData("live_transcript")]
    [InlineData("bot.teleported")]
    [InlineData("")]
    public void StatusOf_EventOutsideTheLifecycleOrUnknown_IsNull(string eventName)
    {
        var type = new WebhookEventType(eventName);

        Assert.Null(BotLifecycle.StatusOf(type));
        Assert.Null(BotLifecycle.StageOf(type));
    }

    [Fact]
    public void StageOf_EveryWayOfLeaving_IsStopped()
    {
        WebhookEventType[] endings = [WebhookEventType.BotStopped, WebhookEventType.BotKicked, WebhookEventType.BotNotAllowed, WebhookEventType.BotDenied, WebhookEventType.BotFailed];

        Assert.All(endings, ending => Assert.Equal(BotLifecycleStage.Stopped, BotLifecycle.StageOf(ending)));
    }
}
