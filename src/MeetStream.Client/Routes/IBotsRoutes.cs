using System.Text.Json.Nodes;
using MeetStream.Client.Resilience;
using Refit;

namespace MeetStream.Client.Routes;

/// <summary>
/// The bot routes as Refit declares them (generated at build time). Internal: no validation, idempotency or error
/// semantics live here — <see cref="BotsClient"/> adds them and <see cref="Http.MeetStreamTransport"/> runs the call.
/// Every method returns the raw response; the transport reads and maps it.
/// </summary>
internal interface IBotsRoutes
{
    [Post("/bots/create_bot")]
    Task<HttpResponseMessage> CreateBot([Body] CreateBotRequest request, [Header("Idempotency-Key")] string? idempotencyKey, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    /// <remarks>The query is built by <see cref="BotsClient"/> in its documented order: filters, <c>custom_attr[key]</c>, extra parameters and the cursor under its configurable name.</remarks>
    [Get("/bots")]
    Task<HttpResponseMessage> ListBots([Query] IDictionary<string, string>? query, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Get("/bots/{bot_id}/status")]
    Task<HttpResponseMessage> GetStatus([AliasAs("bot_id")] string botId, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Get("/bots/{bot_id}/detail")]
    Task<HttpResponseMessage> GetDetails([AliasAs("bot_id")] string botId, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Get("/bots/{bot_id}/summary")]
    Task<HttpResponseMessage> GetSummary([AliasAs("bot_id")] string botId, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Get("/bots/{bot_id}/get_audio")]
    Task<HttpResponseMessage> GetAudio([AliasAs("bot_id")] string botId, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Get("/bots/{bot_id}/get_video")]
    Task<HttpResponseMessage> GetVideo([AliasAs("bot_id")] string botId, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Get("/bots/{bot_id}/get_audio_streams")]
    Task<HttpResponseMessage> GetAudioStreams([AliasAs("bot_id")] string botId, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Get("/bots/{bot_id}/get_recording_streams")]
    Task<HttpResponseMessage> GetRecordingStreams([AliasAs("bot_id")] string botId, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Get("/bots/{bot_id}/get_speaker_timeline")]
    Task<HttpResponseMessage> GetSpeakerTimeline([AliasAs("bot_id")] string botId, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Get("/bots/{bot_id}/get_chats")]
    Task<HttpResponseMessage> GetChats([AliasAs("bot_id")] string botId, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Get("/bots/{bot_id}/get_screenshots")]
    Task<HttpResponseMessage> GetScreenshots([AliasAs("bot_id")] string botId, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Get("/bots/{bot_id}/get_participants")]
    Task<HttpResponseMessage> GetParticipants([AliasAs("bot_id")] string botId, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Get("/bots/{bot_id}/remove_bot")]
    Task<HttpResponseMessage> RemoveBot([AliasAs("bot_id")] string botId, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Delete("/bots/{bot_id}/delete")]
    Task<HttpResponseMessage> DeleteData([AliasAs("bot_id")] string botId, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    /// <remarks>Sends <c>{}</c>: what the official SDKs send to body-less commands.</remarks>
    [Post("/bots/{bot_id}/pause_recording")]
    Task<HttpResponseMessage> PauseRecording([AliasAs("bot_id")] string botId, [Body] JsonNode body, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    /// <remarks>Sends <c>{}</c>.</remarks>
    [Post("/bots/{bot_id}/resume_recording")]
    Task<HttpResponseMessage> ResumeRecording([AliasAs("bot_id")] string botId, [Body] JsonNode body, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Post("/bots/{bot_id}/send_message")]
    Task<HttpResponseMessage> SendMessage([AliasAs("bot_id")] string botId, [Body] SendMessageRequest request, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Post("/bots/{bot_id}/send_image")]
    Task<HttpResponseMessage> SendImage([AliasAs("bot_id")] string botId, [Body] SendImageRequest request, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Post("/bots/{bot_id}/update_mia")]
    Task<HttpResponseMessage> UpdateMia([AliasAs("bot_id")] string botId, [Body] UpdateAgentSessionRequest request, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);
}

/// <summary>The per-route rules of <see cref="IBotsRoutes"/>, one shared instance each.</summary>
internal static class BotsRoutes
{
    /// <summary>Always safe to retry: it carries an Idempotency-Key, or the caller's deduplication_key makes a repeat return the same bot.</summary>
    public static readonly Route CreateBot = Route.Post("/bots/create_bot", idempotent: true, successOn507: true);
    public static readonly Route ListBots = Route.Get("/bots");
    public static readonly Route GetStatus = Route.Get("/bots/{bot_id}/status");
    public static readonly Route GetDetails = Route.Get("/bots/{bot_id}/detail");
    public static readonly Route GetSummary = Route.Get("/bots/{bot_id}/summary", notReadyOn202: true);
    public static readonly Route GetAudio = Route.Get("/bots/{bot_id}/get_audio", notReadyOn202: true);
    public static readonly Route GetVideo = Route.Get("/bots/{bot_id}/get_video", notReadyOn202: true);
    public static readonly Route GetAudioStreams = Route.Get("/bots/{bot_id}/get_audio_streams", notReadyOn202: true);
    public static readonly Route GetRecordingStreams = Route.Get("/bots/{bot_id}/get_recording_streams", notReadyOn202: true);
    public static readonly Route GetSpeakerTimeline = Route.Get("/bots/{bot_id}/get_speaker_timeline", notReadyOn202: true);
    public static readonly Route GetChats = Route.Get("/bots/{bot_id}/get_chats", notReadyOn202: true);
    public static readonly Route GetScreenshots = Route.Get("/bots/{bot_id}/get_screenshots", notReadyOn202: true);
    public static readonly Route GetParticipants = Route.Get("/bots/{bot_id}/get_participants", notReadyOn202: true);
    public static readonly Route RemoveBot = Route.Get("/bots/{bot_id}/remove_bot");
    public static readonly Route DeleteData = Route.Delete("/bots/{bot_id}/delete");
    public static readonly Route PauseRecording = Route.Post("/bots/{bot_id}/pause_recording", idempotent: true);
    public static readonly Route ResumeRecording = Route.Post("/bots/{bot_id}/resume_recording", idempotent: true);
    public static readonly Route SendMessage = Route.Post("/bots/{bot_id}/send_message");
    public static readonly Route SendImage = Route.Post("/bots/{bot_id}/send_image");
    public static readonly Route UpdateMia = Route.Post("/bots/{bot_id}/update_mia");
}
