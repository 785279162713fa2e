using MeetStream.Client.Http;

namespace MeetStream.Client;

/// <summary>The REST implementation of <see cref="IAgentsClient"/>.</summary>
internal sealed class AgentsClient : IAgentsClient
{
    private readonly MeetStreamTransport _transport;

    public AgentsClient(MeetStreamTransport transport) => _transport = transport;
}
