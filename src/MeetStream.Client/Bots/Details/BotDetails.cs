using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The full record of a bot from <c>GET /bots/{bot_id}/detail</c> (the <c>bot_details</c> object, PascalCase keys on
/// the wire): configuration echo, timing, platform, stage timeline, caption file and processing states.
/// </summary>
public sealed class BotDetails : MeetStreamObject
{
    /// <summary>Gets the bot id (<c>BotID</c>).</summary>
    [JsonPropertyName("BotID")]
    public string? BotId { get; init; }

    /// <summary>Gets the avatar image URL (<c>BotImageURL</c>).</summary>
    [JsonPropertyName("BotImageURL")]
    public string? BotImageUrl { get; init; }

    /// <summary>Gets the chat message the bot posts after joining (<c>BotMessage</c>).</summary>
    [JsonPropertyName("BotMessage")]
    public string? BotMessage { get; init; }

    /// <summary>Gets the bot profile (<c>BotProfile</c>; shape undocumented).</summary>
    [JsonPropertyName("BotProfile")]
    public JsonElement? BotProfile { get; init; }

    /// <summary>Gets the bot's display name (<c>BotUsername</c>).</summary>
    [JsonPropertyName("BotUsername")]
    public string? BotUsername { get; init; }

    /// <summary>Gets when the bot was created (<c>CreatedAt</c>), as MeetStream wrote it.</summary>
    [JsonPropertyName("CreatedAt")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? CreatedAt { get; init; }

    /// <summary>Gets when the bot started in the meeting (<c>StartTime</c>), as MeetStream wrote it.</summary>
    [JsonPropertyName("StartTime")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? StartTime { get; init; }

    /// <summary>Gets when the bot left (<c>EndTime</c>), as MeetStream wrote it.</summary>
    [JsonPropertyName("EndTime")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? EndTime { get; init; }

    /// <summary>Gets how long the bot was in the meeting (<c>Duration</c>), as MeetStream wrote it (unit undocumented).</summary>
    [JsonPropertyName("Duration")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? Duration { get; init; }

    /// <summary>Gets when the record last changed, as a Unix epoch number (<c>LastUpdatedAt</c>).</summary>
    [JsonPropertyName("LastUpdatedAt")]
    public long? LastUpdatedAt { get; init; }

    /// <summary>Gets the manifest state, e.g. <c>Success</c> (<c>ManifestStatus</c>).</summary>
    [JsonPropertyName("ManifestStatus")]
    public string? ManifestStatus { get; init; }

    /// <summary>Gets the meeting link (<c>MeetingLink</c>).</summary>
    [JsonPropertyName("MeetingLink")]
    public string? MeetingLink { get; init; }

    /// <summary>Gets the native speech-to-text setting (<c>NativeSTT</c>; type undocumented).</summary>
    [JsonPropertyName("NativeSTT")]
    public JsonElement? NativeStt { get; init; }

    /// <summary>Gets the offering type of the bot (<c>OfferingType</c>).</summary>
    [JsonPropertyName("OfferingType")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? OfferingType { get; init; }

    /// <summary>Gets the platform, e.g. <see cref="MeetingPlatform.GoogleMeet"/> (<c>Platform</c>).</summary>
    [JsonPropertyName("Platform")]
    public MeetingPlatform? Platform { get; init; }

    /// <summary>Gets the status (<c>Status</c>).</summary>
    [JsonPropertyName("Status")]
    public BotStatus? Status { get; init; }

    /// <summary>Gets the owning MeetStream user id (<c>UserID</c>).</summary>
    [JsonPropertyName("UserID")]
    public string? UserId { get; init; }

    /// <summary>Gets the create_bot body as MeetStream stored it (<c>RequestPayload</c>).</summary>
    [JsonPropertyName("RequestPayload")]
    public JsonElement? RequestPayload { get; init; }

    /// <summary>
    /// Gets the stage timeline (<c>StatusTimeline</c>): stage name (<c>Scheduled</c>, <c>Joining</c>, <c>WaitingRoom</c>,
    /// <c>InMeeting</c>, <c>Recording</c>, <c>Leaving</c>, <c>Stopped</c>, <c>BotNotAllowed</c>, <c>BotRejected</c>,
    /// <c>Error</c>, <c>AudioProcessing</c>, <c>VideoProcessing</c>, <c>TranscriptionReady</c>, <c>Done</c>,
    /// <c>MediaExpired</c>, …) to what happened at that stage.
    /// </summary>
    [JsonPropertyName("StatusTimeline")]
    public IReadOnlyDictionary<string, BotStatusTimelineEntry>? StatusTimeline { get; init; }

    /// <summary>
    /// Gets your custom attributes (<c>custom_attributes</c>) as MeetStream echoes them: string values as they are, any
    /// other JSON value (number, boolean, <c>null</c>, object, array) as its raw JSON text (<c>12</c>, <c>true</c>,
    /// <c>null</c>, <c>{"a":1}</c>). The same type as on the request and on webhook events.
    /// </summary>
    [JsonPropertyName("custom_attributes")]
    [JsonConverter(typeof(ObjectAsStringDictionaryJsonConverter))]
    public IReadOnlyDictionary<string, string>? CustomAttributes { get; init; }

    /// <summary>Gets the native caption file of a <c>meeting_captions</c> bot (<c>caption_file</c>).</summary>
    [JsonPropertyName("caption_file")]
    public CaptionFile? CaptionFile { get; init; }

    /// <summary>Gets the bucket holding the media (<c>MediaS3Bucket</c>; seen live, not in the API reference).</summary>
    [JsonPropertyName("MediaS3Bucket")]
    public string? MediaS3Bucket { get; init; }

    /// <summary>Gets when the platform record was created (<c>PlatformCreatedAt</c>; seen live).</summary>
    [JsonPropertyName("PlatformCreatedAt")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? PlatformCreatedAt { get; init; }

    /// <summary>Gets the platform/status sort key (<c>PlatformStatusCreatedAt</c>; seen live).</summary>
    [JsonPropertyName("PlatformStatusCreatedAt")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? PlatformStatusCreatedAt { get; init; }

    /// <summary>Gets the status sort key (<c>StatusCreatedAt</c>; seen live).</summary>
    [JsonPropertyName("StatusCreatedAt")]
    [JsonConverter(typeof(AnyValueAsStringJsonConverter))]
    public string? StatusCreatedAt { get; init; }

    /// <summary>Gets the mixed-audio processing state, e.g. <c>Success</c> (<c>AudioStatus</c>; seen live).</summary>
    [JsonPropertyName("AudioStatus")]
    public string? AudioStatus { get; init; }

    /// <summary>Gets the transcript processing state, e.g. <c>Success</c> (<c>TranscriptStatus</c>; seen live).</summary>
    [JsonPropertyName("TranscriptStatus")]
    public string? TranscriptStatus { get; init; }

    /// <summary>Gets the participant join/leave events recorded for the bot (<c>participant_events</c>; shape undocumented).</summary>
    [JsonPropertyName("participant_events")]
    public JsonElement? ParticipantEvents { get; init; }

    /// <summary>
    /// Gets the latest transcript id (<c>transcript_id</c>; seen live). A later <c>/transcribe</c> run overwrites it.
    /// </summary>
    [JsonPropertyName("transcript_id")]
    public string? TranscriptId { get; init; }
}
