using System.Net.Http.Headers;
using MeetStream.Client.Serialization;
using Refit;

namespace MeetStream.Client.Routes;

/// <summary>
/// The generated Refit clients of one <see cref="MeetStreamClient"/>, created once over one <see cref="HttpClient"/>
/// whose <see cref="HttpClient.BaseAddress"/> is the configured base URL. Only built through
/// <see cref="RestService.ForGenerated{T}(HttpClient, RefitSettings)"/>: no reflection, no trim or AOT warnings.
/// </summary>
internal sealed class MeetStreamRoutes
{
    /// <summary>
    /// The settings every route uses: System.Text.Json over the source-generated context, bodies serialized to a
    /// buffer (so requests carry Content-Length and can be resent by the resilience handler), and transport failures
    /// passed through unchanged so <see cref="Http.MeetStreamTransport"/> maps them to MeetStream exceptions.
    /// </summary>
    internal static readonly RefitSettings Settings = new(new SystemTextJsonContentSerializer(MeetStreamJsonContext.Default.Options))
    {
        Buffered = true,
        RequestBodySerialization = RequestBodySerializationMode.Buffered,
        TransportExceptionFactory = static (_, exception, _) => exception,
    };

    public MeetStreamRoutes(HttpClient client)
    {
        Client = client;
        Bots = RestService.ForGenerated<IBotsRoutes>(client, Settings);
        Transcripts = RestService.ForGenerated<ITranscriptsRoutes>(client, Settings);
        Calendar = RestService.ForGenerated<ICalendarRoutes>(client, Settings);
        Agents = RestService.ForGenerated<IAgentsRoutes>(client, Settings);
        Storage = RestService.ForGenerated<IStorageRoutes>(client, Settings);
        GoogleLogins = RestService.ForGenerated<IGoogleLoginsRoutes>(client, Settings);
        TeamsLogins = RestService.ForGenerated<ITeamsLoginsRoutes>(client, Settings);
    }

    /// <summary>Gets the client the routes send through.</summary>
    public HttpClient Client { get; }

    public IBotsRoutes Bots { get; }

    public ITranscriptsRoutes Transcripts { get; }

    public ICalendarRoutes Calendar { get; }

    public IAgentsRoutes Agents { get; }

    public IStorageRoutes Storage { get; }

    public IGoogleLoginsRoutes GoogleLogins { get; }

    public ITeamsLoginsRoutes TeamsLogins { get; }
}
