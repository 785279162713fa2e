namespace MeetStream.Client.Testing;

/// <summary>
/// How long each stage of a simulated bot lasts, in virtual time (scaled by <see cref="MeetStreamSimulatorOptions.TimeScale"/>).
/// The defaults compress a meeting into about 80 virtual seconds.
/// </summary>
public sealed class SimulatorTimings
{
    /// <summary>Gets or sets the time from <c>bot.joining</c> to <c>bot.inmeeting</c> (or to the waiting room). Default 3 s.</summary>
    public TimeSpan JoinDelay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Gets or sets how long a bot waits in the lobby before it is admitted or denied. Default 5 s.</summary>
    public TimeSpan WaitingRoomDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets the waiting-room timeout used by <see cref="SimulatorScenarios.NotAdmitted"/> when the bot sets no <c>automatic_leave.waiting_room_timeout</c>. Default 30 s.</summary>
    public TimeSpan WaitingRoomTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the short gaps between neighbouring stages (in meeting → recording, leaving → stopped, Zoom recording consent). Default 1 s.</summary>
    public TimeSpan StageGap { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets how long the meeting lasts once recording starts. Default 60 s; per bot with the custom attribute <c>sim_meeting_seconds</c>.</summary>
    public TimeSpan MeetingDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets the gap between post-call steps (manifest, audio, transcription, video, done). Default 2 s.</summary>
    public TimeSpan ProcessingStep { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets or sets how long a <c>POST /bots/{id}/transcribe</c> run takes. Default 5 s.</summary>
    public TimeSpan TranscribeDuration { get; set; } = TimeSpan.FromSeconds(5);

    internal SimulatorTimings Clone() => new()
    {
        JoinDelay = JoinDelay,
        StageGap = StageGap,
        WaitingRoomDuration = WaitingRoomDuration,
        WaitingRoomTimeout = WaitingRoomTimeout,
        MeetingDuration = MeetingDuration,
        ProcessingStep = ProcessingStep,
        TranscribeDuration = TranscribeDuration,
    };
}
