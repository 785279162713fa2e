using MeetStream.Client.Resilience;
using Refit;

namespace MeetStream.Client.Routes;

/// <summary>The transcript routes as Refit declares them; see <see cref="IBotsRoutes"/> for the conventions.</summary>
internal interface ITranscriptsRoutes
{
    /// <remarks><paramref name="raw"/> is <c>"true"</c> or <c>"false"</c> (lower case, as MeetStream expects).</remarks>
    [Get("/transcript/{transcript_id}/get_transcript")]
    Task<HttpResponseMessage> GetTranscript([AliasAs("transcript_id")] string transcriptId, [AliasAs("raw")] string raw, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Get("/bots/{bot_id}/transcriptions")]
    Task<HttpResponseMessage> ListTranscriptions([AliasAs("bot_id")] string botId, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Post("/bots/{bot_id}/transcribe")]
    Task<HttpResponseMessage> Transcribe([AliasAs("bot_id")] string botId, [Body] TranscribeRequest request, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);
}

/// <summary>The per-route rules of <see cref="ITranscriptsRoutes"/>.</summary>
internal static class TranscriptsRoutes
{
    public static readonly Route GetTranscript = Route.Get("/transcript/{transcript_id}/get_transcript", notReadyOn202: true);
    public static readonly Route ListTranscriptions = Route.Get("/bots/{bot_id}/transcriptions");
    public static readonly Route Transcribe = Route.Post("/bots/{bot_id}/transcribe");
}
