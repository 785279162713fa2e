using MeetStream.Client.Http;

namespace MeetStream.Client;

/// <summary>The REST implementation of <see cref="ITeamsLoginsClient"/>.</summary>
internal sealed class TeamsLoginsClient : ITeamsLoginsClient
{
    private readonly MeetStreamTransport _transport;

    public TeamsLoginsClient(MeetStreamTransport transport) => _transport = transport;
}
