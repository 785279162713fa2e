using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// The bot <see cref="IBotsClient.CreateAsync"/> created (201) or found again (a replay): its id, the transcript id
/// to fetch later, the meeting URL and its status, plus how the call was answered.
/// </summary>
public sealed class BotCreated : MeetStreamObject
{
    /// <summary>
    /// Gets the new bot's id; every other bot call takes it. Never empty: <see cref="IBotsClient.CreateAsync"/> throws
    /// <see cref="MeetStreamUnexpectedResponseException"/> for a success answer without one, because no later call
    /// could reach that bot.
    /// </summary>
    [JsonPropertyName("bot_id")]
    public required string BotId { get; init; }

    /// <summary>
    /// Gets the id of the post-call transcript (fetch it with the transcripts client), or <see langword="null"/> for
    /// <c>meeting_captions</c> and bots without a transcription provider.
    /// </summary>
    [JsonPropertyName("transcript_id")]
    public string? TranscriptId { get; init; }

    /// <summary>Gets the meeting URL, echoed from the request's <c>meeting_link</c>.</summary>
    [JsonPropertyName("meeting_url")]
    public string? MeetingUrl { get; init; }

    /// <summary>Gets the bot's status, e.g. <see cref="BotStatus.Active"/>; a replay reflects the bot's current status.</summary>
    [JsonPropertyName("status")]
    public BotStatus? Status { get; init; }

    /// <summary>
    /// Gets the <c>Idempotency-Key</c> header the call carried: the caller's key, or the GUID the SDK generated for
    /// this call (reused on every retry). <see langword="null"/> when the request carried a <c>deduplication_key</c>
    /// and no key was given, because MeetStream lets the header win over the body key. Store it to repeat the create
    /// safely after a crash.
    /// </summary>
    [JsonIgnore]
    public string? IdempotencyKey { get; internal set; }

    /// <summary>
    /// Gets whether MeetStream answered 507: the <c>Idempotency-Key</c> was used before, no new bot was created, and
    /// this is the original bot (the request body was ignored).
    /// </summary>
    [JsonIgnore]
    public bool IsIdempotentReplay { get; internal set; }

    /// <summary>
    /// Gets whether MeetStream answered 200 instead of 201: a bot with the same <c>deduplication_key</c> already
    /// exists for this meeting and this is that bot.
    /// </summary>
    [JsonIgnore]
    public bool IsDeduplicationReplay { get; internal set; }

    /// <summary>Gets whether no new bot was created (<see cref="IsIdempotentReplay"/> or <see cref="IsDeduplicationReplay"/>).</summary>
    [JsonIgnore]
    public bool IsReplay => IsIdempotentReplay || IsDeduplicationReplay;

    /// <summary>Gets the <c>x-request-id</c> response header, if MeetStream sent one.</summary>
    [JsonIgnore]
    public string? RequestId { get; internal set; }
}
