using MeetStream.Client.Webhooks;

namespace MeetStream.Client;

/// <summary>
/// The bot lifecycle as webhook events report it: which <see cref="BotStatus"/> (and so which
/// <see cref="BotLifecycleStage"/>) each lifecycle event name implies, for deliveries that carry no
/// <c>bot_status</c>. For a status's stage use <see cref="BotStatus.LifecycleStage"/>.
/// </summary>
/// <remarks>
/// Events that do not move a bot through its lifecycle (<c>bot.error</c>, <c>bot.uploading</c>,
/// <c>bot.transcriptionready</c>, post-call artifact events, participant events, live transcript chunks) and event
/// names this SDK does not know map to <see langword="null"/>: a state store should leave the bot's state as it is.
/// Every way of leaving (<c>bot.stopped</c>, <c>bot.kicked</c>, <c>bot.notallowed</c>, <c>bot.denied</c>,
/// <c>bot.failed</c>) maps to a status of stage <see cref="BotLifecycleStage.Stopped"/>.
/// </remarks>
public static class BotLifecycle
{
    private static readonly Dictionary<WebhookEventType, BotStatus> StatusByEvent = new()
    {
        [WebhookEventType.BotScheduled] = BotStatus.Scheduled,
        [WebhookEventType.BotJoining] = BotStatus.Joining,
        [WebhookEventType.BotInWaitingRoom] = BotStatus.InWaitingRoom,
        [WebhookEventType.BotInMeeting] = BotStatus.InMeeting,
        [WebhookEventType.BotRecordingPermissionAllowed] = BotStatus.RecordingPermissionAllowed,
        [WebhookEventType.BotRecordingPermissionDenied] = BotStatus.RecordingPermissionDenied,
        [WebhookEventType.BotRecording] = BotStatus.Recording,
        [WebhookEventType.BotLeaving] = BotStatus.Leaving,
        [WebhookEventType.BotStopped] = BotStatus.Stopped,
        [WebhookEventType.BotKicked] = BotStatus.Stopped,
        [WebhookEventType.BotNotAllowed] = BotStatus.NotAllowed,
        [WebhookEventType.BotDenied] = BotStatus.Denied,
        [WebhookEventType.BotFailed] = BotStatus.Failed,
        [WebhookEventType.BotDone] = BotStatus.Done,
        [WebhookEventType.DataDeletion] = BotStatus.MediaExpired,
    };

    /// <summary>Gets the status a lifecycle event implies (e.g. <c>bot.kicked</c> → <see cref="BotStatus.Stopped"/>); comparison ignores case.</summary>
    /// <param name="eventType">The specific event name (<c>bot_event</c> when present, else <c>event</c>).</param>
    /// <returns>The implied status, or <see langword="null"/> for events that do not change the bot's lifecycle and for unknown events.</returns>
    public static BotStatus? StatusOf(WebhookEventType eventType) =>
        StatusByEvent.TryGetValue(eventType, out var status) ? status : (BotStatus?)null;

    /// <summary>Gets the lifecycle stage a lifecycle event implies (the stage of <see cref="StatusOf"/>).</summary>
    /// <param name="eventType">The specific event name (<c>bot_event</c> when present, else <c>event</c>).</param>
    /// <returns>The stage, or <see langword="null"/> for events that do not change the bot's lifecycle and for unknown events.</returns>
    public static BotLifecycleStage? StageOf(WebhookEventType eventType) => StatusOf(eventType)?.LifecycleStage;
}
