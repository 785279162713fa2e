using System.Text.Json.Nodes;

namespace MeetStream.Client;

/// <summary>
/// The MeetStream API: one sub-client per resource (<c>client.Bots.CreateAsync(...)</c>) and a raw escape hatch.
/// Thread-safe; create one per application (or register it with <c>AddMeetStreamClient</c>) and reuse it.
/// </summary>
public interface IMeetStreamClient
{
    /// <summary>Gets bots: create, list, status, details, media, chat, participants and in-meeting actions.</summary>
    IBotsClient Bots { get; }

    /// <summary>Gets transcripts: fetch, list per bot, re-transcribe.</summary>
    ITranscriptsClient Transcripts { get; }

    /// <summary>Gets calendar connections, events, schedules, scheduled bots and auto-join.</summary>
    ICalendarClient Calendar { get; }

    /// <summary>Gets MIA (MeetStream Infrastructure Agents) configurations.</summary>
    IAgentsClient Agents { get; }

    /// <summary>Gets the custom storage configuration (bring your own bucket).</summary>
    IStorageClient Storage { get; }

    /// <summary>Gets Google signed-in bot domains and logins.</summary>
    IGoogleLoginsClient GoogleLogins { get; }

    /// <summary>Gets Teams signed-in bot domains and logins.</summary>
    ITeamsLoginsClient TeamsLogins { get; }

    /// <summary>
    /// Sends any request to the API with the client's authentication, retries, timeouts and tracing, and returns
    /// the raw answer without interpreting its status: for endpoints MeetStream adds before this SDK models them.
    /// </summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pathAndQuery">The path relative to the base URL, starting with <c>/</c>, e.g. <c>/bots/abc/status</c>.</param>
    /// <param name="body">A JSON body, or <see langword="null"/>.</param>
    /// <param name="idempotencyKey">An <c>Idempotency-Key</c> header; with it a POST is retried safely.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The raw response.</returns>
    Task<MeetStreamRawResponse> SendAsync(HttpMethod method, string pathAndQuery, JsonNode? body = null, string? idempotencyKey = null, CancellationToken cancellationToken = default);
}
