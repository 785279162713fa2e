namespace MeetStream.Client.Lambda;

/// <summary>
/// The order of a bot's lifecycle, used to keep session state moving forward only: a webhook that arrives late or
/// twice carries a rank at or below the stored one and is ignored. Ranks: scheduled 10, joining 20, waiting room 30,
/// in meeting 40, recording permission 45, recording 50, leaving 60, stopped (any reason) 70, media processing 75,
/// done 80, media expired 90.
/// </summary>
public static class BotLifecycle
{
    /// <summary>The rank of every way a bot leaves a meeting (stopped, kicked, not allowed, denied, failed).</summary>
    public const int StoppedRank = 70;

    /// <summary>Gets the rank of a lifecycle webhook event, or <see langword="null"/> when the event does not change the bot's state (post-call artifacts, <c>bot.error</c>, participant events).</summary>
    /// <param name="eventName">The specific event name (<c>bot_event ?? event</c>), e.g. <c>bot.inmeeting</c> or <c>bot.kicked</c>.</param>
    /// <returns>The rank, or <see langword="null"/>.</returns>
    public static int? RankOfEvent(string? eventName) => eventName?.ToLowerInvariant() switch
    {
        "bot.scheduled" => 10,
        "bot.joining" => 20,
        "bot.in_waiting_room" => 30,
        "bot.inmeeting" => 40,
        "bot.recording_permission_allowed" or "bot.recording_permission_denied" => 45,
        "bot.recording" => 50,
        "bot.leaving" => 60,
        "bot.stopped" or "bot.kicked" or "bot.notallowed" or "bot.denied" or "bot.failed" => StoppedRank,
        "bot.done" => 80,
        "data_deletion" => 90,
        _ => null,
    };

    /// <summary>Gets the rank of a status string (from <c>bot_status</c> or <c>GET /bots/{id}/status</c>), or <see langword="null"/> for unknown statuses.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The rank, or <see langword="null"/>.</returns>
    public static int? RankOfStatus(BotStatus status) => status.Value.ToLowerInvariant() switch
    {
        "active" or "scheduled" => 10,
        "joining" => 20,
        "inwaitingroom" => 30,
        "inmeeting" => 40,
        "recordingpermissionallowed" or "recordingpermissiondenied" => 45,
        "recording" => 50,
        "leaving" => 60,
        "stopped" or "notallowed" or "denied" or "error" or "failed" => StoppedRank,
        "mediaprocessing" => 75,
        "done" => 80,
        "mediaexpired" => 90,
        _ => null,
    };

    /// <summary>Gets the status an event implies when the webhook carries no <c>bot_status</c>.</summary>
    /// <param name="eventName">The specific event name.</param>
    /// <returns>The implied status, or <see langword="null"/>.</returns>
    public static BotStatus? StatusOfEvent(string? eventName) => eventName?.ToLowerInvariant() switch
    {
        "bot.scheduled" => BotStatus.Scheduled,
        "bot.joining" => BotStatus.Joining,
        "bot.in_waiting_room" => BotStatus.InWaitingRoom,
        "bot.inmeeting" => BotStatus.InMeeting,
        "bot.recording_permission_allowed" => BotStatus.RecordingPermissionAllowed,
        "bot.recording_permission_denied" => BotStatus.RecordingPermissionDenied,
        "bot.recording" => BotStatus.Recording,
        "bot.leaving" => BotStatus.Leaving,
        "bot.stopped" or "bot.kicked" => BotStatus.Stopped,
        "bot.notallowed" => BotStatus.NotAllowed,
        "bot.denied" => BotStatus.Denied,
        "bot.failed" => BotStatus.Failed,
        "bot.done" => BotStatus.Done,
        "data_deletion" => BotStatus.MediaExpired,
        _ => (BotStatus?)null,
    };
}
