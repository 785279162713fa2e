using MeetStream.Client.Keywords;

namespace MeetStream.Client.AspNetCore;

/// <summary>
/// Handles each keyword heard in a meeting: live, as transcript chunks arrive (<see cref="KeywordHit.IsLive"/>), and
/// once more per hit in the post-call transcript when meeting analytics spot keywords there. Register with
/// <c>AddKeywordHitHandler&lt;T&gt;()</c> after <c>AddKeywordSpotting(...)</c>. Each live chunk's hits are handled
/// in the DI scope of that webhook event; an exception is logged and does not stop the other handlers or hits.
/// </summary>
public interface IKeywordHitHandler
{
    /// <summary>Handles one hit.</summary>
    /// <param name="hit">The keyword, who said it, when, the words around it, the bot and its custom attributes.</param>
    /// <param name="cancellationToken">Cancelled only when the host's shutdown timeout passes.</param>
    /// <returns>A task that completes when the hit is handled.</returns>
    Task HandleAsync(KeywordHit hit, CancellationToken cancellationToken);
}
