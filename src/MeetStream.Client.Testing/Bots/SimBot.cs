using System.Text.Json.Nodes;

namespace MeetStream.Client.Testing;

/// <summary>The simulator's state of one bot (guarded by the engine's lock).</summary>
internal sealed class SimBot
{
    public required string Id { get; init; }

    public required JsonObject Request { get; init; }

    public required string MeetingLink { get; init; }

    public required string Platform { get; init; }

    public required string BotName { get; set; }

    public required string Scenario { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public string? BotMessage { get; init; }

    public string? BotImageUrl { get; init; }

    public string? CallbackUrl { get; init; }

    public JsonObject CustomAttributes { get; set; } = [];

    public string Status { get; set; } = "Active";

    public List<string> StatusHistory { get; } = [];

    public List<string> Events { get; } = [];

    public List<KeyValuePair<string, JsonObject>> Timeline { get; } = [];

    public DateTimeOffset? JoinAt { get; set; }

    public DateTimeOffset? StartTime { get; set; }

    public DateTimeOffset? RecordingStart { get; set; }

    public DateTimeOffset? EndTime { get; set; }

    public DateTimeOffset LastUpdatedAt { get; set; }

    public string? TranscriptId { get; set; }

    public TranscriptionKind Transcription { get; init; }

    public string? ProviderName { get; init; }

    public JsonObject? ProviderConfig { get; init; }

    public bool VideoRequired { get; init; }

    public bool AudioSeparateStreams { get; init; }

    public bool VideoSeparateStreams { get; init; }

    public int? RetentionHours { get; init; }

    public string? LiveTranscriptUrl { get; init; }

    public List<(string Url, HashSet<string>? Events)> RealtimeEndpoints { get; } = [];

    public string? AgentConfigId { get; init; }

    public string? LiveAudioUrl { get; init; }

    public string? ControlUrl { get; init; }

    public string? LiveVideoUrl { get; init; }

    public RealtimeBot? Realtime { get; set; }

    public string? WorkflowSummary { get; init; }

    public string TranscriptFormat { get; init; } = "segments";

    public bool DuplicateWebhooks { get; init; }

    public bool ReorderPostCall { get; init; }

    public TimeSpan MeetingDuration { get; init; }

    public int WaitingRoomTimeoutSeconds { get; init; }

    public int? InCallRecordingTimeoutSeconds { get; init; }

    public string? IdempotencyKey { get; init; }

    public string? DeduplicationKey { get; init; }

    public string? TeamsLoginId { get; set; }

    public string? GoogleLoginId { get; set; }

    public int Version { get; set; }

    public bool Recorded { get; set; }

    public bool Left { get; set; }

    public string? StopReason { get; set; }

    public bool ManifestReady { get; set; }

    public bool AudioReady { get; set; }

    public bool VideoReady { get; set; }

    public bool Done { get; set; }

    public bool MediaDeleted { get; set; }

    public bool MediaExpired { get; set; }

    public bool Paused { get; set; }

    public List<DateTimeOffset> RecordingCommands { get; } = [];

    public List<SimChatMessage> Chat { get; } = [];

    public List<SimParticipant> Participants { get; } = [];

    public List<JsonObject> ParticipantEvents { get; } = [];

    public List<(string Command, JsonObject Body, DateTimeOffset Time)> Commands { get; } = [];

    public bool IsInMeeting => Status is "InMeeting" or "Recording" or "RecordingPermissionAllowed";

    public bool IsActive => !Left && Status != "Scheduled";

    /// <summary>True once the bot was taken out of the store (a scheduled bot cancelled); its scripted steps no longer run.</summary>
    public bool Removed { get; set; }

    /// <summary>Changes the status, keeps the history, and adds a timeline entry for <paramref name="stage"/> when given.</summary>
    public void SetStatus(string status, string? stage, string message, DateTimeOffset now)
    {
        Status = status;
        StatusHistory.Add(status);
        LastUpdatedAt = now;
        if (stage is not null)
        {
            AddTimeline(stage, message, now);
        }
    }

    /// <summary>Adds (or replaces) the timeline entry of a stage.</summary>
    public void AddTimeline(string stage, string message, DateTimeOffset now)
    {
        Timeline.RemoveAll(t => t.Key == stage);
        Timeline.Add(new(stage, new JsonObject { ["message"] = message, ["status"] = true, ["timestamp"] = Json.Iso(now) }));
    }

    /// <summary>Records a command the bot received (REST or control socket) in its command list.</summary>
    public void RecordCommand(string command, JsonObject body, DateTimeOffset now) => Commands.Add((command, (JsonObject)body.DeepClone(), now));
}
