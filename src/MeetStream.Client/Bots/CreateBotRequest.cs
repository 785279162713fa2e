using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The body of <c>POST /bots/create_bot</c>: sends a bot into a Google Meet, Zoom or Teams meeting. Only
/// <see cref="MeetingLink"/> and <see cref="BotName"/> are required. <see cref="IBotsClient.CreateAsync"/> checks the
/// documented rules (<see cref="Validate()"/>) before sending.
/// </summary>
public sealed class CreateBotRequest : MeetStreamObject, IValidatableObject
{
    /// <summary>The meeting's join URL (echoed back as <c>meeting_url</c>).</summary>
    [JsonPropertyName("meeting_link")]
    public required string MeetingLink { get; init; }

    /// <summary>The bot's display name in the meeting.</summary>
    [JsonPropertyName("bot_name")]
    public required string BotName { get; init; }

    /// <summary>Whether to record the mixed video. The documented default conflicts, so set it explicitly.</summary>
    [JsonPropertyName("video_required")]
    public bool? VideoRequired { get; init; }

    /// <summary>Per-participant audio tracks (Meet and Zoom).</summary>
    [JsonPropertyName("audio_separate_streams")]
    public bool? AudioSeparateStreams { get; init; }

    /// <summary>Per-participant video tracks.</summary>
    [JsonPropertyName("video_separate_streams")]
    public bool? VideoSeparateStreams { get; init; }

    /// <summary>A chat message the bot posts after it joins.</summary>
    [JsonPropertyName("bot_message")]
    public string? BotMessage { get; init; }

    /// <summary>A public image URL for the bot's avatar or camera.</summary>
    [JsonPropertyName("bot_image_url")]
    public string? BotImageUrl { get; init; }

    /// <summary>This bot's webhook URL. Deliveries to it are unsigned: protect it with a URL token.</summary>
    [JsonPropertyName("callback_url")]
    public string? CallbackUrl { get; init; }

    /// <summary>Joins later at this time (sent with its offset); fires <c>bot.scheduled</c> at once.</summary>
    [JsonPropertyName("join_at")]
    public DateTimeOffset? JoinAt { get; init; }

    /// <summary>Attaches a hosted MIA agent. Send it without bridge URLs.</summary>
    [JsonPropertyName("agent_config_id")]
    public string? AgentConfigId { get; init; }

    /// <summary>Values for template variables in the agent's stored prompt.</summary>
    [JsonPropertyName("agent_config_params")]
    public IReadOnlyDictionary<string, string>? AgentConfigParams { get; init; }

    /// <summary>Your metadata, echoed in webhooks and status and filterable when listing bots. MeetStream asks for string values; the same string dictionary comes back on status, detail, list, scheduled bots and webhook events (a non-string value as its JSON text).</summary>
    [JsonPropertyName("custom_attributes")]
    public IReadOnlyDictionary<string, string>? CustomAttributes { get; init; }

    /// <summary>1–2000 printable ASCII characters: a second create with the same key returns the existing bot.</summary>
    [JsonPropertyName("deduplication_key")]
    public string? DeduplicationKey { get; init; }

    /// <summary>Your control WebSocket (commands such as <c>sendaudio</c>).</summary>
    [JsonPropertyName("socket_connection_url")]
    public WebSocketEndpoint? SocketConnectionUrl { get; init; }

    /// <summary>Your live audio WebSocket (binary PCM frames).</summary>
    [JsonPropertyName("live_audio_required")]
    public WebSocketEndpoint? LiveAudioRequired { get; init; }

    /// <summary>Your live fMP4 video WebSocket (Meet and Teams).</summary>
    [JsonPropertyName("live_video_required")]
    public WebSocketEndpoint? LiveVideoRequired { get; init; }

    /// <summary>Your live transcript webhook; needs a streaming provider.</summary>
    [JsonPropertyName("live_transcription_required")]
    public LiveTranscriptionConfig? LiveTranscriptionRequired { get; init; }

    /// <summary>Post-meeting workflows such as a summary.</summary>
    [JsonPropertyName("workflow_config_ids")]
    public IReadOnlyList<string>? WorkflowConfigIds { get; init; }

    /// <summary>When the bot leaves by itself.</summary>
    [JsonPropertyName("automatic_leave")]
    public AutomaticLeaveConfig? AutomaticLeave { get; init; }

    /// <summary>Transcription provider, retention, real-time endpoints and video layout.</summary>
    [JsonPropertyName("recording_config")]
    public RecordingConfig? RecordingConfig { get; init; }

    /// <summary>Authenticated Zoom join.</summary>
    [JsonPropertyName("zoom")]
    public ZoomJoinConfig? Zoom { get; init; }

    /// <summary>Google signed-in join. Set this or <see cref="Teams"/>, not both.</summary>
    [JsonPropertyName("google_meet")]
    public GoogleMeetJoinConfig? GoogleMeet { get; init; }

    /// <summary>Teams signed-in join. Set this or <see cref="GoogleMeet"/>, not both.</summary>
    [JsonPropertyName("teams")]
    public TeamsJoinConfig? Teams { get; init; }

    /// <summary>
    /// Checks the request against MeetStream's documented rules (required fields, <c>automatic_leave</c> ranges, URL
    /// schemes, mutually exclusive blocks, streaming provider for live transcription, <c>deduplication_key</c> format)
    /// without sending it.
    /// </summary>
    /// <returns>Every problem with the JSON path of its field; empty when the request is valid.</returns>
    public IReadOnlyList<CreateBotRequestProblem> Validate() => CreateBotRequestValidator.Validate(this);

    /// <inheritdoc />
    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext) =>
        Validate().Select(problem => new ValidationResult(problem.ToString(), [problem.Path]));
}
