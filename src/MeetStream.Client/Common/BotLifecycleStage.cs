namespace MeetStream.Client;

/// <summary>
/// A stage of a bot's lifecycle, in order: a later stage has a larger value, so stages compare with <c>&lt;</c> and
/// <c>&gt;</c> and a state store can keep a bot's state moving forward only (a webhook that arrives late or twice
/// carries a stage at or below the stored one). The numeric values are stable (they are stored, e.g. as the Lambda
/// pipeline's <c>state_rank</c>) and leave gaps for stages MeetStream may add. Get a status's stage from
/// <see cref="BotStatus.LifecycleStage"/> and a webhook event's from <see cref="BotLifecycle.StageOf"/>.
/// </summary>
public enum BotLifecycleStage
{
    /// <summary>Created or waiting for its join time (<see cref="BotStatus.Active"/>, <see cref="BotStatus.Scheduled"/>).</summary>
    Scheduled = 10,

    /// <summary>Dispatched to the meeting (<see cref="BotStatus.Joining"/>).</summary>
    Joining = 20,

    /// <summary>In the lobby (<see cref="BotStatus.InWaitingRoom"/>).</summary>
    InWaitingRoom = 30,

    /// <summary>Admitted (<see cref="BotStatus.InMeeting"/>).</summary>
    InMeeting = 40,

    /// <summary>Zoom recording consent answered either way (<see cref="BotStatus.RecordingPermissionAllowed"/>, <see cref="BotStatus.RecordingPermissionDenied"/>).</summary>
    RecordingPermissionAnswered = 45,

    /// <summary>Capturing (<see cref="BotStatus.Recording"/>).</summary>
    Recording = 50,

    /// <summary>Exiting (<see cref="BotStatus.Leaving"/>).</summary>
    Leaving = 60,

    /// <summary>
    /// Out of the meeting for any reason: <see cref="BotStatus.Stopped"/>, <see cref="BotStatus.NotAllowed"/>,
    /// <see cref="BotStatus.Denied"/>, <see cref="BotStatus.Error"/> or <see cref="BotStatus.Failed"/>. This and every
    /// later stage is what <see cref="BotStatus.HasLeftMeeting"/> reports.
    /// </summary>
    Stopped = 70,

    /// <summary>Processing media after the call (<see cref="BotStatus.MediaProcessing"/>).</summary>
    MediaProcessing = 75,

    /// <summary>All processing finished (<see cref="BotStatus.Done"/>).</summary>
    Done = 80,

    /// <summary>Media deleted by retention or on request (<see cref="BotStatus.MediaExpired"/>).</summary>
    MediaExpired = 90,
}
